// The analysis CLI and its core on the bfi fixture equal psych (tests/fixtures/bfi/reference.json) to
// 3 decimals; scale-score CIs equal R's t.test (reference-extra.json); the Borich ranking and IPA
// quadrants of a generated survey equal an independent DuckDB SQL computation.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadCodebook } from '../codebook/load.ts';
import { openDuck, rows as query } from '../data/duck.ts';
import { reference as ref, referenceExtra as refx } from '../../../tests/fixtures/bfi/load.ts';
import { analyze, formatTables, type AnalysisReport } from './analyze.ts';

const names: Record<string, string> = { agreeableness: 'A', conscientiousness: 'C', extraversion: 'E', neuroticism: 'N', openness: 'O' };
const cb = loadCodebook('tests/fixtures/bfi/codebook.yaml');
const runCli = (...args: string[]) => execFileSync('npx', ['tsx', 'scripts/analyze.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function checkAgainstPsych(rep: AnalysisReport) {
  expect(rep.n).toBe(2800);
  expect(rep.scales.map((s) => names[s.id])).toEqual(['A', 'C', 'E', 'N', 'O']);
  for (const s of rep.scales) {
    const r = ref.scales[names[s.id]];
    expect(s.error).toBeNull();
    expect(s.alpha!.toFixed(3)).toBe(r.raw_alpha.toFixed(3));
    expect(s.standardisedAlpha!.toFixed(3)).toBe(r.std_alpha.toFixed(3));
    expect(s.omegaTotal!.toFixed(3)).toBe(r.omega_total.toFixed(3));
    expect(s.kmo!.toFixed(3)).toBe(r.kmo.toFixed(3));
    expect(s.bartlett!.chi2.toFixed(3)).toBe(r.bartlett_chisq.toFixed(3));
    s.itemStats.forEach((it) => {
      expect(it.alphaIfDeleted.toFixed(3)).toBe(r.alpha_if_deleted[it.item].toFixed(3));
      expect(it.correctedItemTotalR.toFixed(3)).toBe(r.r_drop[it.item].toFixed(3));
    });
  }
  expect(rep.overall.kmo!.toFixed(3)).toBe(ref.kmo_overall.toFixed(3));
  expect(rep.overall.bartlett!.chi2.toFixed(2)).toBe(ref.bartlett.chisq.toFixed(2));
  expect(rep.overall.bartlett!.df).toBe(300);
}

describe('analyze() on bfi: the CLI core', () => {
  it('alphas, omega, KMO, Bartlett and item statistics equal psych to 3 decimals; score CIs equal t.test', async () => {
    const conn = await openDuck();
    const data = await query(conn, "SELECT * FROM read_csv('tests/fixtures/bfi/bfi.csv', header = true)");
    const rep = analyze(data, cb);
    checkAgainstPsych(rep);
    for (const s of rep.scales) {
      const r = refx.score_ci[names[s.id]];
      expect(s.score.n).toBe(r.n);
      expect(s.score.mean).toBeCloseTo(r.mean, 10);
      expect(s.score.lo).toBeCloseTo(r.lo, 10);
      expect(s.score.hi).toBeCloseTo(r.hi, 10);
    }
    expect(rep.needs).toBeNull(); // the bfi codebook pairs no competencies
    const table = formatTables(rep);
    expect(table).toContain('All 25 scale items: KMO 0.846, Bartlett χ² 20163.79, df 300');
    expect(table).toMatch(/A1\s+yes\s+2784/);
  });

  it('a constant item makes that scale report an error, the others are still computed', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 48271) % 2147483647), (seed % 6) + 1); // Park–Miller, answers 1..6
    const rows = Array.from({ length: 40 }, () => Object.fromEntries(cb.scales.flatMap((s) => s.items).map((it) => [it, it === 'O1' ? 3 : next()])));
    const rep = analyze(rows, cb);
    const o = rep.scales.find((s) => s.id === 'openness')!;
    expect(o.error).toMatch(/constant/);
    expect(o.alpha).toBeNull();
    expect(rep.scales.find((s) => s.id === 'agreeableness')!.error).toBeNull();
  });

  it('a data file without the codebook\'s item columns is refused with their names', () => {
    expect(() => analyze([{ x: 1 }], cb)).toThrow(/no column\(s\) A1, A2/);
  });
});

