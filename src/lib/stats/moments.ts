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
 * Per column it keeps totals over the rows where the column is present; per pair (i, j) only what
 * the rows where i is present and j is missing add to those totals (cheap: rows have few gaps), and
 * the products as dot products of centred columns with 0 for missing cells, a chunk at a time.
 */
import type { Value } from './descriptive.ts';
import type { Matrix } from './matrix.ts';

const ok = (x: Value): x is number => typeof x === 'number' && Number.isFinite(x);
/** rows per tile of the product loop */
const TILE = 256;

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
  /** per column over the rows where it is present: count, Σu, Σu² */
  private readonly colN: Float64Array;
  private readonly colS: Float64Array;
  private readonly colQ: Float64Array;
  /** over the rows where i is present and j is missing: count, Σu_i, Σu_i² (k × k, row-major) */
  private readonly dN: Float64Array;
  private readonly dS: Float64Array;
  private readonly dQ: Float64Array;
  /** Σ u_i u_j over rows where both are present (upper triangle, i ≤ j) */
  private readonly P: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** per score: complete rows, rows with any column present, Σ T, Σ T² (T = Σ sign·u over the score's columns) */
  readonly scoreStats: { complete: number; answered: number; sum: number; sumSq: number }[];
  /** per pair of scores: rows where both are complete, Σ T_a, Σ T_b */
  readonly pairStats: { n: number; sumA: number; sumB: number }[];
  private readonly tScore: Float64Array;
  private readonly cScore: Uint8Array;

  constructor(
    readonly names: string[],
    readonly centre: number[],
    readonly scores: ScoreDef[] = [],
    readonly scorePairs: [number, number][] = [],
  ) {
    const k = (this.k = names.length);
    this.colN = new Float64Array(k);
    this.colS = new Float64Array(k);
    this.colQ = new Float64Array(k);
    this.dN = new Float64Array(k * k);
    this.dS = new Float64Array(k * k);
    this.dQ = new Float64Array(k * k);
    this.P = new Float64Array(k * k);
    this.min = new Float64Array(k).fill(Infinity);
    this.max = new Float64Array(k).fill(-Infinity);
    this.scoreStats = scores.map(() => ({ complete: 0, answered: 0, sum: 0, sumSq: 0 }));
    this.pairStats = scorePairs.map(() => ({ n: 0, sumA: 0, sumB: 0 }));
    this.tScore = new Float64Array(scores.length);
    this.cScore = new Uint8Array(scores.length);
  }

  /** Adds `rowCount` rows given as k columns (numbers; null, undefined or NaN = missing). */
  addColumns(columns: ArrayLike<Value>[], rowCount = columns[0]?.length ?? 0) {
    const { k, P, min, max, colN, colS, colQ, dN, dS, dQ } = this;
    if (columns.length !== k) throw new Error(`PairwiseMoments: expected ${k} columns, got ${columns.length}`);
    const m = rowCount;
    // centred columns, 0 where missing (so products need no test), and the missing cells per row
    const U = columns.map(() => new Float64Array(m));
    const present = columns.map(() => new Uint8Array(m));
    const missingAt: number[][] = [];
    for (let i = 0; i < k; i++) {
      const src = columns[i], u = U[i], pr = present[i], c = this.centre[i];
      let n = 0, s = 0, q = 0, lo = min[i], hi = max[i];
      for (let r = 0; r < m; r++) {
        const x = src[r];
        if (ok(x)) {
          const v = x - c;
          u[r] = v; pr[r] = 1;
          n++; s += v; q += v * v;
          if (x < lo) lo = x;
          if (x > hi) hi = x;
        } else (missingAt[r] ??= []).push(i);
      }
      colN[i] += n; colS[i] += s; colQ[i] += q; min[i] = lo; max[i] = hi;
    }
    // rows with gaps: for each missing j and present i, what the pair (i, j) must leave out
    for (let r = 0; r < m; r++) {
      const miss = missingAt[r];
      if (!miss) continue;
      for (let i = 0; i < k; i++) {
        if (!present[i][r]) continue;
        const v = U[i][r], vv = v * v, base = i * k;
        for (const j of miss) { dN[base + j]++; dS[base + j] += v; dQ[base + j] += vv; }
      }
    }
    // products: dot products of the centred columns (missing cells are 0)
    // (in row tiles that keep all k column slices in cache)
    for (let r0 = 0; r0 < m; r0 += TILE) {
      const r1 = Math.min(m, r0 + TILE);
      for (let i = 0; i < k; i++) {
        const ui = U[i], base = i * k;
        for (let j = i; j < k; j++) {
          const uj = U[j];
          // four accumulators: the loop is bound by the latency of the additions otherwise (3× slower)
          let a0 = 0, a1 = 0, a2 = 0, a3 = 0, r = r0;
          for (; r + 3 < r1; r += 4) { a0 += ui[r] * uj[r]; a1 += ui[r + 1] * uj[r + 1]; a2 += ui[r + 2] * uj[r + 2]; a3 += ui[r + 3] * uj[r + 3]; }
          for (; r < r1; r++) a0 += ui[r] * uj[r];
          P[base + j] += a0 + a1 + a2 + a3;
        }
      }
    }
    // scores
    const S = this.scores.length;
    for (let r = 0; r < m; r++) {
      for (let sc = 0; sc < S; sc++) {
        const { columns: cols, signs } = this.scores[sc];
        let t = 0, any = false, all = true;
        for (let c = 0; c < cols.length; c++) {
          const i = cols[c];
          if (present[i][r]) { any = true; t += signs[c] * U[i][r]; } else all = false;
        }
        const st = this.scoreStats[sc];
        if (any) st.answered++;
        this.cScore[sc] = all ? 1 : 0;
        if (all) { st.complete++; st.sum += t; st.sumSq += t * t; this.tScore[sc] = t; }
      }
      for (let p = 0; p < this.scorePairs.length; p++) {
        const [a, b] = this.scorePairs[p];
        if (this.cScore[a] && this.cScore[b]) {
          const st = this.pairStats[p];
          st.n++; st.sumA += this.tScore[a]; st.sumB += this.tScore[b];
        }
      }
    }
    this.rows += m;
  }

  /** n, Σu_i and Σu_i² over the rows where column j is present (i = j: where i is present) */
  pair(i: number, j: number) {
    const o = i * this.k + j;
    return { n: this.colN[i] - this.dN[o], s: this.colS[i] - this.dS[o], q: this.colQ[i] - this.dQ[o] };
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
