/**
 * Analytic hierarchy process: weights = principal eigenvector of the reciprocal pairwise
 * comparison matrix (power iteration), normalised to sum 1; CI = (λmax − n)/(n − 1); CR = CI/RI
 * with Saaty's random index table (n = 1…10: 0, 0, .58, .90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49).
 */
export const SAATY_RI = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

export function ahp(A: number[][]): { weights: number[]; lambdaMax: number; ci: number; cr: number; consistent: boolean } {
  const n = A.length;
  if (n < 1 || A.some((r) => r.length !== n)) throw new Error('AHP: the comparison matrix must be square');
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    if (!(A[i][j] > 0)) throw new Error(`AHP: a[${i}][${j}] must be positive`);
    if (Math.abs(A[i][j] * A[j][i] - 1) > 1e-6) throw new Error(`AHP: matrix is not reciprocal at (${i}, ${j}): ${A[i][j]} × ${A[j][i]} ≠ 1`);
  }
  if (n > SAATY_RI.length) throw new Error(`AHP: Saaty's RI table covers n ≤ ${SAATY_RI.length}`);
  let w = new Array(n).fill(1 / n);
  for (let it = 0; it < 10000; it++) {
    const next = A.map((r) => r.reduce((s, v, j) => s + v * w[j], 0));
    const sum = next.reduce((a, b) => a + b, 0);
    const nw = next.map((v) => v / sum);
    const diff = Math.max(...nw.map((v, i) => Math.abs(v - w[i])));
    w = nw;
    if (diff < 1e-15) break;
  }
  const Aw = A.map((r) => r.reduce((s, v, j) => s + v * w[j], 0));
  const lambdaMax = Aw.reduce((s, v, i) => s + v / w[i], 0) / n;
  const ci = n > 2 ? (lambdaMax - n) / (n - 1) : 0;
  const cr = n > 2 ? ci / SAATY_RI[n - 1] : 0;
  return { weights: w, lambdaMax, ci, cr, consistent: cr < 0.1 };
}
