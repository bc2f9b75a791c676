/**
 * The survey-thesis tables for any data set a codebook describes: per scale n, alpha,
 * standardised alpha, omega, item statistics, KMO and Bartlett over its items, descriptives
 * with CIs; over all scale items KMO and Bartlett; Borich ranking and IPA quadrants when the
 * codebook pairs importance and proficiency scales. Pure: rows in, report out.
 *
 * Missing values: alpha and item statistics pairwise (as psych::alpha); correlations for omega,
 * KMO and Bartlett pairwise, with Bartlett's n = number of rows (as cortest.bartlett(R, n)); scale
 * scores are the item mean when every item is present (Scale contract), else missing, and their
 * CI is over the present scores. A scale whose statistics cannot be computed (constant item,
 * singular correlation matrix) is reported with `error` and null statistics instead of stopping
 * the whole report.
 */
import type { Codebook } from '../codebook/types.ts';
import { cronbachAlpha, omegaTotal, columnsOf, reverseKey, alphaFromCovariance, omegaFromCorrelation, type Reliability } from './reliability.ts';
import { correlationMatrix } from './correlation.ts';
import { kmo, bartlett } from './validity.ts';
import { meanCI, meanCIOf, type Value } from './descriptive.ts';
import { borich, borichFromSums, ipa, locusForFocus } from './needs.ts';
import { PairwiseMoments } from './moments.ts';

type Row = Record<string, unknown>;
const num = (v: unknown): Value => (v === null || v === undefined || v === '' ? null : Number.isFinite(Number(v)) ? Number(v) : null);

/**
 * The data by column: `analyze` reads one column at a time, so a caller with many respondents can
 * pass columns (numbers or null) instead of row objects (see scripts/analyze.ts).
 */
export interface Columns {
  n: number;
  has(name: string): boolean;
  get(name: string): ArrayLike<Value>;
}

export function columnsFromRows(rows: Row[]): Columns {
  const cache = new Map<string, Value[]>();
  return {
    n: rows.length,
    has: (name) => rows.length > 0 && name in rows[0],
    get: (name) => {
      let c = cache.get(name);
      if (!c) cache.set(name, (c = rows.map((r) => num(r[name]))));
      return c;
    },
  };
}

function scaleItems(data: Columns, cb: Codebook, scaleId: string): Value[][] {
  const s = cb.scales.find((x) => x.id === scaleId)!;
  const cols = s.items.map((it) => data.get(it));
  const rev = s.items.map((it) => s.reverse.includes(it));
  return Array.from({ length: data.n }, (_, i) => cols.map((c, j) => (rev[j] ? reverseKey(c[i], s.min, s.max) : c[i])));
}
const score = (items: Value[][]) => items.map((r) => (r.every((v) => v !== null) ? (r as number[]).reduce((a, b) => a + b, 0) / r.length : null));

/** A statistics error in the reader's terms: columns by name, and why an item is constant. */
function explain(msg: string, names: string[], items: Value[][]): string {
  return explainWith(
    msg,
    names,
    () => names.filter((_, j) => new Set(items.map((r) => r[j]).filter((v) => v !== null)).size <= 1),
    () => items.filter((r) => r.some((v) => v !== null)).length,
  );
}
function explainWith(msg: string, names: string[], constantItems: () => string[], answeredRows: () => number): string {
  let out = msg.replace(/\bitem (\d+)\b/g, (_, i: string) => `item ${names[Number(i)] ?? i}`);
  if (/constant|singular/.test(msg)) {
    const constant = constantItems();
    const answered = answeredRows();
    if (constant.length) out = `${constant.join(', ')} ${constant.length > 1 ? 'are' : 'is'} constant: the same answer from every respondent (zero variance)`;
    if (answered < 10) out += `; only ${answered} respondent(s) answered this scale`;
  }
  return out;
}

/**
 * One scale's reliability row, the same for both paths (analyze() on rows, analyzeMoments() on sums):
 * alpha and its item statistics, omega (null where it cannot be computed), KMO and Bartlett on the
 * scale's item correlations, and each item's mean interval from `itemCI`.
 */
