/** Descriptive statistics with 95% confidence intervals. Missing values (null/NaN) are dropped. */
import { normalQuantile, tQuantile } from './distributions.ts';

export type Value = number | null | undefined;
export const present = (xs: Value[]): number[] => xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));

/** Arithmetic mean. Missing values (null, undefined, NaN) dropped; NaN when none is left. */
export function mean(xs: Value[]): number {
  const v = present(xs);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
}

/** Sample variance (n − 1). Missing values dropped; NaN for fewer than 2 values. */
export function variance(xs: Value[]): number {
  const v = present(xs);
  if (v.length < 2) return NaN;
  const m = mean(v);
  return v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1);
}

export const sd = (xs: Value[]) => Math.sqrt(variance(xs));

export interface MeanCI { n: number; mean: number; sd: number; se: number; lo: number; hi: number }

/** Mean with a t-based confidence interval. Missing values dropped; n < 2 gives NaN sd, se and bounds. */
export function meanCI(xs: Value[], level = 0.95): MeanCI {
  const v = present(xs);
  return meanCIOf(v.length, mean(v), variance(v), level);
}

/** meanCI() from summaries: n present values, their mean and sample variance (n − 1). */
export function meanCIOf(n: number, m: number, variance: number, level = 0.95): MeanCI {
  const s = n >= 2 ? Math.sqrt(variance) : NaN, se = s / Math.sqrt(n);
  const q = n >= 2 ? tQuantile(1 - (1 - level) / 2, n - 1) : NaN;
  return { n, mean: n ? m : NaN, sd: s, se, lo: m - q * se, hi: m + q * se };
}

/** Wilson score interval for a proportion of `successes` out of `n` (counts, so no missing values); n = 0 gives NaN. */
export function wilson(successes: number, n: number, level = 0.95): { p: number; lo: number; hi: number } {
  if (n <= 0) return { p: NaN, lo: NaN, hi: NaN };
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { p, lo: centre - half, hi: centre + half };
}

/**
 * Weighted mean with a CI from the Kish effective sample size (n_eff = (Σw)² / Σw²).
 * Pairs with a missing value or weight are dropped.
 */
export function weightedMeanCI(xs: Value[], ws: Value[], level = 0.95): MeanCI & { nEff: number } {
  const pairs = xs.map((x, i) => [x, ws[i]] as const).filter(([x, w]) => typeof x === 'number' && Number.isFinite(x) && typeof w === 'number' && w > 0) as [number, number][];
  const sw = pairs.reduce((s, [, w]) => s + w, 0);
  const sw2 = pairs.reduce((s, [, w]) => s + w * w, 0);
  const m = pairs.reduce((s, [x, w]) => s + w * x, 0) / sw;
  const nEff = (sw * sw) / sw2;
  const v = (pairs.reduce((s, [x, w]) => s + w * (x - m) ** 2, 0) / sw) * (nEff / (nEff - 1));
  const se = Math.sqrt(v / nEff);
  const q = nEff > 1 ? tQuantile(1 - (1 - level) / 2, nEff - 1) : NaN;
  return { n: pairs.length, nEff, mean: m, sd: Math.sqrt(v), se, lo: m - q * se, hi: m + q * se };
}

/**
 * Weighted proportion with a Wilson interval on the Kish effective sample size. `xs` holds 0/1
 * (or false/true) per respondent; pairs with a missing value or a non-positive weight are dropped;
 * no pair left gives NaN.
 */
export function weightedWilson(xs: (Value | boolean)[], ws: Value[], level = 0.95): { p: number; lo: number; hi: number; n: number; nEff: number } {
  const pairs: [number, number][] = [];
  xs.forEach((x, i) => {
    const v = typeof x === 'boolean' ? Number(x) : x;
    const w = ws[i];
    if (typeof v === 'number' && Number.isFinite(v) && typeof w === 'number' && w > 0) {
      if (v !== 0 && v !== 1) throw new Error(`weightedWilson: values must be 0 or 1, got ${v}`);
      pairs.push([v, w]);
    }
  });
  const sw = pairs.reduce((s, [, w]) => s + w, 0);
  const sw2 = pairs.reduce((s, [, w]) => s + w * w, 0);
  if (!pairs.length) return { p: NaN, lo: NaN, hi: NaN, n: 0, nEff: 0 };
  const p = pairs.reduce((s, [x, w]) => s + x * w, 0) / sw;
  const nEff = (sw * sw) / sw2;
  // the Wilson interval of p with n replaced by n_eff (successes = p · n_eff)
  const { lo, hi } = wilson(p * nEff, nEff, level);
  return { p, lo, hi, n: pairs.length, nEff };
}
