/**
 * Exploratory factor analysis on a correlation matrix: iterated principal axis factoring,
 * which converges to the minres (unweighted least squares) solution, and varimax rotation
 * (Kaiser-normalised). Oblimin is not implemented yet (see docs/statistics.md).
 */
import { symmetricEigen, inverse, type Matrix } from './matrix.ts';

export interface FactorSolution {
  loadings: Matrix; // items × factors
  communalities: number[];
  uniquenesses: number[];
  /** variance explained by each factor (sum of squared loadings) and its share of the total */
  varianceExplained: { ss: number; proportion: number }[];
  iterations: number;
}

export function factorAnalysis(R: Matrix, nFactors: number, { maxIter = 10000, tol = 1e-10 } = {}): FactorSolution {
  const p = R.length;
  if (nFactors < 1 || nFactors >= p) throw new Error(`factor analysis: need 1 ≤ factors < items (${p})`);
  // start from squared multiple correlations
  let h: number[];
  try {
    const Ri = inverse(R);
    h = Ri.map((r, i) => 1 - 1 / r[i]);
  } catch {
    h = R.map((r, i) => Math.max(...r.filter((_, j) => j !== i).map(Math.abs)));
  }
  let L: Matrix = [];
  let it = 0;
  for (; it < maxIter; it++) {
    const Rr = R.map((r, i) => r.map((v, j) => (i === j ? h[i] : v)));
    const { values, vectors } = symmetricEigen(Rr);
    L = vectors.map((row) => row.slice(0, nFactors).map((v, f) => v * Math.sqrt(Math.max(values[f], 0))));
    const hNew = L.map((row) => row.reduce((s, v) => s + v * v, 0));
    const diff = Math.max(...hNew.map((v, i) => Math.abs(v - h[i])));
    h = hNew;
    if (diff < tol) break;
  }
  // sign convention: each factor's loadings sum to a positive number
  for (let f = 0; f < nFactors; f++) {
    if (L.reduce((s, r) => s + r[f], 0) < 0) for (const r of L) r[f] = -r[f];
  }
  return summarise(L, it);
}

function summarise(L: Matrix, iterations: number): FactorSolution {
  const p = L.length;
  const communalities = L.map((r) => r.reduce((s, v) => s + v * v, 0));
  const ss = L[0].map((_, f) => L.reduce((s, r) => s + r[f] ** 2, 0));
  return {
    loadings: L,
    communalities,
    uniquenesses: communalities.map((c) => 1 - c),
    varianceExplained: ss.map((s) => ({ ss: s, proportion: s / p })),
    iterations,
  };
}

/** Varimax rotation with Kaiser normalisation (as stats::varimax in R). */
export function varimax(solution: FactorSolution, { maxIter = 1000, eps = 1e-5 } = {}): FactorSolution {
  const L = solution.loadings;
  const p = L.length, k = L[0].length;
  if (k < 2) return solution;
  const hs = L.map((r) => Math.sqrt(r.reduce((s, v) => s + v * v, 0)));
  const x = L.map((r, i) => r.map((v) => v / hs[i]));
  let T: Matrix = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  let d = 0;
  const mul = (a: Matrix, b: Matrix) => a.map((row) => b[0].map((_, j) => row.reduce((s, v, q) => s + v * b[q][j], 0)));
  for (let it = 0; it < maxIter; it++) {
    const z = mul(x, T);
    const colSq = z[0].map((_, j) => z.reduce((s, r) => s + r[j] ** 2, 0) / p);
    const B = x[0].map((_, a) => z[0].map((_, b) => x.reduce((s, r, i) => s + r[a] * (z[i][b] ** 3 - z[i][b] * colSq[b]), 0)));
    // T = U Vᵀ from the SVD of B, via the eigen-decomposition of BᵀB
    const { symmetricEigen: eig } = { symmetricEigen };
    const BtB = B[0].map((_, a) => B[0].map((_, b) => B.reduce((s, r) => s + r[a] * r[b], 0)));
    const { values, vectors: V } = eig(BtB);
    const sv = values.map((v) => Math.sqrt(Math.max(v, 1e-300)));
    const U = B.map((row) => V[0].map((_, c) => row.reduce((s, v, q) => s + v * V[q][c], 0) / sv[c]));
    T = U.map((row) => V.map((vrow) => row.reduce((s, v, c) => s + v * vrow[c], 0)));
    const dOld = d;
    d = sv.reduce((a, b) => a + b, 0);
    if (d < dOld * (1 + eps)) break;
  }
  const rotated = mul(x, T).map((r, i) => r.map((v) => v * hs[i]));
  return summarise(rotated, solution.iterations);
}
