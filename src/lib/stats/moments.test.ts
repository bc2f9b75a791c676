// The streaming path of `npm run analyze` (one-pass sums, src/lib/stats/moments.ts → analyzeMoments)
// against the in-memory path (analyze(), which is checked against psych in analyze.test.ts): the
// whole report agrees to 1e-10 (relative for values above 1), with the same pairwise deletion, on
// bfi (which has scattered NAs), on bfi with many more holes, on a generated survey with training
// needs, and when a scale fails.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCodebook } from '../codebook/load.ts';
import { openDuck, rows as query } from '../data/duck.ts';
import { analyze, analyzeMoments, momentsOf } from './analyze.ts';
import { PairwiseMoments } from './moments.ts';
import { covarianceMatrix } from './reliability.ts';
import { correlationMatrix } from './correlation.ts';

const cb = loadCodebook('tests/fixtures/bfi/codebook.yaml');

/** every number equal to 1e-10 (relative above 1), NaN/null where the other has NaN/null, strings and shapes equal */
function same(a: unknown, b: unknown, path = '$'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return void expect(`${path}: ${b}`).toBe(`${path}: ${a}`);
    if (Math.abs(a - b) > 1e-10 * Math.max(1, Math.abs(a))) expect.fail(`${path}: in-memory ${a}, streamed ${b}`);
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(b as object).sort(), path).toEqual(Object.keys(a as object).sort());
    for (const k of Object.keys(a as object)) same((a as any)[k], (b as any)[k], `${path}.${k}`);
    return;
  }
  expect(b, path).toEqual(a);
}

async function bfiRows() {
  const conn = await openDuck();
  return query<Record<string, unknown>>(conn, "SELECT * FROM read_csv('tests/fixtures/bfi/bfi.csv', header = true)");
}

describe('streamed analysis = in-memory analysis', () => {
  it('bfi: every statistic of the report to 1e-10, whatever the chunk size', async () => {
    const data = await bfiRows();
    const expected = analyze(data, cb);
    expect(expected.scales.every((s) => s.error === null)).toBe(true);
    for (const chunk of [2048, 97, 1]) same(expected, analyzeMoments(momentsOf(data, cb, chunk), cb));
  });

  it('bfi with a quarter of the answers blanked: pairwise counts differ per pair and still agree', async () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const data = (await bfiRows()).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, rnd() < 0.25 ? null : v])));
    const expected = analyze(data, cb);
    // the premise: complete rows and per-item counts differ a lot from the row count
    expect(expected.scales[0].n).toBeLessThan(1000);
    same(expected, analyzeMoments(momentsOf(data, cb, 500), cb));
  });

  it('a constant item and a scale nobody answered: the same errors, the other scales the same numbers', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 48271) % 2147483647), (seed % 6) + 1);
    const data = Array.from({ length: 40 }, () => Object.fromEntries(cb.scales.flatMap((s) => s.items).map((it) => [it, it === 'O1' ? 3 : it.startsWith('N') ? null : next()])));
    const expected = analyze(data, cb);
    expect(expected.scales.find((s) => s.id === 'openness')!.error).toMatch(/O1 is constant/);
    expect(expected.scales.find((s) => s.id === 'neuroticism')!.error).toMatch(/^alpha: item N1 has fewer than 2 answers/);
    same(expected, analyzeMoments(momentsOf(data, cb, 16), cb));
  });

  it('a generated survey: reverse-keyed scales, Borich ranking, IPA and locus for focus', async () => {
    const { generateSurvey } = await import('../synthetic/generate.ts');
    const survey = loadCodebook('data/codebook.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'moments-'));
    await generateSurvey({ seed: 5, respondents: 600, outDir: dir, codebook: survey });
    const conn = await openDuck();
    const data = await query<Record<string, unknown>>(conn, `SELECT * FROM read_csv('${dir}/respondents.csv')`);
    const expected = analyze(data, survey);
    expect(expected.needs!.length).toBeGreaterThan(3);
    expect(survey.scales.some((s) => s.reverse.length)).toBe(true);
    same(expected, analyzeMoments(momentsOf(data, survey, 128), survey));
  });
});

describe('PairwiseMoments against the two-pass functions', () => {
  it('covariance and correlation matrices with holes and reverse keying equal covarianceMatrix / correlationMatrix', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const n = 300;
    const cols = [0, 1, 2, 3].map((j) => Array.from({ length: n }, () => (rnd() < 0.15 ? null : 1 + Math.floor(rnd() * (5 + j)))));
    const m = new PairwiseMoments(['a', 'b', 'c', 'd'], [3, 3.5, 4, 4.5]);
    m.addColumns(cols);
    const signs = [1, -1, 1, -1];
    const reversed = cols.map((c, j) => (signs[j] < 0 ? c.map((v) => (v === null ? null : 10 - v)) : c));
    const C = covarianceMatrix(reversed), R = correlationMatrix(reversed).r;
    same(C, m.covariance([0, 1, 2, 3], signs));
    same(R, m.correlation([0, 1, 2, 3], signs));
    expect(m.count(1)).toBe(cols[1].filter((v) => v !== null).length);
  });
});
