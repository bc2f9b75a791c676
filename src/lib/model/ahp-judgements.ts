/**
 * Pairwise comparison judgements for the competency model (Saaty 1–9 scale), in the style of
 * an expert panel. They are part of the synthetic design, not survey data: replace them with a
 * real panel's matrices. Weights come from the statistics module's AHP (principal eigenvector).
 */
import { ahp } from '../stats/ahp.ts';

export const DIMENSION_ORDER = ['political_quality', 'knowledge', 'working_skills', 'motivation', 'personal_traits'];
export const DIMENSION_MATRIX = [
  [1, 2, 1, 3, 4],
  [1 / 2, 1, 1 / 2, 2, 3],
  [1, 2, 1, 3, 4],
  [1 / 3, 1 / 2, 1 / 3, 1, 2],
  [1 / 4, 1 / 3, 1 / 4, 1 / 2, 1],
];

/** within-dimension judgements: competency order and matrix */
export const WITHIN: Record<string, { order: string[]; matrix: number[][] }> = {
  political_quality: { order: ['political', 'law'], matrix: [[1, 2], [1 / 2, 1]] },
  knowledge: { order: ['service', 'rural_dev', 'petition_law'], matrix: [[1, 2, 3], [1 / 2, 1, 2], [1 / 3, 1 / 2, 1]] },
  working_skills: {
    order: ['research', 'communication', 'emergency', 'mass_work', 'digital', 'mediation'],
    matrix: (() => {
      const v = [2, 3, 3, 4, 2, 2];
      return v.map((a) => v.map((b) => a / b));
    })(),
  },
  motivation: { order: ['learning', 'innovation'], matrix: [[1, 2], [1 / 2, 1]] },
  personal_traits: { order: ['psych_adjust', 'resilience'], matrix: [[1, 1], [1, 1]] },
};

export function modelWeights() {
  const dim = ahp(DIMENSION_MATRIX);
  const dimensions = DIMENSION_ORDER.map((id, i) => ({ id, weight: dim.weights[i] }));
  const competencies: { id: string; dimension: string; local: number; global: number }[] = [];
  const within: Record<string, { cr: number }> = {};
  for (const d of dimensions) {
    const w = WITHIN[d.id];
    const r = ahp(w.matrix);
    within[d.id] = { cr: r.cr };
    w.order.forEach((c, i) => competencies.push({ id: c, dimension: d.id, local: r.weights[i], global: r.weights[i] * d.weight }));
  }
  return { dimensions, competencies, dimensionCR: dim.cr, dimensionCI: dim.ci, lambdaMax: dim.lambdaMax, within };
}
