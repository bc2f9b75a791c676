/**
 * Ordinary least squares with an intercept: y (length n) on X (n rows × predictors).
 * Missing values: listwise (rows with a missing y or any missing predictor are dropped).
 * Fewer complete rows than coefficients + 1, or collinear predictors, is an error.
 * VIF_j = 1/(1 − R²_j) from regressing predictor j on the others (1 when there is one predictor).
 */
import { tTwoSided } from './distributions.ts';
import { inverse, type Matrix } from './matrix.ts';
import { sd, type Value } from './descriptive.ts';

export interface OlsResult {
  n: number;
  coef: number[]; // intercept first
  se: number[];
  t: number[];
  p: number[];
  beta: number[]; // standardised, intercept = NaN
  r2: number;
  adjR2: number;
  vif: number[]; // per predictor
}

export function ols(y: Value[], X: Value[][]): OlsResult {
  const ok = (v: Value): v is number => typeof v === 'number' && Number.isFinite(v);
  const rows = y.map((v, i) => [v, X[i]] as const).filter(([v, x]) => ok(v) && x.every(ok)) as [number, number[]][];
  if (!X.length || X.length !== y.length) throw new Error('OLS: y and X must have the same, non-zero number of rows');
  const n = rows.length, p = X[0].length + 1;
  if (n <= p) throw new Error(`OLS: ${n} complete rows for ${p} coefficients`);
  const D: Matrix = rows.map(([, x]) => [1, ...x]);
  const Y = rows.map(([v]) => v);
  const XtX = D[0].map((_, a) => D[0].map((_, b) => D.reduce((s, r) => s + r[a] * r[b], 0)));
  let XtXi: Matrix;
  try {
    XtXi = inverse(XtX);
  } catch {
    throw new Error('OLS: the predictors are collinear (or one is constant); XᵀX is singular');
  }
  const XtY = D[0].map((_, a) => D.reduce((s, r, i) => s + r[a] * Y[i], 0));
  const coef = XtXi.map((r) => r.reduce((s, v, j) => s + v * XtY[j], 0));
  const fitted = D.map((r) => r.reduce((s, v, j) => s + v * coef[j], 0));
  const sse = Y.reduce((s, v, i) => s + (v - fitted[i]) ** 2, 0);
  const my = Y.reduce((a, b) => a + b, 0) / n;
  const sst = Y.reduce((s, v) => s + (v - my) ** 2, 0);
  const sigma2 = sse / (n - p);
  const se = XtXi.map((r, i) => Math.sqrt(sigma2 * r[i]));
  const t = coef.map((c, i) => c / se[i]);
  const sy = sd(Y);
  const sx = D[0].map((_, j) => (j === 0 ? NaN : sd(D.map((r) => r[j]))));
  const r2 = 1 - sse / sst;
  const vif = X[0].map((_, j) => {
    if (X[0].length === 1) return 1;
    const others = rows.map(([, x]) => x.filter((_, q) => q !== j));
    const r2j = ols(rows.map(([, x]) => x[j]), others).r2;
    return 1 / (1 - r2j);
  });
  return { n, coef, se, t, p: t.map((v) => tTwoSided(v, n - p)), beta: coef.map((c, j) => (j === 0 ? NaN : (c * sx[j]) / sy)), r2, adjR2: 1 - ((1 - r2) * (n - 1)) / (n - p), vif };
}
