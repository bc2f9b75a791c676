/**
 * The competency model's AHP weights, computed from the pairwise judgements in data/ahp-judgements.json.
 *
 * The judgements shipped with the project are illustrative: written for the synthetic design, not
 * collected from an expert panel (`provenance: "illustrative"`), and every page that shows a weight
 * says so. A real panel's matrices replace them in that file (`provenance: "panel"`, `source`
 * describing the panel); nothing else changes. Weights come from the statistics module's AHP
 * (principal eigenvector), with λmax, CI and the consistency ratio of every matrix.
 */
import file from '../../../data/ahp-judgements.json' with { type: 'json' };
import { ahp } from '../stats/ahp.ts';
import type { Lang } from '../../i18n/index.ts';

type Entry = number | string;
interface Comparison { order: string[]; matrix: Entry[][] }
export interface Judgements {
  provenance: 'illustrative' | 'panel';
  source: Record<Lang, string>;
  dimensions: Comparison;
  within: Record<string, Comparison>;
}

/** a Saaty entry: a number or a fraction written "a/b" */
export function entry(v: Entry): number {
  if (typeof v === 'number') return v;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?))?\s*$/.exec(v);
  if (!m) throw new Error(`AHP judgements: "${v}" is not a number or a fraction a/b`);
  return m[2] === undefined ? Number(m[1]) : Number(m[1]) / Number(m[2]);
}

const numeric = (c: Comparison) => ({ order: c.order, matrix: c.matrix.map((r) => r.map(entry)) });

export const JUDGEMENTS = file as unknown as Judgements;
export const DIMENSION_ORDER = JUDGEMENTS.dimensions.order;
export const DIMENSION_MATRIX = numeric(JUDGEMENTS.dimensions).matrix;
/** within-dimension judgements: competency order and matrix */
export const WITHIN: Record<string, { order: string[]; matrix: number[][] }> = Object.fromEntries(
  Object.entries(JUDGEMENTS.within).map(([d, c]) => [d, numeric(c)]),
);

export function modelWeights(j: Judgements = JUDGEMENTS) {
  const dm = numeric(j.dimensions);
  const dim = ahp(dm.matrix);
  const dimensions = dm.order.map((id, i) => ({ id, weight: dim.weights[i] }));
  const competencies: { id: string; dimension: string; local: number; global: number }[] = [];
  const within: Record<string, { n: number; lambdaMax: number; ci: number; cr: number; consistent: boolean }> = {};
  for (const d of dimensions) {
    const c = j.within[d.id];
    if (!c) throw new Error(`AHP judgements: no within-dimension matrix for "${d.id}"`);
    const w = numeric(c);
    const r = ahp(w.matrix);
    within[d.id] = { n: w.order.length, lambdaMax: r.lambdaMax, ci: r.ci, cr: r.cr, consistent: r.consistent };
    w.order.forEach((id, i) => competencies.push({ id, dimension: d.id, local: r.weights[i], global: r.weights[i] * d.weight }));
  }
  return {
    dimensions, competencies, dimensionCR: dim.cr, dimensionCI: dim.ci, lambdaMax: dim.lambdaMax, within,
    provenance: j.provenance, source: j.source,
    /** the largest consistency ratio over all matrices (the dimensions' and each dimension's) */
    maxCR: Math.max(dim.cr, ...Object.values(within).map((x) => x.cr)),
  };
}

/** "Weights: …" for a figure's source line: where the judgements come from and their consistency. */
export function weightsSource(lang: Lang): string {
  const w = modelWeights();
  const cr = w.dimensionCR.toFixed(3);
  if (lang === 'zh')
    return w.provenance === 'panel'
      ? `权重：对 data/ahp-judgements.json 中专家小组判断（${w.source.zh}）的层次分析法，维度判断一致性比率 CR = ${cr}`
      : `权重：对 data/ahp-judgements.json 中示意性两两比较判断的层次分析法，维度判断一致性比率 CR = ${cr}；这些判断是为合成设计编写的，并非专家小组的判断，可用真实专家小组的判断矩阵替换该文件`;
  return w.provenance === 'panel'
    ? `Weights: AHP on the expert panel's judgements in data/ahp-judgements.json (${w.source.en}), consistency ratio of the dimension judgements ${cr}`
    : `Weights: AHP on illustrative pairwise judgements in data/ahp-judgements.json, consistency ratio of the dimension judgements ${cr}; the judgements were written for the synthetic design, not given by an expert panel (replace the file with a real panel's matrices)`;
}
