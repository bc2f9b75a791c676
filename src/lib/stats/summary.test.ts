// References: R 4.x on data sets shipped with R — t.test(extra[group 1], extra[group 2]) on sleep,
// t.test(d) on the paired differences of sleep, oneway.test(weight ~ group, PlantGrowth) and summary(aov(...)) for ω², cor.test(mpg, wt) on mtcars
// (values printed by Rscript with options(digits = 12)); and the raw-value functions of groups.ts.
import { describe, expect, it } from 'vitest';
import { correlationCI, fromSums, pairedTSummary, welchAnovaSummary, welchTSummary } from './summary.ts';
import { welchAnova, welchT } from './groups.ts';
import { mean, sd } from './descriptive.ts';

describe('tests from group summaries', () => {
  it("Welch's t from n, mean, SD equals R's t.test on sleep", () => {
    const r = welchTSummary({ n: 10, mean: 0.75, sd: 1.78900965776 }, { n: 10, mean: 2.33, sd: 2.0022487358 });
    expect(r.t).toBeCloseTo(-1.8608134674869, 8);
    expect(r.df).toBeCloseTo(17.7764735161785, 8);
    expect(r.p).toBeCloseTo(0.0793941401874, 8);
    expect(r.lo).toBeCloseTo(-3.3654832307117, 6);
    expect(r.hi).toBeCloseTo(0.2054832307117, 6);
  });
  it("the paired t from the differences' n, mean, SD equals R's t.test(paired) on sleep", () => {
    const r = pairedTSummary({ n: 10, mean: -1.58, sd: 1.22999548327987 });
    expect(r.t).toBeCloseTo(-4.06212768338204, 8);
    expect(r.df).toBe(9);
    expect(r.p).toBeCloseTo(0.00283289019738, 9);
    expect(r.lo).toBeCloseTo(-2.45988576327698, 6);
    expect(r.hi).toBeCloseTo(-0.70011423672302, 6);
    expect(r.dz).toBeCloseTo(-1.58 / 1.22999548327987, 12);
  });
  it("Welch's ANOVA and ω² from summaries equal R's oneway.test and aov on PlantGrowth", () => {
    const r = welchAnovaSummary([
      { n: 10, mean: 5.032, sd: 0.583091378392 },
      { n: 10, mean: 4.661, sd: 0.793675696435 },
      { n: 10, mean: 5.526, sd: 0.442573283323 },
    ]);
    expect(r.F).toBeCloseTo(5.1809724081132, 7);
    expect(r.df2).toBeCloseTo(17.1284186166441, 7);
    expect(r.p).toBeCloseTo(0.0173928214902, 7);
    // aov: SSb 3.76634, SSw 10.49209, df 2 and 27
    const msw = 10.49209 / 27;
    expect(r.omegaSquared).toBeCloseTo((3.76634 - 2 * msw) / (3.76634 + 10.49209 + msw), 4);
  });
  it("Pearson's interval and test equal R's cor.test on mtcars (mpg, wt)", () => {
    const r = correlationCI(-0.867659376517, 32);
    expect(r.t).toBeCloseTo(-9.55904414697, 6);
    expect(r.p).toBeCloseTo(1.29395870135e-10, 14);
    expect(r.lo).toBeCloseTo(-0.933826413285, 8);
    expect(r.hi).toBeCloseTo(-0.74408719646, 8);
  });
  it('summaries from Σx and Σx² give the raw-value tests (a second implementation)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const groups = [40, 55, 23].map((n, g) => Array.from({ length: n }, () => 1 + Math.floor(rnd() * 5) + (g === 1 ? rnd() : 0)));
    const sums = groups.map((xs) => fromSums(xs.length, xs.reduce((a, b) => a + b, 0), xs.reduce((a, b) => a + b * b, 0)));
    sums.forEach((s, i) => (expect(s.mean).toBeCloseTo(mean(groups[i]), 12), expect(s.sd).toBeCloseTo(sd(groups[i]), 10)));
    const raw = welchAnova(groups), fromS = welchAnovaSummary(sums);
    expect(fromS.F).toBeCloseTo(raw.F, 9);
    expect(fromS.df2).toBeCloseTo(raw.df2, 9);
    const t = welchT(groups[0], groups[1]), ts = welchTSummary(sums[0], sums[1]);
    expect(ts.t).toBeCloseTo(t.t, 9);
    expect(ts.p).toBeCloseTo(t.p, 9);
    expect(ts.d).toBeCloseTo(t.cohensD, 9);
  });
  it('refuses a group of one or without spread', () => {
    expect(() => welchTSummary({ n: 1, mean: 1, sd: 1 }, { n: 5, mean: 2, sd: 1 })).toThrow(/group 0/);
    expect(() => welchAnovaSummary([{ n: 5, mean: 1, sd: 1 }, { n: 5, mean: 2, sd: 0 }])).toThrow(/group 1 has zero variance/);
  });
});
