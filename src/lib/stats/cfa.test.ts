import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cfa, covToCor, htmt, mlCovariance, noncentralChiSquareCdf } from './cfa.ts';

const dir = 'tests/fixtures/cfa';
const ref = JSON.parse(readFileSync(`${dir}/reference.json`, 'utf8'));
/** complete rows of a numeric CSV (empty cell = missing), with its header */
function readCsv(file: string) {
  const [head, ...lines] = readFileSync(`${dir}/${file}`, 'utf8').trim().split(/\r?\n/);
  const names = head.split(',').map((s) => s.replace(/"/g, ''));
  const rows = lines.map((l) => l.split(',')).filter((r) => r.every((v) => v !== '' && v !== 'NA')).map((r) => r.map(Number));
  return { names, rows };
}
const HS = { visual: ['x1', 'x2', 'x3'], textual: ['x4', 'x5', 'x6'], speed: ['x7', 'x8', 'x9'] };
const DIMS = {
  political_quality: ['political', 'law'],
  knowledge: ['service', 'rural_dev', 'petition_law'],
  working_skills: ['research', 'communication', 'emergency', 'mass_work', 'digital', 'mediation'],
  motivation: ['learning', 'innovation'],
  personal_traits: ['psych_adjust', 'resilience'],
};

function check(name: 'hs1939' | 'competency', file: string, model: Record<string, string[]>) {
  describe(`CFA on ${name} matches lavaan ${ref.lavaan} (std.lv = TRUE, ML)`, () => {
    const r = ref[name];
    const { names, rows } = readCsv(file);
    const groups = Object.values(model).map((g) => g.map((v) => names.indexOf(v)));
    const S = mlCovariance(rows);
    const fit = cfa(S, rows.length, groups);
    it('uses the same respondents and converges', () => {
      expect(rows.length).toBe(r.n);
      expect(fit.converged).toBe(true);
      expect(r.converged).toBe(true);
    });
    it('fit indices to 1e-4', () => {
      expect(fit.df).toBe(r.fit.df);
      expect(fit.baseline.df).toBe(r.fit['baseline.df']);
      expect(fit.chi2).toBeCloseTo(r.fit.chisq, 4);
      expect(fit.pValue).toBeCloseTo(r.fit.pvalue, 4);
      expect(fit.baseline.chi2).toBeCloseTo(r.fit['baseline.chisq'], 4);
      for (const [mine, theirs] of [[fit.cfi, 'cfi'], [fit.tli, 'tli'], [fit.rmsea, 'rmsea'], [fit.rmseaLo, 'rmsea.ci.lower'], [fit.rmseaHi, 'rmsea.ci.upper'], [fit.srmr, 'srmr']] as const)
        expect(mine, theirs).toBeCloseTo(r.fit[theirs], 4);
    });
    it('loadings, standardised loadings, unique variances and factor correlations to 1e-4', () => {
      fit.factors.forEach((f, k) => f.indicators.forEach((i, m) => {
        expect(f.loadings[m], names[i]).toBeCloseTo(r.loadings[names[i]], 4);
        expect(f.std[m], names[i]).toBeCloseTo(r.std[names[i]], 4);
        expect(fit.theta[i], names[i]).toBeCloseTo(r.theta[names[i]], 4);
        void k;
      }));
      fit.phi.forEach((row, a) => row.forEach((v, b) => expect(v).toBeCloseTo(r.phi[a][b], 4)));
    });
    it('composite reliability and AVE per factor to 1e-4 (Fornell–Larcker formulas in R; raw-sum ω as semTools::compRelSEM)', () => {
      Object.keys(model).forEach((id, k) => {
        expect(fit.factors[k].cr, id).toBeCloseTo(r.cr_ave[id].cr, 4);
        expect(fit.factors[k].ave, id).toBeCloseTo(r.cr_ave[id].ave, 4);
        // (semTools::AVE weights by indicator variance — Σλ²/Σσ² — so it is not the Fornell–Larcker mean of λ²; not compared)
        expect(fit.factors[k].omega, id).toBeCloseTo(r.semtools_cr[id], 4);
      });
    });
    it('HTMT and HTMT2 to 1e-4 (by hand in R and semTools::htmt)', () => {
      const h = htmt(covToCor(S), groups);
      h.forEach((row, a) => row.forEach((v, b) => {
        expect(v).toBeCloseTo(r.htmt[a][b], 4);
        expect(v).toBeCloseTo(r.semtools_htmt[a][b], 4);
      }));
      htmt(covToCor(S), groups, { geometric: true }).forEach((row, a) => row.forEach((v, b) => expect(v).toBeCloseTo(r.semtools_htmt2[a][b], 4)));
    });
    it('gives the same standardised solution and fit from the correlation matrix', () => {
      const fr = cfa(covToCor(S), rows.length, groups);
      expect(fr.chi2).toBeCloseTo(fit.chi2, 6);
      fr.factors.forEach((f, k) => f.std.forEach((v, m) => expect(v).toBeCloseTo(fit.factors[k].std[m], 6)));
    });
  });
}
check('hs1939', 'hs1939.csv', HS);
check('competency', 'competency.csv', DIMS);

describe('CFA optimiser', () => {
  // population covariance of a known two-factor model
  const lam = [0.8, 0.7, 0.6, 0.5, 0.9, 0.4], fac = [0, 0, 0, 1, 1, 1], rho = 0.3;
  const sd = [1, 2, 0.5, 3, 1.5, 1];
  const Sigma = lam.map((a, i) => lam.map((b, j) => (i === j ? 1 : a * b * (fac[i] === fac[j] ? 1 : rho)) * sd[i] * sd[j]));
  it('recovers the parameters of an exactly fitting model (χ² = 0, CFI = 1, RMSEA = 0)', () => {
    const fit = cfa(Sigma, 500, [[0, 1, 2], [3, 4, 5]]);
    expect(fit.converged).toBe(true);
    expect(fit.chi2).toBeLessThan(1e-8);
    expect(fit.cfi).toBe(1);
    expect(fit.rmsea).toBe(0);
    fit.factors.flatMap((f) => f.std).forEach((v, i) => expect(v).toBeCloseTo(lam[i], 6));
    expect(fit.phi[0][1]).toBeCloseTo(rho, 6);
    fit.factors[0].loadings.forEach((v, i) => expect(v).toBeCloseTo(lam[i] * sd[i], 6));
  });
  it('converges from the same answer whatever the indicator order', () => {
    const perm = [5, 2, 4, 0, 3, 1];
    const P = perm.map((i) => perm.map((j) => Sigma[i][j]));
    const fit = cfa(P, 500, [[1, 3, 5], [0, 2, 4]]);
    expect(fit.converged).toBe(true);
    expect(fit.phi[0][1]).toBeCloseTo(rho, 6);
  });
  it('flags factor correlations above 1 as an improper solution', () => {
    // within-factor r = .25, between-factor r = .30: the factors correlate 1.2
    const S = Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => (i === j ? 1 : Math.floor(i / 3) === Math.floor(j / 3) ? 0.25 : 0.3)));
    const fit = cfa(S, 400, [[0, 1, 2], [3, 4, 5]]);
    expect(fit.phi[0][1]).toBeCloseTo(1.2, 6);
    expect(fit.improperPhi).toEqual([{ i: 0, j: 1, r: fit.phi[0][1] }]);
    expect(cfa(Sigma, 500, [[0, 1, 2], [3, 4, 5]]).improperPhi).toEqual([]);
  });
  it('refuses models it cannot identify', () => {
    expect(() => cfa(Sigma, 500, [[0], [1, 2, 3, 4, 5]])).toThrow(/at least two/);
    expect(() => cfa(Sigma.slice(0, 2).map((r) => r.slice(0, 2)), 500, [[0, 1]])).toThrow(/three indicators/);
    expect(() => cfa(Sigma, 500, [[0, 1, 2], [2, 3, 4, 5]])).toThrow(/two factors/);
  });
  it('noncentral χ² CDF matches R pchisq(x, df, ncp)', () => {
    for (const c of ref.pchisq_ncp) expect(noncentralChiSquareCdf(c.x, c.df, c.ncp)).toBeCloseTo(c.p, 8);
  });
});
