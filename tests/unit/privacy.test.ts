/**
 * Disclosure control, attacked from outside (docs/privacy.md). Each test reads only what is
 * published, plus the raw survey where it plays the intruder's or the auditor's knowledge:
 * - property: random surveys and random scenarios keep k (NULL a value of its own) and l;
 * - linkage: an intruder who knows 200 colleagues' characteristics never narrows one to fewer than k;
 * - differencing: no withheld cell of groups.parquet follows from shown cells, totals and the
 *   microdata, by linear algebra or by bounds;
 * - utility: at 3,000 and 100,000 respondents no group view withholds more than 5%;
 * - the protected aggregates equal the raw survey's own numbers (computed here in TypeScript).
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { loadCodebook } from '../../src/lib/codebook/load.ts';
import type { Codebook } from '../../src/lib/codebook/types.ts';
import type { DisclosureScenario } from '../../src/lib/codebook/disclosure.ts';
import { generateSurvey } from '../../src/lib/synthetic/generate.ts';
import { buildData } from '../../src/lib/data/build.ts';
import { openDuck, rows } from '../../src/lib/data/duck.ts';
import { protectCells } from '../../src/lib/privacy/cells.ts';

const codebook = loadCodebook('data/codebook.yaml');
const scenario = codebook.disclosure!;
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'privacy-test-'));
const q = (s: string) => s.replace(/'/g, "''");

async function survey(seed: number, n: number, cb: Codebook = codebook, k?: number) {
  const raw = tmp();
  const out = tmp();
  await generateSurvey({ seed, respondents: n, outDir: raw, codebook });
  const { disclosure } = await buildData({ rawDir: raw, outDir: out, codebook: cb, k });
  return { raw, out, disclosure };
}

/** SQL over the raw CSV giving every intruder-known variable at the codebook's level (what the intruder knows). */
function rawKnownSQL(raw: string, cb: Codebook): string {
  const s = cb.disclosure!;
  const exprs = s.quasiIdentifiers.map((qi) => {
    const v = cb.variables.find((x) => x.name === qi.name || x.generalise?.to === qi.name)!;
    if (v.generalise?.bands) return `CASE ${v.generalise.bands.map(([lo, hi, c]) => `WHEN CAST(${v.name} AS INTEGER) BETWEEN ${lo} AND ${hi} THEN '${c}'`).join(' ')} END AS ${qi.name}`;
    if (qi.bands) return `CASE ${qi.bands.map(([lo, hi, c]) => `WHEN CAST(${qi.name} AS INTEGER) BETWEEN ${lo} AND ${hi} THEN '${c}'`).join(' ')} END AS ${qi.name}`;
    return `NULLIF(${qi.name}, '') AS ${qi.name}`;
  });
  return `SELECT ${s.fixed.map((f) => `NULLIF(${f}, '') AS ${f}`).join(', ')}, ${exprs.join(', ')} FROM read_csv('${q(path.join(raw, 'respondents.csv'))}', header = true, all_varchar = true)`;
}

/** The value the microdata publishes for a level-0 code at a hierarchy level (undefined = withheld). */
function atLevel(sc: DisclosureScenario, name: string, level: number, code: string | null): string | null | undefined {
  const qi = sc.quasiIdentifiers.find((x) => x.name === name)!;
  if (level > qi.levels.length) return undefined;
  if (level === 0 || code === null) return code;
  return qi.levels[level - 1].map[code] ?? code;
}

describe('k-anonymity and l-diversity (property)', () => {
  it('hold over the declared quasi-identifiers for random surveys and random scenarios', async () => {
    const qiNames = scenario.quasiIdentifiers.map((x) => x.name);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 300, max: 3000 }),
        fc.integer({ min: 2, max: 10 }),
        fc.subarray(qiNames, { minLength: 1 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: qiNames.length, maxLength: qiNames.length }),
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        async (seed, n, k, keep, weights, l, limit) => {
          const sc: DisclosureScenario = {
            ...scenario,
            l,
            suppressionLimit: limit,
            quasiIdentifiers: scenario.quasiIdentifiers.filter((x) => keep.includes(x.name)).map((x) => ({ ...x, weight: weights[qiNames.indexOf(x.name)] })),
          };
          const { out, disclosure } = await survey(seed, n, { ...codebook, disclosure: sc }, k);
          const conn = await openDuck();
          const file = `read_parquet('${q(path.join(out, 'respondents.parquet'))}')`;
          const key = [...sc.fixed, ...sc.quasiIdentifiers.map((x) => x.name)].join(', ');
          const [{ smallest, total }] = await rows<{ smallest: number | null; total: number }>(conn, `SELECT min(c)::INT AS smallest, sum(c)::INT AS total FROM (SELECT count(*) AS c FROM ${file} GROUP BY ${key})`);
          if (total > 0) expect(smallest).toBeGreaterThanOrEqual(k);
          expect(total + disclosure.recordsRemoved).toBe(n);
          for (const sv of sc.sensitive) {
            const [{ bad }] = await rows<{ bad: number }>(
              conn,
              `SELECT count(*)::INT AS bad FROM (SELECT count(DISTINCT ${sv}) AS d, count(${sv}) AS a FROM ${file} GROUP BY ${key}) WHERE a > 0 AND d < ${l}`,
            );
            expect(bad, `classes with fewer than l = ${l} distinct answers to ${sv}`).toBe(0);
          }
          for (const c of sc.aggregateOnly) expect(readFileSync(path.join(out, 'respondents.csv'), 'utf8').split('\n')[0].split(',')).not.toContain(c);
        },
      ),
      { numRuns: 5 },
    );
  });
});