function reliabilityRow(s: Codebook['scales'][number], a: Reliability, R: number[][], n: number, omega: () => number | null, itemCI: (i: number) => { lo: number; hi: number }) {
  let omegaTotal: number | null = null;
  try {
    omegaTotal = omega();
  } catch {
    omegaTotal = null;
  }
  const k = kmo(R);
  return {
    n: a.n,
    alpha: a.alpha,
    standardisedAlpha: a.standardisedAlpha,
    omegaTotal,
    kmo: k.overall,
    bartlett: bartlett(R, n),
    itemStats: s.items.map((it, i) => {
      const { lo, hi } = itemCI(i);
      return { item: it, reverse: s.reverse.includes(it), ...a.items[i], lo, hi, kmo: k.items[i] };
    }),
    error: null as string | null,
  };
}

/** Borich rows with their IPA quadrant and locus-for-focus priority, by Borich rank (both paths) */
function needsTable(cb: Codebook, b: ReturnType<typeof borich>) {
  const q = ipa(b.map((x) => x.meanImportance), b.map((x) => x.meanProficiency));
  const lff = locusForFocus(b.map((x) => x.meanImportance), b.map((x) => x.meanGap));
  return cb.competencies
    .map((c, j) => ({ competency: c.id, label: c.label.en, ...b[j], quadrant: q.quadrants[j], locusForFocusPriority: lff.priority[j] }))
    .sort((x, y) => x.rank - y.rank);
}

/** KMO and Bartlett over every scale item, or the reason they cannot be computed */
function overallOf(items: number, n: number, correlations: () => number[][]): { items: number; kmo: number | null; bartlett: ReturnType<typeof bartlett> | null; error: string | null } {
  try {
    const R = correlations();
    return { items, kmo: kmo(R).overall, bartlett: bartlett(R, n), error: null };
  } catch (e) {
    return { items, kmo: null, bartlett: null, error: (e as Error).message };
  }
}

export function analyze(input: Row[] | Columns, cb: Codebook) {
  const rows = Array.isArray(input) ? columnsFromRows(input) : input;
  const missing = cb.scales.flatMap((s) => s.items).filter((it) => rows.n && !rows.has(it));
  if (missing.length) throw new Error(`the data has no column(s) ${missing.slice(0, 10).join(', ')} that the codebook's scales use`);
  const n = rows.n;
  const scales = cb.scales.map((s) => {
    const items = scaleItems(rows, cb, s.id);
    const base = { id: s.id, label: s.label.en, items: s.items, reverse: s.reverse, score: meanCI(score(items)) };
    try {
      const a = cronbachAlpha(items);
      const R = correlationMatrix(columnsOf(items)).r;
      return { ...base, ...reliabilityRow(s, a, R, n, () => (items[0].length >= 3 ? omegaTotal(items) : null), (i) => meanCI(items.map((r) => r[i]))) };
    } catch (e) {
      return { ...base, n: null, alpha: null, standardisedAlpha: null, omegaTotal: null, kmo: null, bartlett: null, itemStats: [], error: explain((e as Error).message, s.items, items) };
    }
  });
  const allItems = [...new Set(cb.scales.flatMap((s) => s.items))];
  const overall = overallOf(allItems.length, n, () => correlationMatrix(allItems.map((it) => { const c = rows.get(it); return Array.isArray(c) ? c : Array.from(c); })).r);
  let needs = null;
  if (cb.competencies.length) {
    const imp = Array.from({ length: n }, () => [] as Value[]);
    const pro = Array.from({ length: n }, () => [] as Value[]);
    for (const c of cb.competencies) {
      const si = score(scaleItems(rows, cb, c.importance));
      const sp = score(scaleItems(rows, cb, c.proficiency));
      for (let i = 0; i < n; i++) { imp[i].push(si[i]); pro[i].push(sp[i]); }
    }
    const b = borich(imp, pro);
    needs = needsTable(cb, b);
  }
  return { n, scales, overall, needs };
}

export type AnalysisReport = ReturnType<typeof analyze>;

