/**
 * Every expected value here is independent of this code:
 * - tests/fixtures/bfi/reference.json was computed by tests/fixtures/bfi/reference.R with R 4 and
 *   psych 2.2.9 on the bfi data (psychTools, GPL ≥ 2) — see that script;
 * - the AHP example is from shared/notes/domain.md (computed with R);
 * - the Borich example is computed by hand in the test.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as S from './index.ts';

const ref = JSON.parse(readFileSync('tests/fixtures/bfi/reference.json', 'utf8'));
const lines = readFileSync('tests/fixtures/bfi/bfi.csv', 'utf8').trim().split('\n');
const header = lines[0].split(',').map((h) => h.replace(/"/g, ''));
const data = lines.slice(1).map((l) => l.split(',').map((v) => (v === '' ? null : Number(v))));
const col = (name: string) => data.map((r) => r[header.indexOf(name)]);
const close = (a: number, b: number, tol: number) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThan(tol);
const rel = (a: number, b: number, tol: number) => expect(Math.abs(a - b) / Math.abs(b), `${a} vs ${b}`).toBeLessThan(tol);

describe('distributions (reference: R pnorm/pt/pf/pchisq/qt)', () => {
  it('match R to 1e-8 relative', () => {
    rel(S.normalCdf(1.96), ref.dist.pnorm_1_96, 1e-8);
    rel(S.tCdf(2, 10), ref.dist.pt_2_10, 1e-8);
    rel(S.tCdf(-3, 4.5), ref.dist.pt_neg3_4_5, 1e-8);
    rel(S.fCdf(3, 4, 20), ref.dist.pf_3_4_20, 1e-8);
    rel(S.chiSquareCdf(10, 4), ref.dist.pchisq_10_4, 1e-8);
    rel(S.chiSquareUpper(50, 30), ref.dist.pchisq_upper_50_30, 1e-8);
    rel(S.tQuantile(0.975, 12), ref.dist.qt_975_12, 1e-8);
  });
});

describe('reliability and validity on bfi (reference: psych::alpha, omega, KMO, cortest.bartlett)', () => {
  for (const [name, s] of Object.entries<any>(ref.scales)) {
    it(`scale ${name}: alpha, standardised alpha, alpha if deleted, r.drop, omega, KMO`, () => {
      const items = data.map((r) => s.items.map((it: string) => {
        const v = r[header.indexOf(it)];
        return s.reverse.includes(it) ? S.reverseKey(v, 1, 6) : v;
      }));
      const a = S.cronbachAlpha(items);
      close(a.alpha, s.raw_alpha, 1e-9);
      close(a.standardisedAlpha, s.std_alpha, 1e-9);
      s.items.forEach((it: string, i: number) => {
        close(a.items[i].alphaIfDeleted, s.alpha_if_deleted[it], 1e-9);
        close(a.items[i].correctedItemTotalR, s.r_drop[it], 1e-9);
      });
      close(S.omegaTotal(items), s.omega_total, 1e-4);
      const R = S.correlationMatrix(S.columnsOf(items)).r;
      close(S.kmo(R).overall, s.kmo, 1e-9);
    });
  }
  it('25 items: overall and per-item KMO, Bartlett χ² and df', () => {
    const cols = header.slice(0, 25).map(col);
    const R = S.correlationMatrix(cols).r;
    const k = S.kmo(R);
    close(k.overall, ref.kmo_overall, 1e-9);
    header.slice(0, 25).forEach((h, i) => close(k.items[i], ref.kmo_items[h], 1e-9));
    const b = S.bartlett(R, 2800);
    rel(b.chi2, ref.bartlett.chisq, 1e-9);
    expect(b.df).toBe(300);
  });
  it('the published figures quoted in shared/notes/domain.md (psych 2.2.9) to 4 decimals', () => {
    const published: Record<string, [number, number]> = { A: [0.703, 0.713], C: [0.7267, 0.7301], E: [0.7617, 0.7618], N: [0.814, 0.8147], O: [0.6002, 0.6073] };
    for (const [name, [raw, std]] of Object.entries(published)) {
      const s = ref.scales[name];
      const a = S.cronbachAlpha(data.map((r) => s.items.map((it: string) => {
        const v = r[header.indexOf(it)];
        return s.reverse.includes(it) ? S.reverseKey(v, 1, 6) : v;
      })));
      expect(a.alpha.toFixed(4)).toBe(raw.toFixed(4));
      expect(a.standardisedAlpha.toFixed(4)).toBe(std.toFixed(4));
    }
    const R = S.correlationMatrix(header.slice(0, 25).map(col)).r;
    expect(S.kmo(R).overall.toFixed(4)).toBe('0.8459');
    expect(S.bartlett(R, 2800).chi2.toFixed(2)).toBe('20163.79');
  });
  it('a constant item is refused with a clear error', () => {
    expect(() => S.cronbachAlpha([[1, 2], [1, 3], [1, 4]])).toThrow('constant');
  });
});

describe('group differences, association and regression on bfi (reference: t.test, aov, oneway.test, kruskal.test, lm, cor.test, chisq.test)', () => {
  const keep = data.filter((r) => ['A2', 'C1', 'E3', 'gender', 'education', 'age'].every((h) => r[header.indexOf(h)] !== null));
  const v = (r: (number | null)[], h: string) => r[header.indexOf(h)] as number;
  it('Welch t-test', () => {
    const t = S.welchT(keep.filter((r) => v(r, 'gender') === 1).map((r) => v(r, 'A2')), keep.filter((r) => v(r, 'gender') === 2).map((r) => v(r, 'A2')));
    rel(t.t, ref.welch.t, 1e-9);
    rel(t.df, ref.welch.df, 1e-9);
    rel(t.p, ref.welch.p, 1e-6);
  });
  const byEdu = [1, 2, 3, 4, 5].map((e) => keep.filter((r) => v(r, 'education') === e).map((r) => v(r, 'A2')));
  it('one-way ANOVA, Welch ANOVA, Kruskal–Wallis', () => {
    const a = S.anova(byEdu);
    rel(a.F, ref.anova.F, 1e-9);
    rel(a.p, ref.anova.p, 1e-7);
    const w = S.welchAnova(byEdu);
    rel(w.F, ref.welch_anova.F, 1e-9);
    rel(w.df2, ref.welch_anova.df2, 1e-9);
    rel(w.p, ref.welch_anova.p, 1e-7);
    const k = S.kruskalWallis(byEdu);
    rel(k.H, ref.kruskal.H, 1e-9);
    rel(k.p, ref.kruskal.p, 1e-7);
  });
  it('OLS', () => {
    const m = S.ols(keep.map((r) => v(r, 'A2')), keep.map((r) => [v(r, 'C1'), v(r, 'E3'), v(r, 'age')]));
    m.coef.forEach((c, i) => rel(c, ref.ols.coef[i], 1e-9));
    m.se.forEach((c, i) => rel(c, ref.ols.se[i], 1e-9));
    m.p.forEach((c, i) => rel(c, ref.ols.p[i], 1e-6));
    rel(m.r2, ref.ols.r2, 1e-9);
    rel(m.adjR2, ref.ols.adj_r2, 1e-9);
  });
  it('Pearson, Spearman, chi-square', () => {
    const p = S.pearson(keep.map((r) => v(r, 'A2')), keep.map((r) => v(r, 'C1')));
    rel(p.r, ref.pearson.r, 1e-12);
    rel(p.p, ref.pearson.p, 1e-6);
    rel(S.spearman(keep.map((r) => v(r, 'A2')), keep.map((r) => v(r, 'C1'))).rho, ref.spearman.rho, 1e-12);
    const table = [1, 2].map((g) => [1, 2, 3, 4, 5].map((e) => keep.filter((r) => v(r, 'gender') === g && v(r, 'education') === e).length));
    const c = S.chiSquareTest(table);
    rel(c.chi2, ref.chisq.stat, 1e-9);
    rel(c.p, ref.chisq.p, 1e-6);
  });
});

describe('AHP (reference: domain.md worked example, computed with R)', () => {
  it('weights, λmax, CI and CR', () => {
    const r = S.ahp([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]]);
    [0.637, 0.2583, 0.1047].forEach((w, i) => close(r.weights[i], w, 5e-5));
    close(r.lambdaMax, 3.0385, 5e-5);
    close(r.ci, 0.0193, 5e-5);
    close(r.cr, 0.0332, 5e-5);
    expect(r.consistent).toBe(true);
  });
  it('refuses a matrix that is not reciprocal', () => {
    expect(() => S.ahp([[1, 2], [2, 1]])).toThrow('not reciprocal');
  });
});

describe('Borich and IPA (reference: hand computation)', () => {
  // two competencies, three respondents
  const I = [[5, 3], [4, 4], [3, 5]];
  const P = [[3, 3], [3, 4], [3, 2]];
  it('MWDS = mean((I − P) × mean I)', () => {
    // competency 0: mean I = 4, gaps 2,1,0 → WDS 8,4,0 → MWDS 4; competency 1: mean I = 4, gaps 0,0,3 → 0,0,12 → 4
    // tie → both 4; change one value to break it
    const b = S.borich(I, [[3, 3], [3, 4], [3, 3]]);
    expect(b[0].mwds).toBeCloseTo(4, 12);
    expect(b[1].mwds).toBeCloseTo((4 * 2) / 3, 12);
    expect(b.map((r) => r.rank)).toEqual([1, 2]);
    expect(S.borich(I, P)[1].mwds).toBeCloseTo(4, 12);
  });
  it('IPA quadrants at the grand means', () => {
    const q = S.ipa([4.5, 4.5, 3.5, 3.5], [3, 4, 3, 4]);
    expect(q.quadrants).toEqual(['concentrate here', 'keep up the good work', 'low priority', 'possible overkill']);
  });
});
