/**
 * Pure statistics of the comparison explorer, from published moments (n, Σx, Σx²).
 *
 * The one benchmark is the survey mean (all respondents). A group's difference from it,
 * d = mean(group) − mean(all) = (1 − n/N)·(mean(group) − mean(rest)), is a fixed multiple of the
 * difference from everyone else, so its interval is Welch's interval for group − rest scaled by
 * (1 − n/N), and the interval excludes 0 exactly when Welch's test rejects. Intervals and verdicts
 * are adjusted together (Bonferroni over the `family` measures compared for the group): a verdict
 * says "different" exactly when its adjusted interval excludes zero.
 */
import { tQuantile, tTwoSided } from '../stats/distributions.ts';
import type { Moments } from './aggregate.ts';

export function describe(m: Moments) {
  const mean = m.sum / m.n;
  const variance = (m.sumsq - (m.sum * m.sum) / m.n) / (m.n - 1);
  const se = Math.sqrt(variance / m.n);
  const q = tQuantile(0.975, m.n - 1);
  return { n: m.n, mean, sd: Math.sqrt(variance), lo: mean - q * se, hi: mean + q * se };
}

/** Welch test of the group against everyone else (rest = overall − group); interval at 95%. */
export function versusRest(group: Moments, overall: Moments) {
  const rest = { n: overall.n - group.n, sum: overall.sum - group.sum, sumsq: overall.sumsq - group.sumsq };
  const a = describe(group), b = describe(rest);
  const va = a.sd ** 2 / a.n, vb = b.sd ** 2 / b.n;
  const t = (a.mean - b.mean) / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const diff = a.mean - describe(overall).mean;
  const se = Math.sqrt(va + vb);
  const q = tQuantile(0.975, df);
  return { diff, restDiff: a.mean - b.mean, lo: a.mean - b.mean - q * se, hi: a.mean - b.mean + q * se, t, df, p: tTwoSided(t, df), se };
}

/**
 * The group against the survey mean, adjusted for `family` comparisons (Bonferroni): the difference,
 * its interval at level 1 − 0.05/family, the unadjusted p and the adjusted p = min(1, p·family).
 */
export function versusBenchmark(group: Moments, overall: Moments, family: number) {
  const v = versusRest(group, overall);
  const shrink = 1 - group.n / overall.n;
  const q = tQuantile(1 - 0.05 / (2 * family), v.df);
  const diff = v.restDiff * shrink;
  const half = q * v.se * shrink;
  return { benchmark: describe(overall).mean, diff, lo: diff - half, hi: diff + half, p: v.p, pAdj: Math.min(1, v.p * family), family };
}

/**
 * Change between two independent waves of the same group: latest − previous, Welch's interval at
 * level 1 − 0.05/family and the adjusted p (the same test and adjustment as the comparison with the
 * survey mean, so a change is flagged exactly when its interval excludes zero).
 */
export function waveChange(previous: Moments, latest: Moments, family: number) {
  const a = describe(latest), b = describe(previous);
  const va = a.sd ** 2 / a.n, vb = b.sd ** 2 / b.n;
  const se = Math.sqrt(va + vb);
  const diff = a.mean - b.mean;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const q = tQuantile(1 - 0.05 / (2 * family), df);
  const p = tTwoSided(diff / se, df);
  return { diff, lo: diff - q * se, hi: diff + q * se, p, pAdj: Math.min(1, p * family), family };
}

/** Holm–Bonferroni adjusted p-values (same order as the input). */
export function holm(ps: number[]): number[] {
  const order = ps.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(ps.length);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (ps.length - rank) * p));
    out[i] = running;
  });
  return out;
}

export function nearest<T>(target: number[], candidates: { item: T; profile: number[] }[], count: number) {
  return candidates
    .map((c) => ({ item: c.item, distance: Math.sqrt(c.profile.reduce((s, v, i) => s + (v - target[i]) ** 2, 0)) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, count);
}