/**
 * The one-pass accumulator for analyzeMoments(): one column per scale item (centred on the middle of
 * its scale's range), one score per scale (reverse-keyed items with sign −1), one score pair per
 * competency (importance, proficiency).
 */
export function momentsFor(cb: Codebook): PairwiseMoments {
  const names = [...new Set(cb.scales.flatMap((s) => s.items))];
  const centre = names.map((it) => {
    const s = cb.scales.find((x) => x.items.includes(it))!;
    return (s.min + s.max) / 2;
  });
  const scores = cb.scales.map((s) => ({ columns: s.items.map((it) => names.indexOf(it)), signs: s.items.map((it) => (s.reverse.includes(it) ? -1 : 1)) }));
  const idx = (id: string) => cb.scales.findIndex((s) => s.id === id);
  return new PairwiseMoments(names, centre, scores, cb.competencies.map((c) => [idx(c.importance), idx(c.proficiency)] as [number, number]));
}

/** Feeds in-memory data (rows or columns) to momentsFor(cb), `chunk` rows at a time (tests; the CLI streams from DuckDB). */
export function momentsOf(input: Row[] | Columns, cb: Codebook, chunk = 2048): PairwiseMoments {
  const data = Array.isArray(input) ? columnsFromRows(input) : input;
  const m = momentsFor(cb);
  const cols = m.names.map((c) => data.get(c));
  for (let i = 0; i < data.n; i += chunk) {
    const end = Math.min(data.n, i + chunk);
    m.addColumns(cols.map((c) => Array.prototype.slice.call(c, i, end) as Value[]), end - i);
  }
  return m;
}

/**
 * analyze() from one-pass sums (`momentsFor(cb)` fed every row): the same report, with the same
 * pairwise deletion, in memory that does not grow with the number of respondents. `npm run analyze`
 * uses this; analyze() on the same data agrees to 1e-10 (src/lib/stats/moments.test.ts).
 */
export function analyzeMoments(m: PairwiseMoments, cb: Codebook): AnalysisReport {
  const n = m.rows;
  const col = (it: string) => m.names.indexOf(it);
  const centre = (it: string) => m.centre[col(it)];
  /** offset of the reverse-keyed (or not) item in original units: y = sign·u + offset */
  const offset = (s: Codebook['scales'][number], it: string) => (s.reverse.includes(it) ? s.min + s.max - centre(it) : centre(it));
  const scales = cb.scales.map((s, si) => {
    const idx = s.items.map(col);
    const signs = s.items.map((it) => (s.reverse.includes(it) ? -1 : 1));
    const k = s.items.length;
    const st = m.scoreStats[si];
    const off = s.items.reduce((a, it) => a + offset(s, it), 0);
    const score = meanCIOf(st.complete, (st.sum / st.complete + off) / k, (st.sumSq - (st.sum * st.sum) / st.complete) / (st.complete - 1) / (k * k));
    const base = { id: s.id, label: s.label.en, items: s.items, reverse: s.reverse, score };
    try {
      const C = m.covariance(idx, signs);
      const means = s.items.map((it, j) => m.mean(idx[j], signs[j]) + offset(s, it));
      const counts = idx.map((i) => m.count(i));
      const a = alphaFromCovariance(C, means, counts, st.complete);
      const R = m.correlation(idx, signs);
      return { ...base, ...reliabilityRow(s, a, R, n, () => (k >= 3 ? omegaFromCorrelation(R) : null), (i) => meanCIOf(counts[i], means[i], C[i][i])) };
    } catch (e) {
      const constant = () => s.items.filter((_, j) => !(m.count(idx[j]) > 0) || m.min[idx[j]] === m.max[idx[j]]);
      return { ...base, n: null, alpha: null, standardisedAlpha: null, omegaTotal: null, kmo: null, bartlett: null, itemStats: [], error: explainWith((e as Error).message, s.items, constant, () => st.answered) };
    }
  });
  const allItems = m.names;
  const overall = overallOf(allItems.length, n, () => m.correlation(allItems.map((_, i) => i)));
  let needs = null;
  if (cb.competencies.length) {
    const scaleOf = (id: string) => cb.scales.find((s) => s.id === id)!;
    /** Σ of the scale score (item mean) over n rows, from Σ of the signed centred item sum */
    const scoreSum = (id: string, sumT: number, rows: number) => {
      const s = scaleOf(id);
      return (sumT + rows * s.items.reduce((a, it) => a + offset(s, it), 0)) / s.items.length;
    };
    const b = borichFromSums(
      cb.competencies.map((c, j) => {
        const p = m.pairStats[j];
        return { n: p.n, sumImportance: scoreSum(c.importance, p.sumA, p.n), sumProficiency: scoreSum(c.proficiency, p.sumB, p.n) };
      }),
    );
    needs = needsTable(cb, b);
  }
  return { n, scales, overall, needs };
}

