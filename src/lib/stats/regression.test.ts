// Reference: R lm(A2 ~ C1 + E3 + age) on complete bfi rows; standardised betas from lm on scale()d
// variables; VIF from car::vif — tests/fixtures/bfi/reference-extra.json (coefficients, SE, p and R²
// are checked in stats.test.ts against reference.json).
import { describe, expect, it } from 'vitest';
import { col, referenceExtra as ref } from '../../../tests/fixtures/bfi/load.ts';
import { ols } from './regression.ts';

describe('OLS extras against R', () => {
  const names = ['A2', 'C1', 'E3', 'gender', 'education', 'age'];
  const cs = names.map(col);
  const keep = cs[0].map((_, i) => cs.every((c) => c[i] !== null));
  const pick = (h: string) => col(h).filter((_, i) => keep[i]) as number[];
  const [y, c1, e3, age] = ['A2', 'C1', 'E3', 'age'].map(pick);
  const m = ols(y, c1.map((_, i) => [c1[i], e3[i], age[i]]));
  it('t values, standardised betas and VIF', () => {
    m.t.forEach((t, i) => expect(Math.abs(t - ref.ols_extra.t[i]) / Math.abs(ref.ols_extra.t[i])).toBeLessThan(1e-9));
    expect(m.beta[0]).toBeNaN();
    m.beta.slice(1).forEach((b, i) => expect(b).toBeCloseTo(ref.ols_extra.beta[i], 12));
    m.vif.forEach((v, i) => expect(v).toBeCloseTo(ref.ols_extra.vif[i], 12));
  });
  it('listwise deletion: a row with a missing predictor is dropped', () => {
    const withMissing = ols([...y, 3], [...c1.map((_, i) => [c1[i], e3[i], age[i]]), [null, 2, 30]]);
    expect(withMissing.n).toBe(m.n);
    expect(withMissing.coef[1]).toBeCloseTo(m.coef[1], 12);
  });
  it('collinear predictors and too few rows are errors', () => {
    expect(() => ols([1, 2, 3, 5, 4], [[1, 2], [2, 4], [3, 6], [4, 8], [5, 10]])).toThrow('collinear');
    expect(() => ols([1, 2], [[1], [2]])).toThrow('2 complete rows for 2 coefficients');
  });
});
