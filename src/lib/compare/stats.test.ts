// Reference values: Welch t from the statistics module on the raw values (itself checked against R), Holm by hand.
import { describe as d, expect, it } from 'vitest';
import { describe, versusRest, holm, nearest } from './stats.ts';
import { welchT, meanCI } from '../stats/index.ts';

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
  it('Holm adjusts as computed by hand', () => {
    // sorted p: .01 (×3 = .03), .02 (×2 = .04), .04 (×1 = .04)
    expect(holm([0.04, 0.01, 0.02]).map((x) => +x.toFixed(10))).toEqual([0.04, 0.03, 0.04]);
  });
  it('nearest profiles', () => {
    expect(nearest([0, 0], [{ item: 'far', profile: [3, 4] }, { item: 'near', profile: [1, 0] }], 1)[0]).toEqual({ item: 'near', distance: 1 });
  });
});
