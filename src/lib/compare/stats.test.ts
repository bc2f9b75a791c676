// Reference values: Welch t from the statistics module on the raw values (itself checked against R), means
// and quantiles computed here from the raw values, Bonferroni by hand.
import { describe as d, expect, it } from 'vitest';
import fc from 'fast-check';
import { describe, versusRest, versusBenchmark, holm, nearest } from './stats.ts';
import { welchT, meanCI, mean } from '../stats/index.ts';
import { tQuantile } from '../stats/distributions.ts';

const moments = (xs: number[]) => ({ n: xs.length, sum: xs.reduce((a, b) => a + b, 0), sumsq: xs.reduce((a, b) => a + b * b, 0) });

d('comparison statistics from moments', () => {
  const group = [3, 4, 5, 4, 3, 5, 4, 4, 2, 5];
  const rest = [2, 3, 3, 2, 4, 3, 2, 3, 3, 2, 1, 3];
  it('mean and CI equal the raw-data computation', () => {
    const a = describe(moments(group)), b = meanCI(group);
    expect(a.mean).toBeCloseTo(b.mean, 12);
    expect(a.lo).toBeCloseTo(b.lo, 10);
    expect(a.hi).toBeCloseTo(b.hi, 10);
  });
  it('group-vs-rest Welch test equals welchT on the raw values', () => {
    const all = moments([...group, ...rest]);
    const r = versusRest(moments(group), all);
    const w = welchT(group, rest);
    expect(r.t).toBeCloseTo(w.t, 10);
    expect(r.df).toBeCloseTo(w.df, 8);
    expect(r.p).toBeCloseTo(w.p, 10);
  });
  it('the difference from the survey mean is mean(group) − mean(all), its interval Welch’s scaled by (N − n)/N at 1 − 0.05/family', () => {
    const all = [...group, ...rest];
    const v = versusBenchmark(moments(group), moments(all), 4);
    expect(v.benchmark).toBeCloseTo(mean(all), 12);
    expect(v.diff).toBeCloseTo(mean(group) - mean(all), 12);
    const w = welchT(group, rest);
    const se = (mean(group) - mean(rest)) / w.t;
    const half = tQuantile(1 - 0.05 / 8, w.df) * se * (rest.length / all.length);
    expect(v.lo).toBeCloseTo(mean(group) - mean(all) - half, 10);
    expect(v.hi).toBeCloseTo(mean(group) - mean(all) + half, 10);
    expect(v.pAdj).toBeCloseTo(Math.min(1, w.p * 4), 10);
  });
  it('verdict and interval agree: the adjusted interval excludes 0 exactly when the adjusted p < 0.05', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 200 }),
        fc.integer({ min: 1, max: 20 }),
        (g, r, family) => {
          const all = [...g, ...r];
          if (new Set(g).size < 2 || new Set(r).size < 2) return;
          const v = versusBenchmark(moments(g), moments(all), family);
          // skip the knife edge, where rounding decides
          if (Math.abs(v.pAdj - 0.05) < 1e-9) return;
          expect(v.lo > 0 || v.hi < 0).toBe(v.pAdj < 0.05);
        },
      ),
      { numRuns: 400, seed: 7 },
    );
  });
  it('Holm adjusts as computed by hand', () => {
    // sorted p: .01 (×3 = .03), .02 (×2 = .04), .04 (×1 = .04)
    expect(holm([0.04, 0.01, 0.02]).map((x) => +x.toFixed(10))).toEqual([0.04, 0.03, 0.04]);
  });
  it('nearest profiles', () => {
    expect(nearest([0, 0], [{ item: 'far', profile: [3, 4] }, { item: 'near', profile: [1, 0] }], 1)[0]).toEqual({ item: 'near', distance: 1 });
  });
});
