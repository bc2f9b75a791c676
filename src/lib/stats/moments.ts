/**
 * One-pass (streaming) sums from which every statistic of `npm run analyze` follows, so that a
 * survey of any length is analysed in memory that grows with the number of items, not respondents.
 *
 * `PairwiseMoments` accumulates, for k columns and every ordered pair (i, j), over the rows where
 * both i and j are present (pairwise deletion, as covarianceMatrix() and pearson()):
 *   n[i,j]  = count,  s[i,j] = Σ u_i,  q[i,j] = Σ u_i²,  p[i,j] = Σ u_i·u_j,
 * where u = x − centre (the centre of the column's allowed range). Centring keeps the sums small
 * (and exact integers, or halves, for Likert answers), so the one-pass formulas below lose nothing
 * against the two-pass ones. Reverse keying (min + max − x) only flips the sign of u, so reversed
 * items need no extra accumulators. It also keeps, per "score" (a set of signed columns, e.g. a
 * scale), the number of complete rows, of rows with any answer, and Σ and Σ² of the signed sum of
 * the complete rows; and per pair of scores the rows where both are complete, with both sums.
 *
 * Rows whose k columns are all present only add to per-column totals and the products; rows with
 * gaps also add to the pair-specific n, s and q (they differ from the column totals only there).
 */
import type { Value } from './descriptive.ts';
import type { Matrix } from './matrix.ts';

const ok = (x: Value): x is number => typeof x === 'number' && Number.isFinite(x);

export interface ScoreDef {
  /** column indices */
  columns: number[];
  /** +1 or −1 per column (−1: reverse-keyed) */
  signs: number[];
}

