// References: the worked example in shared/notes/domain.md (computed with R) is in stats.test.ts; here
// R's eigen() on a consistent-ish 4×4 and an inconsistent 5×5 matrix (tests/fixtures/bfi/reference-extra.json),
// with Saaty's RI table.
import { describe, expect, it } from 'vitest';
import { referenceExtra as ref } from '../../../tests/fixtures/bfi/load.ts';
import { ahp, SAATY_RI } from './ahp.ts';

describe('AHP against R eigen()', () => {
  for (const r of ref.ahp as { A: number[][]; w: number[]; lambda: number; ci: number; cr: number }[])
    it(`${r.A.length}×${r.A.length}: weights, λmax, CI, CR`, () => {
      const a = ahp(r.A);
      a.weights.forEach((w, i) => expect(w).toBeCloseTo(r.w[i], 10));
      expect(a.lambdaMax).toBeCloseTo(r.lambda, 10);
      expect(a.ci).toBeCloseTo(r.ci, 10);
      expect(a.cr).toBeCloseTo(r.cr, 10);
      expect(a.consistent).toBe(r.cr < 0.1);
    });
  it('the inconsistent 5×5 example is flagged (CR ≥ 0.10)', () => {
    expect(ahp(ref.ahp[1].A).consistent).toBe(false);
  });
  it("uses Saaty's RI table", () => {
    expect(SAATY_RI).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
  });
  it('refuses non-square, non-positive and too large matrices', () => {
    expect(() => ahp([[1, 2]])).toThrow('square');
    expect(() => ahp([[1, 0], [0, 1]])).toThrow('positive');
    const big = Array.from({ length: 11 }, () => Array(11).fill(1));
    expect(() => ahp(big)).toThrow('n ≤ 10');
  });
});