describe('attacks on the default release (3,000 respondents)', () => {
  let raw: string;
  let out: string;
  let disclosure: any;
  let published: Codebook;
  beforeAll(async () => {
    ({ raw, out, disclosure } = await survey(42, 3000));
    published = JSON.parse(readFileSync(path.join(out, 'codebook.json'), 'utf8'));
  });

  it('the published codebook and manifest state the k the data was built with', async () => {
    const other = await survey(42, 600, codebook, 7);
    expect(JSON.parse(readFileSync(path.join(other.out, 'codebook.json'), 'utf8')).k).toBe(7);
    expect(JSON.parse(readFileSync(path.join(other.out, 'manifest.json'), 'utf8')).k).toBe(7);
    expect(published.k).toBe(codebook.k);
  });

  it('linkage: 200 colleagues known to an intruder each match at least k published records, or none', async () => {
    const conn = await openDuck();
    const sc = published.disclosure!;
    const known = await rows<Record<string, string | null>>(conn, `${rawKnownSQL(raw, published)} USING SAMPLE reservoir(200 ROWS) REPEATABLE (11)`);
    expect(known.length).toBe(200);
    const pub = await rows<Record<string, any>>(conn, `SELECT * FROM read_parquet('${q(path.join(out, 'respondents.parquet'))}')`);
    let matched = 0;
    for (const target of known) {
      const matches = pub.filter(
        (r) =>
          sc.fixed.every((f) => String(r[f] ?? '') === String(target[f] ?? '')) &&
          sc.quasiIdentifiers.every((qi) => {
            const want = atLevel(sc, qi.name, disclosure.variables[qi.name].level, target[qi.name]);
            // a withheld (NULL) published value could be anyone: the intruder counts it as a possible match
            return want === undefined || r[qi.name] === null || String(r[qi.name]) === String(want);
          }),
      ).length;
      if (matches > 0) matched++;
      if (matches > 0) expect(matches, JSON.stringify(target)).toBeGreaterThanOrEqual(published.k);
    }
    expect(matched).toBeGreaterThan(190); // the attack really ran: almost everyone is published
  });

  it('differencing: no withheld cell of groups.parquet follows from shown cells, totals and the microdata', async () => {
    const conn = await openDuck();
    const k = published.k;
    const sc = published.disclosure!;
    const groups = await rows<Record<string, any>>(conn, `SELECT * FROM read_parquet('${q(path.join(out, 'groups.parquet'))}')`);
    const bys = [...new Set(groups.map((g) => g.by_var))].filter((b) => b !== '_total');
    let tried = 0;
    for (const by of bys) {
      const truth = new Map<string, number>();
      const knownSQL = rawKnownSQL(raw, { ...published, disclosure: { ...sc, fixed: [...new Set([...sc.fixed, 'county', by].filter((x) => !sc.quasiIdentifiers.some((qi) => qi.name === x)))] } });
      for (const r of await rows<{ scope: string; grp: string | null; n: number }>(
        conn,
        `SELECT coalesce(county, 'all') AS scope, CAST(${by} AS VARCHAR) AS grp, count(*)::INT AS n FROM (${knownSQL}) GROUP BY GROUPING SETS ((county, ${by}), (${by}))`,
      ))
        truth.set(`${r.scope}|${r.grp}`, r.n);
      const shown = groups.filter((g) => g.by_var === by && g.measure === '_n');
      const unknown = shown.filter((g) => g.n === null && !String(g.grp ?? '').includes('+')).map((g) => `${g.scope}|${g.grp}`);
      if (!unknown.length) continue;
      const idx = new Map(unknown.map((u, i) => [u, i]));
      const scopes = [...new Set(groups.filter((g) => g.by_var === '_total').map((g) => g.scope))];
      const codes = [...new Set([...truth.keys()].map((x) => x.split('|')[1]))];
      const eqs: { vars: number[]; coef: number[]; rhs: number }[] = [];
      const value = (cell: string) => truth.get(cell) ?? 0;
      const addEq = (cells: string[], sign: number[] = cells.map(() => 1)) => {
        const vars: number[] = [];
        const coef: number[] = [];
        let rhs = 0;
        cells.forEach((c, i) => {
          if (idx.has(c)) {
            vars.push(idx.get(c)!);
            coef.push(sign[i]);
          }
          rhs += sign[i] * value(c);
        });
        // rhs of the unknowns alone: what the reader computes from totals minus shown cells
        const shownPart = cells.reduce((a, c, i) => a + (idx.has(c) ? 0 : sign[i] * value(c)), 0);
        if (vars.length) eqs.push({ vars, coef, rhs: rhs - shownPart });
      };
      for (const s of scopes) addEq(codes.map((g) => `${s}|${g}`));
      for (const g of codes) addEq([`all|${g}`, ...scopes.filter((s) => s !== 'all').map((s) => `${s}|${g}`)], [1, ...scopes.filter((s) => s !== 'all').map(() => -1)]);
      const qi = sc.quasiIdentifiers.find((x) => x.name === by);
      const level = qi ? disclosure.variables[by].level : 0;
      if (qi && level >= 1 && level <= qi.levels.length) {
        const classes = new Map<string, string[]>();
        for (const g of codes) if (g !== 'null') classes.set(qi.levels[level - 1].map[g] ?? g, [...(classes.get(qi.levels[level - 1].map[g] ?? g) ?? []), g]);
        for (const members of classes.values()) for (const s of scopes) addEq(members.map((g) => `${s}|${g}`));
      }
      for (const g of shown.filter((x) => String(x.grp ?? '').includes('+'))) addEq(String(g.grp).split('+').map((c) => `${g.scope}|${c === '_none' ? null : c}`));
      // 1. linear algebra: x_i is determined iff every null-space vector of the system is 0 at i
      const determined = determinedUnknowns(unknown.length, eqs);
      // 2. bounds: with every cell ≥ 0, an equation bounds each of its unknowns; propagate
      const lo = unknown.map(() => 0);
      const hi = unknown.map(() => Infinity);
      for (let round = 0; round < 5; round++)
        for (const e of eqs) {
          if (e.coef.some((c) => c < 0)) continue;
          e.vars.forEach((v, j) => {
            const others = e.vars.filter((_, jj) => jj !== j);
            hi[v] = Math.min(hi[v], e.rhs - others.reduce((a, o) => a + lo[o], 0));
            lo[v] = Math.max(lo[v], e.rhs - others.reduce((a, o) => a + hi[o], 0));
          });
        }
      unknown.forEach((u, i) => {
        tried++;
        const n = value(u);
        expect(determined[i], `${by} ${u} (n = ${n}) is determined by the published equations`).toBe(false);
        if (n > 0 && n < k) expect(hi[i] - lo[i], `${by} ${u} (n = ${n}) is pinned to [${lo[i]}, ${hi[i]}]`).toBeGreaterThan(0);
      });
    }
    expect(tried).toBeGreaterThan(0); // there was something to attack
  });

  it('utility: no group view withholds more than 5% of its respondents (3,000)', async () => {
    const conn = await openDuck();
    const views = await rows<{ by_var: string; scope: string; total: number; shown: number }>(
      conn,
      `SELECT g.by_var, g.scope, any_value(t.n)::INT AS total, sum(g.n)::INT AS shown
       FROM read_parquet('${q(path.join(out, 'groups.parquet'))}') g JOIN read_parquet('${q(path.join(out, 'groups.parquet'))}') t
         ON t.scope = g.scope AND t.by_var = '_total' AND t.measure = '_n'
       WHERE g.measure = '_n' AND g.by_var NOT IN ('_total', 'county') GROUP BY ALL`,
    );
    expect(views.length).toBeGreaterThan(50);
    const worst = Math.max(...views.map((v) => 1 - v.shown / v.total));
    expect(worst).toBeLessThanOrEqual(0.05);
    expect(disclosure.aggregates.worstViewShare).toBeCloseTo(worst, 10);
  });

  it('the protected aggregates are the raw survey\'s own means (recomputed from the raw items in TypeScript)', async () => {
    const conn = await openDuck();
    const scale = published.scales.find((s) => s.score === 'score_turnover')!;
    const rawRows = await rows<Record<string, string | null>>(conn, `SELECT county, gender, ${scale.items.join(', ')} FROM read_csv('${q(path.join(raw, 'respondents.csv'))}', header = true, all_varchar = true)`);
    const groups = await rows<Record<string, any>>(conn, `SELECT * FROM read_parquet('${q(path.join(out, 'groups.parquet'))}') WHERE by_var = 'gender' AND measure = 'score_turnover' AND NOT withheld`);
    expect(groups.length).toBeGreaterThan(10);
    for (const g of groups) {
      const xs = rawRows
        .filter((r) => (g.scope === 'all' || r.county === g.scope) && r.gender === g.grp)
        .map((r) => scale.items.map((it) => (scale.reverse.includes(it) ? scale.min + scale.max - Number(r[it]) : Number(r[it]))))
        .filter((v) => v.every((x) => Number.isFinite(x) && x > 0))
        .map((v) => v.reduce((a, b) => a + b, 0) / v.length);
      expect(g.m_n).toBe(xs.length);
      expect(g.m_sum / g.m_n).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 10);
    }
  });
});