/** The same report as readable fixed-width tables (for `--format table`). */
export function formatTables(rep: AnalysisReport): string {
  const f = (x: number | null | undefined, d = 3) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d));
  const pad = (s: string, w: number) => s.padEnd(w);
  const out: string[] = [`Respondents: ${rep.n}`, '', 'Reliability and validity per scale', ''];
  out.push([pad('scale', 30), pad('items', 6), pad('n', 6), pad('alpha', 7), pad('std α', 7), pad('omega', 7), pad('KMO', 7), pad('Bartlett χ² (df)', 20), 'score mean [95% CI]'].join(' '));
  for (const s of rep.scales)
    out.push([pad(s.label.slice(0, 30), 30), pad(String(s.items.length), 6), pad(String(s.n ?? '—'), 6), pad(f(s.alpha), 7), pad(f(s.standardisedAlpha), 7), pad(f(s.omegaTotal), 7), pad(f(s.kmo), 7), pad(s.bartlett ? `${f(s.bartlett.chi2, 2)} (${s.bartlett.df})` : '—', 20), `${f(s.score.mean, 2)} [${f(s.score.lo, 2)}, ${f(s.score.hi, 2)}]`].join(' '));
  const b = rep.overall.bartlett;
  out.push('', rep.overall.error ? `All ${rep.overall.items} scale items: ${rep.overall.error}` : `All ${rep.overall.items} scale items: KMO ${f(rep.overall.kmo)}, Bartlett χ² ${f(b?.chi2, 2)}, df ${b?.df}, p ${b && b.p < 1e-300 ? '< 1e-300' : b?.p.toExponential(2)}`);
  for (const s of rep.scales) {
    out.push('', `${s.label} (${s.id})${s.error ? `: not computed — ${s.error}` : ''}`);
    if (s.error) continue;
    out.push([pad('item', 12), pad('rev', 4), pad('n', 6), pad('mean [95% CI]', 22), pad('sd', 6), pad('r.drop', 7), pad('α if del.', 10), 'KMO'].join(' '));
    for (const it of s.itemStats)
      out.push([pad(it.item, 12), pad(it.reverse ? 'yes' : '', 4), pad(String(it.n), 6), pad(`${f(it.mean, 2)} [${f(it.lo, 2)}, ${f(it.hi, 2)}]`, 22), pad(f(it.sd, 2), 6), pad(f(it.correctedItemTotalR), 7), pad(f(it.alphaIfDeleted), 10), f(it.kmo)].join(' '));
  }
  if (rep.needs) {
    out.push('', 'Training needs: Borich ranking, IPA quadrant, locus-for-focus priority (1 = high importance and high gap)', '');
    out.push([pad('rank', 5), pad('competency', 32), pad('MWDS', 7), pad('importance', 11), pad('proficiency', 12), pad('IPA quadrant', 22), 'LfF'].join(' '));
    for (const r of rep.needs) out.push([pad(String(r.rank), 5), pad(r.label.slice(0, 32), 32), pad(f(r.mwds), 7), pad(f(r.meanImportance, 2), 11), pad(f(r.meanProficiency, 2), 12), pad(r.quadrant, 22), String(r.locusForFocusPriority)].join(' '));
  }
  return out.join('\n');
}