export class PairwiseMoments {
  readonly k: number;
  /** rows seen */
  rows = 0;
  /** rows with all k columns present */
  private cN = 0;
  private readonly cS: Float64Array;
  private readonly cQ: Float64Array;
  /** from rows with a gap: pair counts, Σu_i and Σu_i² where j is present (k × k, row-major) */
  private readonly gN: Float64Array;
  private readonly gS: Float64Array;
  private readonly gQ: Float64Array;
  /** Σ u_i u_j over rows where both are present (upper triangle, i ≤ j) */
  private readonly P: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** per score: complete rows, rows with any column present, Σ T, Σ T² (T = Σ sign·u over the score's columns) */
  readonly scoreStats: { complete: number; answered: number; sum: number; sumSq: number }[];
  /** per pair of scores: rows where both are complete, Σ T_a, Σ T_b */
  readonly pairStats: { n: number; sumA: number; sumB: number }[];
  private readonly u: Float64Array;
  private readonly present: Int32Array;
  private readonly tScore: Float64Array;
  private readonly cScore: Uint8Array;

  constructor(
    readonly names: string[],
    readonly centre: number[],
    readonly scores: ScoreDef[] = [],
    readonly scorePairs: [number, number][] = [],
  ) {
    const k = (this.k = names.length);
    this.cS = new Float64Array(k);
    this.cQ = new Float64Array(k);
    this.gN = new Float64Array(k * k);
    this.gS = new Float64Array(k * k);
    this.gQ = new Float64Array(k * k);
    this.P = new Float64Array(k * k);
    this.min = new Float64Array(k).fill(Infinity);
    this.max = new Float64Array(k).fill(-Infinity);
    this.u = new Float64Array(k);
    this.present = new Int32Array(k);
    this.scoreStats = scores.map(() => ({ complete: 0, answered: 0, sum: 0, sumSq: 0 }));
    this.pairStats = scorePairs.map(() => ({ n: 0, sumA: 0, sumB: 0 }));
    this.tScore = new Float64Array(scores.length);
    this.cScore = new Uint8Array(scores.length);
  }

  /** Adds `rowCount` rows given as k columns (numbers; null, undefined or NaN = missing). */
  addColumns(columns: ArrayLike<Value>[], rowCount = columns[0]?.length ?? 0) {
    const { k, u, present, P, min, max } = this;
    if (columns.length !== k) throw new Error(`PairwiseMoments: expected ${k} columns, got ${columns.length}`);
    for (let r = 0; r < rowCount; r++) {
      let np = 0;
      for (let i = 0; i < k; i++) {
        const x = columns[i][r];
        if (ok(x)) {
          u[i] = x - this.centre[i];
          present[np++] = i;
          if (x < min[i]) min[i] = x;
          if (x > max[i]) max[i] = x;
        } else u[i] = NaN;
      }
      this.rows++;
      if (np === k) {
        this.cN++;
        for (let i = 0; i < k; i++) {
          const ui = u[i];
          this.cS[i] += ui;
          this.cQ[i] += ui * ui;
          const base = i * k;
          for (let j = i; j < k; j++) P[base + j] += ui * u[j];
        }
      } else if (np > 0) {
        const { gN, gS, gQ } = this;
        for (let a = 0; a < np; a++) {
          const i = present[a];
          const ui = u[i];
          const uu = ui * ui;
          const base = i * k;
          for (let b = 0; b < np; b++) {
            const j = present[b];
            gN[base + j]++;
            gS[base + j] += ui;
            gQ[base + j] += uu;
            if (j >= i) P[base + j] += ui * u[j];
          }
        }
      }
      for (let s = 0; s < this.scores.length; s++) {
        const { columns: cols, signs } = this.scores[s];
        let t = 0, any = false, all = true;
        for (let c = 0; c < cols.length; c++) {
          const v = u[cols[c]];
          if (Number.isNaN(v)) all = false;
          else { any = true; t += signs[c] * v; }
        }
        const st = this.scoreStats[s];
        if (any) st.answered++;
        this.cScore[s] = all ? 1 : 0;
        if (all) { st.complete++; st.sum += t; st.sumSq += t * t; this.tScore[s] = t; }
      }
      for (let p = 0; p < this.scorePairs.length; p++) {
        const [a, b] = this.scorePairs[p];
        if (this.cScore[a] && this.cScore[b]) {
          const st = this.pairStats[p];
          st.n++; st.sumA += this.tScore[a]; st.sumB += this.tScore[b];
        }
      }
    }
  }

  /** n, Σu_i and Σu_i² over the rows where column j is present (i = j: where i is present) */
  pair(i: number, j: number) {
    const o = i * this.k + j;
    return { n: this.cN + this.gN[o], s: this.cS[i] + this.gS[o], q: this.cQ[i] + this.gQ[o] };
  }
  /** Σ u_i u_j over rows where both are present */
  product(i: number, j: number) {
    return i <= j ? this.P[i * this.k + j] : this.P[j * this.k + i];
  }
  /** number of present values in column i */
  count(i: number) {
    return this.pair(i, i).n;
  }
  /** mean of column i over its present values (in the original units) */
  mean(i: number, sign = 1) {
    const { n, s } = this.pair(i, i);
    return (sign * s) / n;
  }

  /**
   * Pairwise covariance matrix of the signed columns `idx` (as covarianceMatrix(): each pair over the
   * rows where both are present, divisor n − 1).
   */
  covariance(idx: number[], signs: number[] = idx.map(() => 1)): Matrix {
    return idx.map((i, a) =>
      idx.map((j, b) => {
        const x = this.pair(i, j), y = this.pair(j, i);
        return (signs[a] * signs[b] * (this.product(i, j) - (x.s * y.s) / x.n)) / (x.n - 1);
      }),
    );
  }

  /**
   * Pairwise Pearson correlation matrix of the signed columns `idx` (as correlationMatrix().r: each
   * pair's means and variances over the rows where both are present; a constant pair gives NaN; 1 on
   * the diagonal).
   */
  correlation(idx: number[], signs: number[] = idx.map(() => 1)): Matrix {
    return idx.map((i, a) =>
      idx.map((j, b) => {
        if (a === b) return 1;
        const x = this.pair(i, j), y = this.pair(j, i);
        const sxx = x.q - (x.s * x.s) / x.n, syy = y.q - (y.s * y.s) / y.n;
        if (!(sxx > 0) || !(syy > 0)) return NaN;
        return (signs[a] * signs[b] * (this.product(i, j) - (x.s * y.s) / x.n)) / Math.sqrt(sxx * syy);
      }),
    );
  }
}
