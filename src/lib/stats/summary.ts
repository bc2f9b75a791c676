/**
 * Tests from group summaries (n, mean, SD) rather than raw values: the report's group breakdowns
 * come from the protected table (groups.parquet: n, Σx, Σx² per group), never from microdata that
 * withholds a small group's answers. Same results as welchT / welchAnova / anova on the raw values.
 */
import { fUpper, normalQuantile, tQuantile, tTwoSided } from './distributions.ts';

export interface GroupSummary { n: number; mean: number; sd: number }

/** n, mean and SD from n, Σx and Σx² (as groups.parquet stores them) */
export function fromSums(n: number, sum: number, sumsq: number): GroupSummary {
  const mean = sum / n;
  return { n, mean, sd: Math.sqrt(Math.max(0, (sumsq - n * mean * mean) / (n - 1))) };
}

function check(gs: GroupSummary[]) {
  gs.forEach((g, i) => {
    if (!(g.n >= 2)) throw new Error(`group ${i} has ${g.n} value(s); at least 2 are needed`);
    if (!(g.sd > 0)) throw new Error(`group ${i} has zero variance; Welch-type tests need spread in every group`);
  });
}

/**
 * Welch's t-test of a − b, two-sided, with the 95% interval of the difference (Welch df, as R's
 * t.test) and Cohen's d (pooled SD, n − 1 weights) with its large-sample interval
 * (SE² = (na + nb)/(na·nb) + d²/(2(na + nb)); Hedges & Olkin 1985).
 */
export function welchTSummary(a: GroupSummary, b: GroupSummary, level = 0.95) {
  check([a, b]);
  const va = a.sd ** 2 / a.n, vb = b.sd ** 2 / b.n;
  const se = Math.sqrt(va + vb);
  const diff = a.mean - b.mean;
  const t = diff / se;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const q = tQuantile(1 - (1 - level) / 2, df);
  const pooled = Math.sqrt(((a.n - 1) * a.sd ** 2 + (b.n - 1) * b.sd ** 2) / (a.n + b.n - 2));
  const d = diff / pooled;
  const seD = Math.sqrt((a.n + b.n) / (a.n * b.n) + d * d / (2 * (a.n + b.n)));
  const z = normalQuantile(1 - (1 - level) / 2);
  return { t, df, p: tTwoSided(t, df), diff, lo: diff - q * se, hi: diff + q * se, d, dLo: d - z * seD, dHi: d + z * seD, n: a.n + b.n };
}

/** Welch's one-way ANOVA (R's oneway.test(var.equal = FALSE)) and ω² from the classic sums of squares. */
export function welchAnovaSummary(gs: GroupSummary[]) {
  check(gs);
  const k = gs.length;
  const w = gs.map((g) => g.n / g.sd ** 2);
  const sw = w.reduce((a, b) => a + b, 0);
  const mw = gs.reduce((s, g, i) => s + w[i] * g.mean, 0) / sw;
  const a = gs.reduce((s, g, i) => s + w[i] * (g.mean - mw) ** 2, 0) / (k - 1);
  const lambda = gs.reduce((s, g, i) => s + (1 - w[i] / sw) ** 2 / (g.n - 1), 0);
  const F = a / (1 + ((2 * (k - 2)) / (k * k - 1)) * lambda);
  const df1 = k - 1, df2 = (k * k - 1) / (3 * lambda);
  const N = gs.reduce((s, g) => s + g.n, 0);
  const grand = gs.reduce((s, g) => s + g.n * g.mean, 0) / N;
  const ssb = gs.reduce((s, g) => s + g.n * (g.mean - grand) ** 2, 0);
  const ssw = gs.reduce((s, g) => s + (g.n - 1) * g.sd ** 2, 0);
  const msw = ssw / (N - k);
  return { F, df1, df2, p: fUpper(F, df1, df2), omegaSquared: (ssb - df1 * msw) / (ssb + ssw + msw), n: N, k };
}

/** Pearson r's test (t with n − 2 df) and its Fisher-z interval, as R's cor.test. */
export function correlationCI(r: number, n: number, level = 0.95) {
  if (!(n > 3)) throw new Error(`a correlation interval needs n > 3, got ${n}`);
  const z = Math.atanh(r), se = 1 / Math.sqrt(n - 3), q = normalQuantile(1 - (1 - level) / 2);
  const t = r * Math.sqrt((n - 2) / (1 - r * r));
  return { r, n, t, df: n - 2, p: tTwoSided(t, n - 2), lo: Math.tanh(z - q * se), hi: Math.tanh(z + q * se) };
}

/**
 * Paired (one-sample) t-test of differences with mean `mean`, SD `sd` over n pairs (R's
 * t.test(x, y, paired = TRUE)), the 95% interval of the mean difference and d_z = mean / SD.
 */
export function pairedTSummary(d: GroupSummary, level = 0.95) {
  check([d]);
  const se = d.sd / Math.sqrt(d.n), df = d.n - 1, t = d.mean / se, q = tQuantile(1 - (1 - level) / 2, df);
  return { t, df, p: tTwoSided(t, df), diff: d.mean, lo: d.mean - q * se, hi: d.mean + q * se, dz: d.mean / d.sd, n: d.n };
}
