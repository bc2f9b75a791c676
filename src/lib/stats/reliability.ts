/**
 * Reliability of a multi-item scale. `items` is respondents × items (already reverse-keyed).
 * Missing values: alpha and item statistics use pairwise covariances (as psych::alpha does by
 * default); omega uses the pairwise correlation matrix. A constant item gives NaN correlations
 * and an error for omega.
 */
import { correlationMatrix } from './correlation.ts';
import type { Value } from './descriptive.ts';
import { factorAnalysis } from './factor.ts';

const ok = (x: Value): x is number => typeof x === 'number' && Number.isFinite(x);

/** Covariance matrix of columns, each pair over the rows where both are present (pairwise). */
export function covarianceMatrix(columns: Value[][]): number[][] {
  const k = columns.length;
  const C = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++)
    for (let j = i; j < k; j++) {
      let n = 0, sx = 0, sy = 0, sxy = 0;
      const a = columns[i], b = columns[j];
      for (let r = 0; r < a.length; r++) if (ok(a[r]) && ok(b[r])) { n++; sx += a[r] as number; sy += b[r] as number; sxy += (a[r] as number) * (b[r] as number); }
      C[i][j] = C[j][i] = (sxy - (sx * sy) / n) / (n - 1);
    }
  return C;
}

/** (min + max) − x; missing stays missing (null). */
export const reverseKey = (x: Value, min: number, max: number) => (ok(x) ? min + max - x : null);

export const columnsOf = (items: Value[][]) => items[0].map((_, j) => items.map((r) => r[j]));

function alphaFromCov(C: number[][]) {
  const k = C.length;
  const total = C.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
  const diag = C.reduce((s, r, i) => s + r[i], 0);
  return (k / (k - 1)) * (1 - diag / total);
}

export interface Reliability {
  k: number;
  n: number;
  alpha: number;
  standardisedAlpha: number;
  meanInterItemR: number;
  items: { alphaIfDeleted: number; correctedItemTotalR: number; mean: number; sd: number; n: number }[];
}

/**
 * Cronbach's alpha of respondents × items (reverse-keyed already): raw alpha from the pairwise
 * covariance matrix, standardised alpha from the mean inter-item correlation, and per item the
 * alpha if deleted and the corrected item–total correlation (item vs sum of the others), all as
 * psych::alpha. `n` is the number of complete rows. Constant item or fewer than 2 items: error.
 */
export function cronbachAlpha(items: Value[][]): Reliability {
  const cols = columnsOf(items);
  const k = cols.length;
  if (k < 2) throw new Error('alpha needs at least 2 items');
  const present = cols.map((c) => c.filter(ok) as number[]);
  present.forEach((v, i) => {
    if (v.length < 2) throw new Error(`alpha: item ${i} has fewer than 2 answers`);
  });
  const means = present.map((v) => v.reduce((a, b) => a + b, 0) / v.length);
  const complete = items.filter((r) => r.every(ok)).length;
  return alphaFromCovariance(covarianceMatrix(cols), means, present.map((v) => v.length), complete);
}

/**
 * The rest of cronbachAlpha() once the data are summarised: the pairwise covariance matrix C, each
 * item's mean and number of answers, and the number of complete rows (the streaming path of
 * `npm run analyze` computes these in one pass, src/lib/stats/moments.ts).
 */
export function alphaFromCovariance(C: number[][], means: number[], counts: number[], complete: number): Reliability {
  const k = C.length;
  if (k < 2) throw new Error('alpha needs at least 2 items');
  counts.forEach((c, i) => {
    if (c < 2) throw new Error(`alpha: item ${i} has fewer than 2 answers`);
  });
  if (C.some((r, i) => !(r[i] > 0))) throw new Error('alpha: an item is constant (zero variance)');
  const R = C.map((r, i) => r.map((v, j) => v / Math.sqrt(C[i][i] * C[j][j])));
  let sumR = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) sumR += R[i][j];
  const rbar = sumR / (k * (k - 1));
  const itemStats = C.map((_, i) => {
    const keep = [...Array(k).keys()].filter((j) => j !== i);
    const Cd = keep.map((a) => keep.map((b) => C[a][b]));
    // corrected item–total r: correlation of the item with the sum of the other items (from the covariances)
    const covRest = keep.reduce((s, j) => s + C[i][j], 0);
    const varRest = Cd.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
    return {
      alphaIfDeleted: k > 2 ? alphaFromCov(Cd) : NaN,
      correctedItemTotalR: covRest / Math.sqrt(C[i][i] * varRest),
      mean: means[i],
      sd: Math.sqrt(C[i][i]),
      n: counts[i],
    };
  });
  return { k, n: complete, alpha: alphaFromCov(C), standardisedAlpha: (k * rbar) / (1 + (k - 1) * rbar), meanInterItemR: rbar, items: itemStats };
}

/**
 * McDonald's omega total from a one-factor minres (iterated principal axis) solution on the
 * correlation matrix: ω_t = 1 − Σ uniquenesses / (1ᵀR1). psych::omega(nfactors = 1) gives the same.
 * Missing values: pairwise correlations. Needs ≥ 3 items (a 1-factor model on 2 items is not identified).
 */
export function omegaTotal(items: Value[][]): number {
  if ((items[0]?.length ?? 0) < 3) throw new Error('omega: needs at least 3 items');
  return omegaFromCorrelation(correlationMatrix(columnsOf(items)).r);
}

/** omegaTotal() from the (pairwise) correlation matrix of ≥ 3 items. */
export function omegaFromCorrelation(R: number[][]): number {
  if (R.length < 3) throw new Error('omega: needs at least 3 items');
  const fa = factorAnalysis(R, 1);
  const total = R.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
  return 1 - fa.uniquenesses.reduce((a, b) => a + b, 0) / total;
}
