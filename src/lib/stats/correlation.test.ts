// References: psych::corr.test(bfi[, 1:10], use = "pairwise", adjust = "none") (Pearson and Spearman),
// Agresti, Categorical Data Analysis 2nd ed. Table 3.2 (χ² = 30.07, df = 2) recomputed with chisq.test,
// Cramér's V from R's χ² — tests/fixtures/bfi/reference-extra.json.
import { describe, expect, it } from 'vitest';
import { col, header, referenceExtra as ref } from '../../../tests/fixtures/bfi/load.ts';
import { chiSquareTest, correlationMatrix, pearson } from './correlation.ts';

const cols = header.slice(0, 10).map(col);

describe('correlation matrices with p-values (pairwise) against psych::corr.test', () => {
  for (const method of ['pearson', 'spearman'] as const)
    it(method, () => {
      const m = correlationMatrix(cols, method);
      const rRef = method === 'pearson' ? ref.corr_test.r : ref.corr_test.rho;
      const pRef = method === 'pearson' ? ref.corr_test.p : ref.corr_test.rho_p;
      for (let i = 0; i < 10; i++)
        for (let j = 0; j < 10; j++) {
          expect(Math.abs(m.r[i][j] - rRef[i][j])).toBeLessThan(1e-12);
          expect(m.n[i][j]).toBe(ref.corr_test.n[i][j]);
          if (i !== j) expect(Math.abs(m.p[i][j] - pRef[i][j]) / Math.max(pRef[i][j], 1e-300), `${i},${j}`).toBeLessThan(1e-7);
        }
    });
  it('a constant column gives r = NaN, never a number', () => {
    expect(pearson([1, 1, 1, 1], [1, 2, 3, 4]).r).toBeNaN();
  });
});

describe('chi-square test of independence with Cramér\'s V', () => {
  it('Agresti party identification by gender', () => {
    const c = chiSquareTest(ref.agresti_party.table);
    expect(c.chi2).toBeCloseTo(ref.agresti_party.chi2, 9);
    expect(c.chi2).toBeCloseTo(30.07, 2); // the value printed in the textbook
    expect(c.df).toBe(2);
    expect(Math.abs(c.p - ref.agresti_party.p) / ref.agresti_party.p).toBeLessThan(1e-8);
    expect(c.cramersV).toBeCloseTo(ref.agresti_party.cramers_v, 12);
  });
  it('Cramér\'s V of gender × education on bfi', () => {
    const g = col('gender'), e = col('education');
    const cs = ['A2', 'C1', 'E3', 'gender', 'education', 'age'].map(col);
    const keep = g.map((_, i) => cs.every((c) => c[i] !== null));
    const table = [1, 2].map((gv) => [1, 2, 3, 4, 5].map((ev) => g.filter((_, i) => keep[i] && g[i] === gv && e[i] === ev).length));
    expect(chiSquareTest(table).cramersV).toBeCloseTo(ref.cramers_v_gender_education, 12);
  });
  it('an empty row is an error', () => {
    expect(() => chiSquareTest([[1, 2], [0, 0]])).toThrow('empty');
  });
});