describe('utility at 100,000 respondents', () => {
  it('no group view withholds more than 5%, and the microdata keeps more detail than at 3,000', async () => {
    const { disclosure } = await survey(9, 100_000);
    expect(disclosure.kAchieved).toBeGreaterThanOrEqual(codebook.k);
    expect(disclosure.aggregates!.worstViewShare).toBeLessThanOrEqual(0.05);
    expect(disclosure.lattice.weightedLoss).toBeLessThan(0.5);
  }, 600_000);
});

describe('complementary suppression (unit)', () => {
  it('never leaves one withheld cell alone in an equation', () => {
    // a 2 × 3 table with both margins: one small cell forces a rectangle of four
    const cells = [
      { id: 'a1', n: 2 }, { id: 'a2', n: 40 }, { id: 'a3', n: 50 },
      { id: 'b1', n: 30 }, { id: 'b2', n: 35 }, { id: 'b3', n: 60 },
    ];
    const eqs = [{ cells: ['a1', 'a2', 'a3'] }, { cells: ['b1', 'b2', 'b3'] }, { cells: ['a1', 'b1'] }, { cells: ['a2', 'b2'] }, { cells: ['a3', 'b3'] }];
    const p = protectCells(cells, eqs, 5);
    expect(p.primary).toBe(1);
    for (const e of eqs) expect(e.cells.filter((c) => p.withheld.has(c)).length).not.toBe(1);
    expect([...p.withheld].sort()).toEqual(['a1', 'a2', 'b1', 'b2']);
  });
  it('prefers a zero cell, which costs no respondent', () => {
    const p = protectCells([{ id: 'x', n: 3 }, { id: 'y', n: 0 }, { id: 'z', n: 90 }], [{ cells: ['x', 'y', 'z'] }], 5);
    expect([...p.withheld].sort()).toEqual(['x', 'y']);
  });
});

