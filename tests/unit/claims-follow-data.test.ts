// Every comparative claim in the chapters is checked at build time (<Claim>, <Apa> with outcome
// wording; src/lib/prose/claims.ts): build the site from another survey (seed 7) and each claim either
// holds or shows the wording the data supports — re-checked here with DuckDB directly on that survey's
// published files — and a claim made false fails with ClaimFalse.
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCodebook } from '../../src/lib/codebook/load.ts';
import { generateSurvey } from '../../src/lib/synthetic/generate.ts';
import { buildData } from '../../src/lib/data/build.ts';
import { openDuck, rows } from '../../src/lib/data/duck.ts';
import { viewStatements } from '../../src/lib/db/params.ts';
import { claimRow, ClaimFalse, judgeClaim } from '../../src/lib/prose/claims.ts';
import type { DuckDBConnection } from '@duckdb/node-api';

const codebook = loadCodebook('data/codebook.yaml');
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
// a tag with its quoted attributes (SQL in an attribute may hold '>', so [^>]* would cut it short)
const tags = (html: string, cls: string) => html.match(new RegExp(`<span class="${cls}"(?:\\s+[\\w-]+="[^"]*")*\\s*>`, 'g')) ?? [];
const attr = (tag: string, name: string) => {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return m ? unescape(m[1]) : undefined;
};

let dir = '';
let conn: DuckDBConnection;
let k = 5;
const pages: { page: string; html: string }[] = [];

beforeAll(async () => {
  // CLAIMS_SITE_DIR: re-check a site this test built before (while editing the checks), instead of building again
  dir = process.env.CLAIMS_SITE_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'claims-7-'));
  if (!process.env.CLAIMS_SITE_DIR) {
    await generateSurvey({ seed: 7, respondents: 1500, outDir: path.join(dir, 'raw'), codebook });
    await buildData({ rawDir: path.join(dir, 'raw'), outDir: path.join(dir, 'data'), codebook });
    // the build itself is the first check: a false claim without wording for that case throws
    execFileSync('npx', ['astro', 'build'], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', REPORT_DATA_DIR: path.join(dir, 'data'), REPORT_OUT_DIR: path.join(dir, 'dist') },
      stdio: 'ignore',
    });
  }
  for (const home of ['', 'zh/']) pages.push({ page: `${home}home`, html: readFileSync(path.join(dir, 'dist', home, 'index.html'), 'utf8') });
  for (const base of ['chapters', 'zh/chapters'])
    for (const ch of readdirSync(path.join(dir, 'dist', base)).filter((c) => /^\d\d-/.test(c)))
      pages.push({ page: `${base}/${ch}`, html: readFileSync(path.join(dir, 'dist', base, ch, 'index.html'), 'utf8') });
  conn = await openDuck();
  const published = JSON.parse(readFileSync(path.join(dir, 'data/codebook.json'), 'utf8'));
  // the views as the clients define them (competency from the SQL codebook.json publishes)
  for (const statement of viewStatements(['respondents', 'competency', 'groups'], published.views, (n) => path.join(dir, 'data', n))) await conn.run(statement);
  k = published.k;
}, 900_000);

describe('claims follow the data (seed 7)', () => {
  it('every SQL claim shows its wording when it holds and the else-wording when it does not', async () => {
    const seen: string[] = [];
    for (const { page, html } of pages) {
      for (const tag of tags(html, 'claim')) {
        const sql = attr(tag, 'data-claim')!;
        const state = attr(tag, 'data-state')!;
        if (!/^\s*(SELECT|WITH)\b/i.test(sql)) continue; // a JS check (AHP consistency): not data
        const [row] = await rows<{ holds: boolean | null; n: number | bigint | null }>(conn, sql);
        const n = row?.n === null || row?.n === undefined ? null : Number(row.n);
        const expected = n === null || n < k ? 'withheld' : row.holds === null ? 'no-data' : row.holds ? 'holds' : 'otherwise';
        expect(state, `${page}: ${sql}`).toBe(expected);
        seen.push(`${page}:${state}`);
      }
    }
    // the chapters carry claims in both languages
    const en = seen.filter((s) => !s.startsWith('zh/'));
    expect(en.length).toBeGreaterThanOrEqual(10);
    expect(seen.length - en.length).toBe(en.length);
  });

  it('every test result words the direction the data shows', async () => {
    let checked = 0;
    for (const { page, html } of pages) {
      for (const tag of tags(html, 'apa')) {
        const sql = attr(tag, 'data-sql')!;
        const test = attr(tag, 'data-test')!;
        const outcome = attr(tag, 'data-outcome');
        if (!outcome || outcome === 'same' || outcome === 'differ') continue;
        const r = await rows<Record<string, number>>(conn, sql);
        // direction from DuckDB directly: first group minus second, mean difference, or r
        const sign = test === 'welch-t' ? Math.sign(r[0].mean - r[1].mean) : test === 'paired' ? Math.sign(r[0].mean) : Math.sign(r[0].r);
        expect(outcome, `${page}: ${sql}`).toBe(test === 'r' ? (sign > 0 ? 'positive' : 'negative') : sign > 0 ? 'higher' : 'lower');
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('a claim made false is refused with ClaimFalse (which fails the build), naming the wording and the check', async () => {
    const page = pages.find((p) => p.page === 'chapters/08-recommendations')!;
    const sql = attr(tags(page.html, 'claim')[0]!, 'data-claim')!;
    const negated = `SELECT NOT holds AS holds, n FROM (${sql})`;
    const [truth] = await rows<{ holds: boolean }>(conn, sql);
    const falseOne = truth.holds ? negated : sql;
    const { holds, n } = claimRow(await rows(conn, falseOne), falseOne);
    expect(holds).toBe(false);
    expect(() => judgeClaim({ what: falseOne, wording: 'distributive justice is the lowest-rated facet', holds, n, k, hasElse: false })).toThrow(ClaimFalse);
    expect(() => judgeClaim({ what: falseOne, wording: 'distributive justice is the lowest-rated facet', holds, n, k, hasElse: false })).toThrow(/false on this data.*lowest-rated facet.*check: SELECT/);
    // with wording for the false case it is shown instead
    expect(judgeClaim({ what: falseOne, wording: '', holds, n, k, hasElse: true })).toBe('otherwise');
    // a claim behind fewer than k respondents is withheld, never judged
    expect(judgeClaim({ what: falseOne, wording: '', holds, n: k - 1, k, hasElse: false })).toBe('withheld');
  });
});
