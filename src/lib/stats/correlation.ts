/** Correlation matrices and tests. Missing values: pairwise deletion (each pair uses the rows where both are present). */
import { tTwoSided, chiSquareUpper } from './distributions.ts';
import type { Value } from './descriptive.ts';
import type { Matrix } from './matrix.ts';

const ok = (x: Value): x is number => typeof x === 'number' && Number.isFinite(x);

/** Pearson r with a two-sided t-test p. Pairs with a missing value dropped; a constant variable gives r = NaN; n < 3 gives p = NaN. */
export function pearson(x: Value[], y: Value[]): { r: number; n: number; p: number } {
  let n = 0, sx = 0, sy = 0;
  for (let i = 0; i < x.length; i++) if (ok(x[i]) && ok(y[i])) { n++; sx += x[i] as number; sy += y[i] as number; }
  const mx = sx / n, my = sy / n;
  let sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < x.length; i++)
    if (ok(x[i]) && ok(y[i])) {
      const dx = (x[i] as number) - mx, dy = (y[i] as number) - my;
      sxx += dx * dx; syy += dy * dy; sxy += dx * dy;
    }
  const r = sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
  const t = (r * Math.sqrt(n - 2)) / Math.sqrt(1 - r * r);
  return { r, n, p: n > 2 && Number.isFinite(r) ? tTwoSided(t, n - 2) : NaN };
}

/** average ranks (ties get the mean rank) of the present values; missing stay missing */
export function ranks(x: Value[]): (number | null)[] {
  const idx = x.map((v, i) => [v, i] as const).filter(([v]) => ok(v)).sort((a, b) => (a[0] as number) - (b[0] as number));
  const out: (number | null)[] = x.map(() => null);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1][0] === idx[i][0]) j++;
    for (let k = i; k <= j; k++) out[idx[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Spearman's rho (Pearson r of average ranks of the complete pairs) with the t-approximation p (as R's cor.test(exact = FALSE)). Pairwise. */
export function spearman(x: Value[], y: Value[]) {
  const keep = x.map((v, i) => ok(v) && ok(y[i]));
  const xs = x.filter((_, i) => keep[i]), ys = y.filter((_, i) => keep[i]);
  const { r, n, p } = pearson(ranks(xs), ranks(ys));
  return { rho: r, n, p };
}

/** Columns → correlation matrix with p-values and pair counts; each cell over the rows where both columns are present (pairwise, as psych::corr.test(use = 'pairwise')). */
export function correlationMatrix(columns: Value[][], method: 'pearson' | 'spearman' = 'pearson'): { r: Matrix; p: Matrix; n: Matrix } {
  const k = columns.length;
  const r: Matrix = [], p: Matrix = [], n: Matrix = [];
  for (let i = 0; i < k; i++) {
    r.push([]); p.push([]); n.push([]);
    for (let j = 0; j < k; j++) {
      const res = method === 'pearson' ? pearson(columns[i], columns[j]) : (({ rho, n, p }) => ({ r: rho, n, p }))(spearman(columns[i], columns[j]));
      r[i][j] = i === j ? 1 : res.r; p[i][j] = i === j ? 0 : res.p; n[i][j] = res.n;
    }
  }
  return { r, p, n };
}

/** Chi-square test of independence on a table of counts (no continuity correction, as chisq.test(correct = FALSE)), with Cramér's V = √(χ²/(N·(min(r, c) − 1))). An empty row or column is an error. */
export function chiSquareTest(table: number[][]): { chi2: number; df: number; p: number; cramersV: number } {
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = table[0].map((_, j) => table.reduce((s, r) => s + r[j], 0));
  const total = rows.reduce((a, b) => a + b, 0);
  if (rows.some((x) => x === 0) || cols.some((x) => x === 0)) throw new Error('chi-square test: a row or column of the table is empty');
  let chi2 = 0;
  for (let i = 0; i < rows.length; i++) for (let j = 0; j < cols.length; j++) {
    const e = (rows[i] * cols[j]) / total;
    chi2 += (table[i][j] - e) ** 2 / e;
  }
  const df = (rows.length - 1) * (cols.length - 1);
  return { chi2, df, p: chiSquareUpper(chi2, df), cramersV: Math.sqrt(chi2 / (total * (Math.min(rows.length, cols.length) - 1))) };
}
