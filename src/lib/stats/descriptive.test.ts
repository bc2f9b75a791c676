// References: R 4.2 prop.test(p·n_eff, n_eff, correct = FALSE) with p = weighted.mean(x, w) and the Kish
// n_eff = (Σw)²/Σw² (values pasted from R: x = 1,0,1,0,1,1,0; w = 1,1,2,2,0.5,3,1.5); the unweighted
// intervals are checked against prop.test and t.test in extra.test.ts.
import { describe, expect, it } from 'vitest';
import { mean, meanCI, variance, weightedMeanCI, weightedWilson, wilson } from './descriptive.ts';

describe('weighted proportion (Wilson on the Kish effective n)', () => {
  it('matches prop.test on the effective counts', () => {
    const r = weightedWilson([1, 0, 1, 0, 1, 1, 0], [1, 1, 2, 2, 0.5, 3, 1.5]);
    expect(r.p).toBeCloseTo(0.590909090909091, 12);
    expect(r.nEff).toBeCloseTo(5.627906976744186, 12);
    expect(r.lo).toBeCloseTo(0.238711736648913, 9);
    expect(r.hi).toBeCloseTo(0.869347856342025, 9);
  });
  it('unit weights give the unweighted Wilson interval; missing values and zero weights are dropped', () => {
    const xs = [...Array(81).fill(1), ...Array(182).fill(0)];
    const u = weightedWilson([...xs, null, 1], [...Array(263).fill(1), 1, 0]);
    const w = wilson(81, 263);
    expect(u.n).toBe(263);
    expect(u.lo).toBeCloseTo(w.lo, 12);
    expect(u.hi).toBeCloseTo(w.hi, 12);
  });
  it('refuses values other than 0/1 and gives NaN when nothing is left', () => {
    expect(() => weightedWilson([2], [1])).toThrow('0 or 1');
    expect(weightedWilson([null], [1]).p).toBeNaN();
  });
});

describe('documented NaN for too little data', () => {
  it('mean of nothing, variance and CI of one value', () => {
    expect(mean([null, NaN])).toBeNaN();
    expect(variance([3])).toBeNaN();
    const m = meanCI([3, null]);
    expect(m.n).toBe(1);
    expect(m.mean).toBe(3);
    expect(m.lo).toBeNaN();
    expect(wilson(0, 0).p).toBeNaN();
  });
  it('weighted mean: weighted.mean in R gives 4.3333 for x = 2,3,5,4,6, w = 1,2,0.5,1,3', () => {
    expect(weightedMeanCI([2, 3, 5, 4, 6], [1, 2, 0.5, 1, 3]).mean).toBeCloseTo(4.33333333333333, 12);
  });
});
