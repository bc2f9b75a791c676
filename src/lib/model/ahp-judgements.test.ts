import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../codebook/load.ts';
import { modelWeights, WITHIN } from './ahp-judgements.ts';

describe('competency model weights', () => {
  const m = modelWeights();
  it('cover every competency of the codebook exactly once, each in its codebook dimension', () => {
    const cb = loadCodebook('data/codebook.yaml');
    expect(m.competencies.map((c) => c.id).sort()).toEqual(cb.competencies.map((c) => c.id).sort());
    for (const c of m.competencies) expect(cb.competencies.find((x) => x.id === c.id)!.dimension).toBe(c.dimension);
  });
  it('global weights sum to 1 and the judgements are consistent (CR < 0.10)', () => {
    expect(m.competencies.reduce((s, c) => s + c.global, 0)).toBeCloseTo(1, 12);
    expect(m.dimensionCR).toBeLessThan(0.1);
    // a perfectly consistent matrix (a_ij = v_i / v_j) gives weights proportional to v
    const ws = m.competencies.filter((c) => c.dimension === 'working_skills').map((c) => c.local);
    const v = [2, 3, 3, 4, 2, 2];
    ws.forEach((w, i) => expect(w).toBeCloseTo(v[i] / 16, 10));
    expect(WITHIN.working_skills.order).toHaveLength(6);
  });
});