/** For a linear system over `n` unknowns, which unknowns does it pin down? (Gauss–Jordan, then the null space.) */
function determinedUnknowns(n: number, eqs: { vars: number[]; coef: number[] }[]): boolean[] {
  const m = eqs.map((e) => {
    const row = new Array(n).fill(0);
    e.vars.forEach((v, j) => (row[v] += e.coef[j]));
    return row;
  });
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < m.length; c++) {
    let p = r;
    while (p < m.length && Math.abs(m[p][c]) < 1e-9) p++;
    if (p === m.length) continue;
    [m[r], m[p]] = [m[p], m[r]];
    const piv = m[r][c];
    for (let j = 0; j < n; j++) m[r][j] /= piv;
    for (let i = 0; i < m.length; i++) if (i !== r && Math.abs(m[i][c]) > 1e-12) {
      const f = m[i][c];
      for (let j = 0; j < n; j++) m[i][j] -= f * m[r][j];
    }
    pivots.push(c);
    r++;
  }
  const free = [...Array(n).keys()].filter((c) => !pivots.includes(c));
  // a pivot unknown is determined iff its row has no free-variable entries; a free unknown never is
  return [...Array(n).keys()].map((c) => {
    const i = pivots.indexOf(c);
    if (i === -1) return false;
    return free.every((f) => Math.abs(m[i][f]) < 1e-9);
  });
}
