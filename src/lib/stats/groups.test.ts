// References: R 4.2 t.test / aov / oneway.test / kruskal.test on the textbook data sets shipped with R
// (sleep: Student 1908; PlantGrowth: Dobson 1983), psych::cohen.d and aov sums of squares on bfi —
// all in tests/fixtures/bfi/reference-extra.json (written by reference-extra.R).
import { describe, expect, it } from 'vitest';
import { col, referenceExtra as ref } from '../../../tests/fixtures/bfi/load.ts';
import { anova, gamesHowell, kruskalWallis, welchAnova, welchT } from './groups.ts';

const rel = (a: number, b: number, tol: number) => expect(Math.abs(a - b) / Math.abs(b), `${a} vs ${b}`).toBeLessThan(tol);
const plant = Object.values(ref.plant_data) as number[][];

describe('textbook examples', () => {
  it('Welch t on sleep: t = −1.8608, df = 17.776, p = 0.0794', () => {
    const t = welchT(ref.sleep_data['1'], ref.sleep_data['2']);
    rel(t.t, ref.sleep_welch.t, 1e-10);
    rel(t.df, ref.sleep_welch.df, 1e-10);
    rel(t.p, ref.sleep_welch.p, 1e-8);
  });
  it('ANOVA on PlantGrowth: F = 4.846, p = 0.0159, η² and ω² from aov sums of squares', () => {
    const a = anova(plant);
    rel(a.F, ref.plant_anova.F, 1e-10);
    expect([a.df1, a.df2]).toEqual([ref.plant_anova.df1, ref.plant_anova.df2]);
    rel(a.p, ref.plant_anova.p, 1e-8);
    rel(a.etaSquared, ref.plant_anova.eta2, 1e-10);
    rel(a.omegaSquared, ref.plant_anova.omega2, 1e-10);
  });
  it('Welch ANOVA on PlantGrowth (oneway.test)', () => {
    const w = welchAnova(plant);
    rel(w.F, ref.plant_welch_anova.F, 1e-10);
    rel(w.df2, ref.plant_welch_anova.df2, 1e-10);
    rel(w.p, ref.plant_welch_anova.p, 1e-8);
  });
  it('Kruskal–Wallis on PlantGrowth (kruskal.test)', () => {
    const k = kruskalWallis(plant);
    rel(k.H, ref.plant_kruskal.H, 1e-10);
    rel(k.p, ref.plant_kruskal.p, 1e-8);
  });
});

describe('effect sizes on bfi (same complete-case subset as reference.R)', () => {
  const g = col('gender'), e = col('education'), a2 = col('A2');
  const keep = g.map((_, i) => [col('A2'), col('C1'), col('E3'), g, e, col('age')].every((c) => c[i] !== null));
  const sel = (pred: (i: number) => boolean) => a2.filter((_, i) => keep[i] && pred(i));
  it("Cohen's d equals psych::cohen.d, rescaled from its SD pooled over N to Cohen's N − 2", () => {
    // psych::cohen.d reports group 2 − group 1 and pools the within-group variance over N
    // (checked in R: psych's d × √((N−2)/N) = the n−1-weighted pooled-SD d); we follow Cohen (1988): N − 2.
    const x = sel((i) => g[i] === 1), y = sel((i) => g[i] === 2);
    const N = x.length + y.length;
    expect(N).toBe(2513);
    rel(-welchT(x, y).cohensD, ref.cohen_d_gender_A2 * Math.sqrt((N - 2) / N), 1e-9);
  });
  it('η² and ω² of A2 by education equal the aov sums-of-squares values', () => {
    const a = anova([1, 2, 3, 4, 5].map((lvl) => sel((i) => e[i] === lvl)));
    rel(a.etaSquared, ref.anova_effect.eta2, 1e-9);
    rel(a.omegaSquared, ref.anova_effect.omega2, 1e-9);
  });
});

describe('degenerate input', () => {
  it('a group with fewer than 2 values (after dropping missing) is an error naming the group', () => {
    expect(() => welchT([1, 2, 3], [4, null])).toThrow('group 1 has 1 value(s)');
    expect(() => anova([[1, 2], []])).toThrow('group 1 has 0 value(s)');
  });
  it('Welch-type tests refuse a group with zero variance', () => {
    expect(() => welchT([1, 2, 3], [4, 4, 4])).toThrow('zero variance');
    expect(() => welchAnova([[1, 2], [3, 3], [4, 6]])).toThrow('zero variance');
    expect(() => gamesHowell([[1, 2], [3, 3]])).toThrow('zero variance');
  });
  it('missing values are dropped, not counted as zeros', () => {
    expect(welchT([1, 2, 3, null, NaN], [4, 5, 7]).t).toBeCloseTo(welchT([1, 2, 3], [4, 5, 7]).t, 14);
  });
  it('Kruskal–Wallis with every value tied gives NaN (as R), not a number', () => {
    expect(kruskalWallis([[2, 2], [2, 2]]).H).toBeNaN();
  });
});
