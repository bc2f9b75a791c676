/**
 * Does the data support the five-dimension competency model? A confirmatory factor analysis of the
 * competency proficiency scores (indicators) on their codebook dimensions (factors), with composite
 * reliability, AVE, HTMT and the Fornell–Larcker criterion, compared with a one-factor model and
 * with the eigenvalues of the exploratory analysis. Why competency scores and not items:
 * docs/statistics.md ("Confirmatory factor analysis of the competency model").
 *
 * Works on the effective codebook: competencies the survey did not ask are left out, a dimension with
 * fewer than two competencies asked cannot be a factor (named in `excluded`), and when the model
 * cannot be fitted at all `error` says why instead of throwing.
 */
import type { Codebook } from '../codebook/types.ts';
import { cfa, covToCor, htmt, mlCovariance, type CfaResult } from '../stats/cfa.ts';
import { chiSquareUpper } from '../stats/distributions.ts';
import { symmetricEigen } from '../stats/matrix.ts';

export interface ModelFitReport {
  /** respondents in the data, and those with every analysed score (listwise) */
  respondents: number;
  n: number;
  /** competencies analysed, in factor order */
  indicators: { id: string; dimension: string; items: number; itemsInCodebook: number }[];
  dimensions: string[];
  excluded: { dimension: string; reason: 'none-asked' | 'one-competency'; competencies: string[] }[];
  /** the five-dimension model (null with `error`) */
  fit: CfaResult | null;
  /** the one-factor alternative and the χ² difference test against it */
  oneFactor: { chi2: number; df: number; cfi: number; rmsea: number; srmr: number; deltaChi2: number; deltaDf: number; p: number } | null;
  htmt: number[][] | null;
  /** eigenvalues of the indicators' correlation matrix (the EFA's starting point) */
  eigenvalues: number[];
  error: string | null;
}

/** Hu & Bentler (1999) cut-offs used to read the fit */
export const CUTOFFS = { cfi: 0.95, tli: 0.95, rmsea: 0.06, srmr: 0.08, htmt: 0.85 };

export function modelFit(rows: Record<string, unknown>[], cb: Codebook, { minN = 0 } = {}): ModelFitReport {
  const scale = (id: string) => cb.scales.find((s) => s.id === id)!;
  const asked = cb.competencies.filter((c) => !c.absent && !scale(c.proficiency).absent);
  const excluded: ModelFitReport['excluded'] = [];
  const dims: string[] = [];
  for (const d of cb.dimensions) {
    const cs = asked.filter((c) => c.dimension === d.id);
    if (cs.length === 0) excluded.push({ dimension: d.id, reason: 'none-asked', competencies: [] });
    else if (cs.length === 1) excluded.push({ dimension: d.id, reason: 'one-competency', competencies: cs.map((c) => c.id) });
    else dims.push(d.id);
  }
  const used = dims.flatMap((d) => asked.filter((c) => c.dimension === d));
  const indicators = used.map((c) => {
    const s = scale(c.proficiency);
    return { id: c.id, dimension: c.dimension, items: (s.asked ?? s.items).length, itemsInCodebook: s.items.length };
  });
  const groups = dims.map((d) => indicators.map((x, i) => (x.dimension === d ? i : -1)).filter((i) => i >= 0));
  const cols = used.map((c) => scale(c.proficiency).score);
  const complete = rows
    .map((r) => cols.map((c) => (r[c] === null || r[c] === undefined ? NaN : Number(r[c]))))
    .filter((v) => v.every(Number.isFinite));
  const base: ModelFitReport = { respondents: rows.length, n: complete.length, indicators, dimensions: dims, excluded, fit: null, oneFactor: null, htmt: null, eigenvalues: [], error: null };
  if (dims.length === 0) return { ...base, error: 'no dimension has two or more competencies asked' };
  if (complete.length < Math.max(minN, cols.length + 1)) return { ...base, error: `${complete.length} complete respondents: too few for ${cols.length} indicators` };
  try {
    const S = mlCovariance(complete);
    const R = covToCor(S);
    const fit = cfa(S, complete.length, groups);
    let oneFactor: ModelFitReport['oneFactor'] = null;
    if (dims.length > 1) {
      const one = cfa(S, complete.length, [indicators.map((_, i) => i)]);
      const deltaDf = one.df - fit.df;
      const deltaChi2 = one.chi2 - fit.chi2;
      oneFactor = { chi2: one.chi2, df: one.df, cfi: one.cfi, rmsea: one.rmsea, srmr: one.srmr, deltaChi2, deltaDf, p: chiUpper(deltaChi2, deltaDf) };
    }
    return { ...base, fit, oneFactor, htmt: htmt(R, groups), eigenvalues: symmetricEigen(R).values };
  } catch (e) {
    return { ...base, error: (e as Error).message };
  }
}

const chiUpper = (x: number, df: number) => (df > 0 ? chiSquareUpper(Math.max(x, 0), df) : NaN);

/** which Hu–Bentler cut-offs the fit misses (empty = meets all four) */
export function missedCutoffs(fit: CfaResult): ('cfi' | 'tli' | 'rmsea' | 'srmr')[] {
  const out: ('cfi' | 'tli' | 'rmsea' | 'srmr')[] = [];
  if (!(fit.cfi >= CUTOFFS.cfi)) out.push('cfi');
  if (!(fit.tli >= CUTOFFS.tli)) out.push('tli');
  if (!(fit.rmsea <= CUTOFFS.rmsea)) out.push('rmsea');
  if (!(fit.srmr <= CUTOFFS.srmr)) out.push('srmr');
  return out;
}
