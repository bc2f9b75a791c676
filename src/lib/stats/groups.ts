/**
 * Group differences. Every function takes one array of values per group. Missing values in a
 * group are dropped; a group with fewer than 2 values left is an error (naming the group).
 * The Welch-type tests (welchT, welchAnova, gamesHowell) also refuse a group with zero variance,
 * whose weight would be infinite.
 */
import { chiSquareUpper, fUpper, ptukey, tTwoSided } from './distributions.ts';
import { mean, present, variance, type Value } from './descriptive.ts';
import { ranks } from './correlation.ts';

function groupsOf(groups: Value[][]): number[][] {
  const g = groups.map(present);
  g.forEach((x, i) => {
    if (x.length < 2) throw new Error(`group ${i} has ${x.length} value(s); at least 2 are needed`);
  });
  return g;
}

function noZeroVariance(g: number[][]) {
  g.forEach((x, i) => {
    if (!(variance(x) > 0)) throw new Error(`group ${i} has zero variance; Welch-type tests need spread in every group`);
  });
}

/**
 * Welch's t-test (unequal variances), two-sided, of mean(a) − mean(b), with Cohen's d =
 * (mean(a) − mean(b)) / pooled SD (pooled with n − 1 weights). Missing values dropped per group.
 */
export function welchT(a: Value[], b: Value[]) {
  const [x, y] = groupsOf([a, b]);
  noZeroVariance([x, y]);
  const va = variance(x), vb = variance(y), na = x.length, nb = y.length;
  const se2 = va / na + vb / nb;
  const t = (mean(x) - mean(y)) / Math.sqrt(se2);
  const df = se2 ** 2 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1));
  const pooled = Math.sqrt(((na - 1) * va + (nb - 1) * vb) / (na + nb - 2));
  return { t, df, p: tTwoSided(t, df), meanDiff: mean(x) - mean(y), cohensD: (mean(x) - mean(y)) / pooled };
}

/** Classic one-way ANOVA with η² = SSb/SSt and ω² = (SSb − df1·MSw)/(SSt + MSw). Missing values dropped per group. */
export function anova(groups: Value[][]) {
  const g = groupsOf(groups);
  const all = g.flat();
  const N = all.length, k = g.length, grand = mean(all);
  const ssb = g.reduce((s, x) => s + x.length * (mean(x) - grand) ** 2, 0);
  const ssw = g.reduce((s, x) => s + x.reduce((a, v) => a + (v - mean(x)) ** 2, 0), 0);
  const df1 = k - 1, df2 = N - k, msw = ssw / df2;
  const F = ssb / df1 / msw;
  return { F, df1, df2, p: fUpper(F, df1, df2), etaSquared: ssb / (ssb + ssw), omegaSquared: (ssb - df1 * msw) / (ssb + ssw + msw) };
}

/** Welch's heteroscedastic one-way ANOVA (as R's oneway.test(var.equal = FALSE)). */
export function welchAnova(groups: Value[][]) {
  const g = groupsOf(groups);
  noZeroVariance(g);
  const k = g.length;
  const w = g.map((x) => x.length / variance(x));
  const sw = w.reduce((a, b) => a + b, 0);
  const mw = g.reduce((s, x, i) => s + w[i] * mean(x), 0) / sw;
  const a = g.reduce((s, x, i) => s + w[i] * (mean(x) - mw) ** 2, 0) / (k - 1);
  const lambda = g.reduce((s, x, i) => s + (1 - w[i] / sw) ** 2 / (x.length - 1), 0);
  const b = 1 + ((2 * (k - 2)) / (k * k - 1)) * lambda;
  const F = a / b;
  const df1 = k - 1, df2 = (k * k - 1) / (3 * lambda);
  return { F, df1, df2, p: fUpper(F, df1, df2) };
}

/** Kruskal–Wallis rank-sum test with the tie correction (as R's kruskal.test). Missing values dropped; all values tied gives H = NaN (as R). */
export function kruskalWallis(groups: Value[][]) {
  const g = groupsOf(groups);
  const all = g.flat();
  const r = ranks(all) as number[];
  const N = all.length;
  let pos = 0, H = 0;
  for (const x of g) {
    const rs = r.slice(pos, pos + x.length).reduce((a, b) => a + b, 0);
    H += (rs * rs) / x.length;
    pos += x.length;
  }
  H = (12 / (N * (N + 1))) * H - 3 * (N + 1);
  const counts = new Map<number, number>();
  for (const v of all) counts.set(v, (counts.get(v) ?? 0) + 1);
  const ties = [...counts.values()].reduce((s, t) => s + t ** 3 - t, 0);
  H /= 1 - ties / (N ** 3 - N);
  const df = g.length - 1;
  return { H, df, p: chiSquareUpper(H, df) };
}

/**
 * Games–Howell post-hoc comparisons (unequal variances and sizes): for each pair, Welch's t and
 * df, p from the studentized range with k groups: p = 1 − ptukey(|t|·√2, k, df). Group indices
 * i < j are positions in `groups`; p is accurate to about 1e-6 (numerical integration).
 */
export function gamesHowell(groups: Value[][]) {
  const g = groupsOf(groups);
  noZeroVariance(g);
  const k = g.length;
  const out: { i: number; j: number; diff: number; t: number; df: number; p: number }[] = [];
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++) {
      const va = variance(g[i]) / g[i].length, vb = variance(g[j]) / g[j].length;
      const t = (mean(g[i]) - mean(g[j])) / Math.sqrt(va + vb);
      const df = (va + vb) ** 2 / (va ** 2 / (g[i].length - 1) + vb ** 2 / (g[j].length - 1));
      out.push({ i, j, diff: mean(g[i]) - mean(g[j]), t, df, p: Math.max(0, 1 - ptukey(Math.abs(t) * Math.SQRT2, k, df)) });
    }
  return out;
}
