import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { loadCodebook } from '../codebook/load.ts';
import { generateSurvey } from './generate.ts';
import { openDuck, rows } from '../data/duck.ts';
import { validateRaw } from '../data/validate.ts';

const codebook = loadCodebook('data/codebook.yaml');
const gen = async (seed: number, n: number) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gen-test-'));
  await generateSurvey({ seed, respondents: n, outDir: dir, codebook });
  return path.join(dir, 'respondents.csv');
};
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('synthetic generator', () => {
  it('is deterministic: same seed gives the same bytes, another seed other data', async () => {
    const [a, b, c] = await Promise.all([gen(42, 500), gen(42, 500), gen(43, 500)]);
    expect(sha(a)).toBe(sha(b));
    expect(sha(a)).not.toBe(sha(c));
  });

  it('writes every codebook variable with only allowed values, and G District has 93 respondents', async () => {
    const f = await gen(42, 3000);
    const conn = await openDuck();
    await conn.run(`CREATE TABLE raw AS SELECT row_number() OVER () AS _row, * FROM read_csv('${f}', all_varchar = true)`);
    const header = readFileSync(f, 'utf8').split('\n')[0].split(',');
    expect(header).toEqual(codebook.variables.map((v) => v.name));
    expect(await validateRaw(conn, 'raw', header, codebook, f)).toEqual([]);
    const [{ n }] = await rows<{ n: number }>(conn, `SELECT count(*)::INT AS n FROM raw WHERE sample = 'g_district'`);
    expect(n).toBe(93);
    const [{ t }] = await rows<{ t: number }>(conn, `SELECT count(DISTINCT township)::INT AS t FROM raw WHERE sample = 'training_needs'`);
    expect(t).toBe(12);
  });

  it('builds the designed relations into the data (checked in SQL, independent of the report code)', async () => {
    const f = await gen(42, 3000);
    const conn = await openDuck();
    await conn.run(`CREATE TABLE d AS SELECT * FROM read_csv('${f}')`);
    // Cronbach's alpha of the turnover scale, computed in SQL from item and total variances
    const [{ alpha }] = await rows<{ alpha: number }>(
      conn,
      `WITH x AS (SELECT ti_1, ti_2, ti_3 FROM d WHERE ti_1 IS NOT NULL AND ti_2 IS NOT NULL AND ti_3 IS NOT NULL)
       SELECT 3 / 2 * (1 - (var_samp(ti_1) + var_samp(ti_2) + var_samp(ti_3)) / var_samp(ti_1 + ti_2 + ti_3)) AS alpha FROM x`,
    );
    expect(alpha).toBeGreaterThan(0.7);
    expect(alpha).toBeLessThan(0.95);
    const [{ r }] = await rows<{ r: number }>(
      conn,
      `SELECT corr(bpn_aut_1 + bpn_com_1 + bpn_rel_1, ti_1 + ti_2 + ti_3) AS r FROM d`,
    );
    expect(r).toBeLessThan(-0.1);
    // H County's largest gaps (importance − proficiency) lie in working skills and motivation
    const dims = await rows<{ dimension: string; gap: number }>(
      conn,
      `SELECT dimension, avg(gap) AS gap FROM (
         ${codebook.competencies
           .map((c) => `SELECT '${c.dimension}' AS dimension, (imp_${c.id}_1 + imp_${c.id}_2 + imp_${c.id}_3 - pro_${c.id}_1 - pro_${c.id}_2 - pro_${c.id}_3) / 3 AS gap FROM d WHERE county = 'h_county'`)
           .join(' UNION ALL ')}) GROUP BY dimension ORDER BY gap DESC`,
    );
    expect(dims.slice(0, 2).map((d) => d.dimension).sort()).toEqual(['motivation', 'working_skills']);
    // Z City petition staff: lower enthusiasm, higher turnover intention than the rest
    const [z] = await rows<{ ent: number; ti: number }>(
      conn,
      `SELECT avg(CASE WHEN sample='z_petition' THEN ent_1 END) - avg(CASE WHEN sample<>'z_petition' THEN ent_1 END) AS ent,
              avg(CASE WHEN sample='z_petition' THEN ti_1 END) - avg(CASE WHEN sample<>'z_petition' THEN ti_1 END) AS ti FROM d`,
    );
    expect(z.ent).toBeLessThan(0);
    expect(z.ti).toBeGreaterThan(0);
  });
});