describe('npm run analyze (the command line)', () => {
  it('CSV → JSON equal to psych to 3 decimals', () => {
    checkAgainstPsych(JSON.parse(runCli('tests/fixtures/bfi/bfi.csv', '--codebook', 'tests/fixtures/bfi/codebook.yaml')));
  });
  it('Parquet → readable tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    const conn = await openDuck();
    await conn.run(`COPY (SELECT * FROM read_csv('tests/fixtures/bfi/bfi.csv', header = true)) TO '${dir}/bfi.parquet' (FORMAT parquet)`);
    const out = runCli(`${dir}/bfi.parquet`, '--codebook', 'tests/fixtures/bfi/codebook.yaml', '--format', 'table');
    expect(out).toMatch(/Agreeableness\s+5\s+2709\s+0\.703\s+0\.713/);
    expect(out).toContain('KMO 0.846');
  });
  it('a wrong format or a missing file exits with a message', () => {
    expect(() => runCli('nope.csv', '--codebook', 'tests/fixtures/bfi/codebook.yaml')).toThrow(/no such file/);
    expect(() => runCli('tests/fixtures/bfi/bfi.csv', '--codebook', 'tests/fixtures/bfi/codebook.yaml', '--format', 'xml')).toThrow(/--format/);
  });
});

describe('training needs on a generated survey against DuckDB SQL', () => {
  it('Borich MWDS ranking and IPA quadrants', async () => {
    const { generateSurvey } = await import('../synthetic/generate.ts');
    const survey = loadCodebook('data/codebook.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    await generateSurvey({ seed: 3, respondents: 800, outDir: dir, codebook: survey });
    const conn = await openDuck();
    const data = await query<Record<string, unknown>>(conn, `SELECT * FROM read_csv('${dir}/respondents.csv')`);
    const rep = analyze(data, survey);
    const scaleSql = (id: string) => {
      const s = survey.scales.find((x) => x.id === id)!;
      return `(${s.items.map((it) => (s.reverse.includes(it) ? `(${s.min + s.max} - ${it})` : it)).join(' + ')}) / ${s.items.length}`;
    };
    // independent: per competency MWDS = avg((I − P) · avg(I)) over respondents with both scores;
    // IPA: compare the competency means with the mean of the competency means
    const per = survey.competencies
      .map((c) => `SELECT '${c.id}' AS id, avg((i - p) * mi) AS mwds, avg(i) AS mean_i, avg(p) AS mean_p FROM (SELECT i, p, avg(i) OVER () AS mi FROM (SELECT ${scaleSql(c.importance)} AS i, ${scaleSql(c.proficiency)} AS p FROM read_csv('${dir}/respondents.csv')) WHERE i IS NOT NULL AND p IS NOT NULL)`)
      .join(' UNION ALL ');
    const expected = await query<{ id: string; mwds: number; quadrant: string }>(conn, `
      WITH per AS (${per}), g AS (SELECT avg(mean_i) AS gi, avg(mean_p) AS gp FROM per)
      SELECT id, mwds, CASE WHEN mean_i >= gi AND mean_p < gp THEN 'concentrate here' WHEN mean_i >= gi THEN 'keep up the good work'
        WHEN mean_p < gp THEN 'low priority' ELSE 'possible overkill' END AS quadrant
      FROM per, g ORDER BY mwds DESC`);
    expect(rep.needs!.map((r) => r.competency)).toEqual(expected.map((r) => r.id));
    rep.needs!.forEach((r, i) => {
      expect(r.mwds).toBeCloseTo(expected[i].mwds, 10);
      expect(r.quadrant).toBe(expected[i].quadrant);
    });
  });
});
