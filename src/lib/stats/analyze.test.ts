// The analysis CLI's core on the bfi fixture equals psych (tests/fixtures/bfi/reference.json) to 3 decimals.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadCodebook } from '../codebook/load.ts';
import { analyze } from './analyze.ts';

const ref = JSON.parse(readFileSync('tests/fixtures/bfi/reference.json', 'utf8'));
const names: Record<string, string> = { agreeableness: 'A', conscientiousness: 'C', extraversion: 'E', neuroticism: 'N', openness: 'O' };

describe('npm run analyze on bfi', () => {
  it('prints alphas, KMO and Bartlett equal to psych to 3 decimals', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/analyze.ts', 'tests/fixtures/bfi/bfi.csv', '--codebook', 'tests/fixtures/bfi/codebook.yaml'], { encoding: 'utf8' });
    const rep = JSON.parse(out) as ReturnType<typeof analyze>;
    for (const s of rep.scales) {
      const r = ref.scales[names[s.id]];
      expect(s.alpha.toFixed(3)).toBe(r.raw_alpha.toFixed(3));
      expect(s.standardisedAlpha.toFixed(3)).toBe(r.std_alpha.toFixed(3));
      expect(s.kmo.toFixed(3)).toBe(r.kmo.toFixed(3));
      expect(s.bartlett.chi2.toFixed(3)).toBe(r.bartlett_chisq.toFixed(3));
      expect(s.omegaTotal!.toFixed(3)).toBe(r.omega_total.toFixed(3));
    }
    expect(rep.overall.kmo.toFixed(3)).toBe(ref.kmo_overall.toFixed(3));
    expect(rep.overall.bartlett.chi2.toFixed(2)).toBe(ref.bartlett.chisq.toFixed(2));
  });

  it('ranks Borich MWDS as DuckDB SQL computes it on a generated survey', async () => {
    const { mkdtempSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { generateSurvey } = await import('../synthetic/generate.ts');
    const { openDuck, rows: q } = await import('../data/duck.ts');
    const cb = loadCodebook('data/codebook.yaml');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'analyze-'));
    await generateSurvey({ seed: 3, respondents: 800, outDir: dir, codebook: cb });
    const conn = await openDuck();
    const data = await q<Record<string, unknown>>(conn, `SELECT * FROM read_csv('${dir}/respondents.csv')`);
    const rep = analyze(data, cb);
    // independent: MWDS in SQL = avg((I − P) · avg(I)) over respondents with both scores
    const sql = cb.competencies
      .map((c) => `SELECT '${c.id}' AS id, avg((i - p) * mi) AS mwds FROM (SELECT i, p, avg(i) OVER () AS mi FROM (SELECT (imp_${c.id}_1 + imp_${c.id}_2 + imp_${c.id}_3) / 3 AS i, (pro_${c.id}_1 + pro_${c.id}_2 + pro_${c.id}_3) / 3 AS p FROM read_csv('${dir}/respondents.csv')) WHERE i IS NOT NULL AND p IS NOT NULL)`)
      .join(' UNION ALL ');
    const expected = await q<{ id: string; mwds: number }>(conn, `SELECT * FROM (${sql}) ORDER BY mwds DESC`);
    expect(rep.needs!.map((r) => r.competency)).toEqual(expected.map((r) => r.id));
    rep.needs!.forEach((r, i) => expect(r.mwds).toBeCloseTo(expected[i].mwds, 10));
  });
});
