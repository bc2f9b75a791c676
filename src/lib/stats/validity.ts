/** Sampling adequacy before factor analysis: KMO (overall and per item) and Bartlett's test of sphericity. */
import { chiSquareUpper } from './distributions.ts';
import { inverse, logDet, type Matrix } from './matrix.ts';

/** KMO from a correlation matrix (missing values: whatever built R; correlationMatrix is pairwise); throws if R is singular. */
export function kmo(R: Matrix): { overall: number; items: number[] } {
  const Ri = inverse(R);
  const p = R.length;
  const P = Ri.map((row, i) => row.map((v, j) => -v / Math.sqrt(Ri[i][i] * Ri[j][j])));
  let r2 = 0, p2 = 0;
  const items: number[] = [];
  for (let i = 0; i < p; i++) {
    let ri = 0, pi = 0;
    for (let j = 0; j < p; j++) if (i !== j) { ri += R[i][j] ** 2; pi += P[i][j] ** 2; }
    items.push(ri / (ri + pi));
    r2 += ri; p2 += pi;
  }
  return { overall: r2 / (r2 + p2), items };
}

/** Bartlett's test: χ² = −(n − 1 − (2p + 5)/6) ln|R|, df = p(p − 1)/2, n the sample size the caller states (psych::cortest.bartlett). Singular R: error. */
export function bartlett(R: Matrix, n: number): { chi2: number; df: number; p: number } {
  const p = R.length;
  const ld = logDet(R);
  if (!Number.isFinite(ld)) throw new Error('Bartlett test: the correlation matrix is singular or not positive definite');
  const chi2 = -(n - 1 - (2 * p + 5) / 6) * ld;
  const df = (p * (p - 1)) / 2;
  return { chi2, df, p: chiSquareUpper(chi2, df) };
}
