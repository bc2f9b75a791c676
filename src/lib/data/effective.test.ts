// The effective codebook and the build on a survey that asked less than the codebook (issue #10):
// the second fixture export (tests/fixtures/import-county), one item per competency, questions not asked.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { loadCodebook } from '../codebook/load.ts';
import { importExport, toCanonicalCSV } from './import.ts';
import { buildData } from './build.ts';
import { effectiveCodebook } from './effective.ts';
import { nodeClient } from '../db/node.ts';
import { openDuck, rows as q } from './duck.ts';
import { makeExport } from '../../../tests/fixtures/import-county/make-export.ts';

const codebook = loadCodebook('data/codebook.yaml');
const MAPPING = 'tests/fixtures/import-county/mapping.yaml';

async function buildFixture() {
  const wb = XLSX.utils.book_new();
  const table = makeExport();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(table), '答卷数据');
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' });
  const res = importExport(bytes, 'export.xlsx', readFileSync(MAPPING, 'utf8'), MAPPING, codebook);
  const raw = mkdtempSync(path.join(os.tmpdir(), 'eff-raw-'));
  writeFileSync(path.join(raw, 'respondents.csv'), toCanonicalCSV(res));
  writeFileSync(path.join(raw, 'source.json'), JSON.stringify({ kind: 'import', ...res.source, ...res.meta }));
  const out = mkdtempSync(path.join(os.tmpdir(), 'eff-out-'));
  const { manifest, disclosure } = await buildData({ rawDir: raw, outDir: out, codebook });
  return { table, raw, out, manifest, disclosure };
}

describe('effective codebook', () => {
  it('is the codebook itself when nothing is absent (synthetic data)', () => {
    expect(effectiveCodebook(codebook, null)).toEqual(codebook);
    expect(effectiveCodebook(codebook, { absent: [], frame: {}, survey: null })).toEqual(codebook);
  });
});

describe('build from a survey that asked less than the codebook', () => {
  it('scores one-item scales, publishes not-asked columns as NULL, takes frame values from the data', async () => {
    const { table, raw, out, manifest, disclosure } = await buildFixture();
    const conn = await openDuck();
    const R = `read_parquet('${out}/respondents.parquet')`;
    // the competency view, as its published SQL defines it (src/lib/db/node.ts)
    const views = nodeClient(out);
    // every competency asked (one item each) has proficiency and importance in every published row
    const comp = await views.query<{ competency: string; n: number; p: number; i: number }>(`SELECT competency, count(*)::INTEGER AS n, count(proficiency)::INTEGER AS p, count(importance)::INTEGER AS i FROM competency GROUP BY competency`);
    expect(comp).toHaveLength(15);
    for (const c of comp) expect([c.p, c.i]).toEqual([c.n, c.n]);
    // a one-item scale's score is that item; a scale not asked is all NULL
    const [s] = await q<{ same: number; n: number; aut: number; lead: number }>(conn, `SELECT count(*) FILTER (WHERE score_turnover = ti_1)::INTEGER AS same, count(*)::INTEGER AS n, count(score_autonomy)::INTEGER AS aut, count(leader)::INTEGER AS lead FROM ${R}`);
    expect(s.same).toBe(s.n);
    expect([s.aut, s.lead]).toEqual([0, 0]);
    // the proficiency of political discernment equals the export's answers (mean over the published rows ≈ the export's mean)
    const col = table[0].indexOf('11、您目前的能力水平—政治鉴别能力');
    const exportMean = table.slice(1).reduce((a, r) => a + Number(r[col]), 0) / (table.length - 1);
    const [{ m }] = await views.query<{ m: number }>(`SELECT avg(proficiency) AS m FROM competency WHERE competency = 'political'`);
    expect(Math.abs(m - exportMean)).toBeLessThan(0.1);
    // frame from the data; absent marked; scales asked listed
    const cb = JSON.parse(readFileSync(path.join(out, 'codebook.json'), 'utf8'));
    expect(cb.variables.find((v: any) => v.name === 'county').values.map((v: any) => v.code).sort()).toEqual(['county_1', 'county_2', 'donghu']);
    expect(cb.variables.find((v: any) => v.name === 'dept_type').values.map((v: any) => v.code).sort()).toEqual(['dept_type_1', 'market_office', 'township_office']);
    expect(cb.variables.find((v: any) => v.name === 'train_level').absent).toBe(true);
    expect(cb.scales.find((x: any) => x.id === 'turnover').asked).toEqual(['ti_1']);
    expect(cb.scales.find((x: any) => x.id === 'autonomy').absent).toBe(true);
    // manifest: the survey's description, no raw hashes; those are in the private build log
    expect(manifest.source).toMatchObject({ kind: 'import', respondents: 240, survey: { fieldwork: { start: '2025-03-01' } } });
    expect(JSON.stringify(manifest)).not.toMatch(/export\.xlsx|mapping/);
    expect(existsSync(path.join(raw, 'build-log.json'))).toBe(true);
    expect(disclosure.kAchieved).toBeGreaterThanOrEqual(disclosure.k);
  }, 60_000);
});
