/**
 * Exploratory factor analysis on a correlation matrix: iterated principal axis factoring,
 * which converges to the minres (unweighted least squares) solution, and varimax rotation
 * (Kaiser-normalised) or oblimin (quartimin) rotation. Input is a correlation matrix, so the missing-
 * value policy is the caller's (correlationMatrix gives pairwise). nFactors must be in [1, items).
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

/**
 * Oblimin rotation (γ = 0, quartimin) by Jennrich's gradient projection algorithm, as
 * GPArotation::oblimin(normalize = FALSE). Returns pattern loadings and the factor correlations Φ.
 */
export function oblimin(solution: FactorSolution, { eps = 1e-5, maxIter = 1000, gamma = 0 } = {}): FactorSolution & { phi: Matrix } {
  const A = solution.loadings;
  const p = A.length, k = A[0].length;
  const mul = (a: Matrix, b: Matrix) => a.map((row) => b[0].map((_, j) => row.reduce((s, v, q) => s + v * b[q][j], 0)));
  const tr = (a: Matrix) => a[0].map((_, j) => a.map((r) => r[j]));
  const vgQ = (L: Matrix) => {
    const L2 = L.map((r) => r.map((v) => v * v));
    let X = L2.map((r) => r.map((_, j) => r.reduce((s, v, q) => s + (q === j ? 0 : v), 0)));
    if (gamma !== 0) {
      const colMeans = X[0].map((_, j) => X.reduce((s, r) => s + r[j], 0) / p);
      X = X.map((r) => r.map((v, j) => v - gamma * colMeans[j]));
    }
    return { Gq: L.map((r, i) => r.map((v, j) => v * X[i][j])), f: L2.reduce((s, r, i) => s + r.reduce((a, v, j) => a + v * X[i][j], 0), 0) / 4 };
  };
  let T: Matrix = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  let L = mul(A, tr(inverse(T)));
  let q = vgQ(L);
  let f = q.f;
  let G = tr(mul(mul(tr(L), q.Gq), inverse(T))).map((r) => r.map((v) => -v));
  let al = 1;
  for (let it = 0; it <= maxIter; it++) {
    const colDot = T[0].map((_, j) => T.reduce((s, r, i) => s + r[j] * G[i][j], 0));
    const Gp = G.map((r, i) => r.map((v, j) => v - T[i][j] * colDot[j]));
    const s = Math.sqrt(Gp.reduce((acc, r) => acc + r.reduce((a, v) => a + v * v, 0), 0));
    if (s < eps) break;
    al *= 2;
    let Tt = T, Lt = L, qt = q;
    for (let i = 0; i <= 10; i++) {
      const X = T.map((r, a) => r.map((v, j) => v - al * Gp[a][j]));
      const norms = X[0].map((_, j) => 1 / Math.sqrt(X.reduce((acc, r) => acc + r[j] * r[j], 0)));
      Tt = X.map((r) => r.map((v, j) => v * norms[j]));
      Lt = mul(A, tr(inverse(Tt)));
      qt = vgQ(Lt);
      if (f - qt.f > 0.5 * s * s * al) break;
      al /= 2;
    }
    T = Tt;
    L = Lt;
    q = qt;
    f = qt.f;
    G = tr(mul(mul(tr(L), q.Gq), inverse(T))).map((r) => r.map((v) => -v));
  }
  const phi = mul(tr(T), T);
  const ss = L[0].map((_, j) => L.reduce((s, r) => s + r[j] ** 2, 0));
  return { ...solution, loadings: L, phi, varianceExplained: ss.map((v) => ({ ss: v, proportion: v / p })) };
}
