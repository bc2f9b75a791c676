import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadCodebook } from '../codebook/load.ts';
import { entry, JUDGEMENTS, modelWeights, WITHIN, weightsSource, type Judgements } from './ahp-judgements.ts';

describe('competency model weights', () => {
  const m = modelWeights();
  it('cover every competency of the codebook exactly once, each in its codebook dimension', () => {
    const cb = loadCodebook('data/codebook.yaml');
    expect(m.competencies.map((c) => c.id).sort()).toEqual(cb.competencies.map((c) => c.id).sort());
    for (const c of m.competencies) expect(cb.competencies.find((x) => x.id === c.id)!.dimension).toBe(c.dimension);
    expect([...m.dimensions.map((d) => d.id)].sort()).toEqual(cb.dimensions.map((d) => d.id).sort());
  });
  it('global weights sum to 1 and the judgements are consistent (CR < 0.10)', () => {
    expect(m.competencies.reduce((s, c) => s + c.global, 0)).toBeCloseTo(1, 12);
    expect(m.dimensionCR).toBeLessThan(0.1);
    expect(m.maxCR).toBeLessThan(0.1);
    // a perfectly consistent matrix (a_ij = v_i / v_j) gives weights proportional to v
    const ws = m.competencies.filter((c) => c.dimension === 'working_skills').map((c) => c.local);
    const v = [2, 3, 3, 4, 2, 2];
    ws.forEach((w, i) => expect(w).toBeCloseTo(v[i] / 16, 10));
    expect(WITHIN.working_skills.order).toHaveLength(6);
    expect(m.within.working_skills.cr).toBeCloseTo(0, 10);
  });
});

describe('the judgements file (data/ahp-judgements.json)', () => {
  it('says what the shipped judgements are, and the figure source says it too', () => {
    expect(JUDGEMENTS.provenance).toBe('illustrative');
    expect(JSON.parse(readFileSync('data/ahp-judgements.json', 'utf8')).about).toMatch(/real panel/);
    expect(weightsSource('en')).toMatch(/illustrative .*not given by an expert panel/);
    expect(weightsSource('en')).toContain(`consistency ratio of the dimension judgements ${m().dimensionCR.toFixed(3)}`);
    expect(weightsSource('zh')).toMatch(/示意性.*并非专家小组/);
  });
  it('reads fractions and rejects what is not a Saaty entry', () => {
    expect(entry('2/3')).toBeCloseTo(2 / 3, 15);
    expect(entry(' 1 / 4 ')).toBe(0.25);
    expect(entry(5)).toBe(5);
    expect(() => entry('two')).toThrow(/not a number/);
  });
  it("a panel's matrices replace the illustrative ones and change the weights", () => {
    const panel: Judgements = structuredClone(JUDGEMENTS);
    panel.provenance = 'panel';
    panel.dimensions.matrix = panel.dimensions.order.map((_, i) => panel.dimensions.order.map((_, j) => (i === j ? 1 : i === 4 ? 3 : j === 4 ? '1/3' : 1)));
    const w = modelWeights(panel);
    expect(w.provenance).toBe('panel');
    expect(w.dimensions.find((d) => d.id === 'personal_traits')!.weight).toBeGreaterThan(w.dimensions.find((d) => d.id === 'working_skills')!.weight);
    panel.within.motivation.matrix = [[1, 2], [2, 1]];
    expect(() => modelWeights(panel)).toThrow(/not reciprocal/);
  });
});
const m = () => modelWeights();
