import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../codebook/load.ts';
import type { Codebook } from '../codebook/types.ts';
import { missedCutoffs, modelFit } from './model-fit.ts';

const ref = JSON.parse(readFileSync('tests/fixtures/cfa/reference.json', 'utf8'));
const cb = loadCodebook('data/codebook.yaml');
// the fixture's columns are competency ids; the published data names them score_pro_<id>
const [head, ...lines] = readFileSync('tests/fixtures/cfa/competency.csv', 'utf8').trim().split(/\r?\n/);
const names = head.split(',');
const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [`score_pro_${names[i]}`, v === '' ? null : Number(v)])));

describe('modelFit: the five-dimension model from the codebook', () => {
  const rep = modelFit(rows, cb);
  it('builds the factors from the codebook and matches lavaan on the fixture', () => {
    expect(rep.error).toBeNull();
    expect(rep.dimensions).toEqual(cb.dimensions.map((d) => d.id));
    expect(rep.n).toBe(ref.competency.n);
    expect(rep.respondents).toBe(rows.length);
    expect(rep.fit!.chi2).toBeCloseTo(ref.competency.fit.chisq, 4);
    expect(rep.fit!.df).toBe(ref.competency.fit.df);
    for (const x of rep.indicators) expect(rep.fit!.factors[rep.dimensions.indexOf(x.dimension)].indicators).toContain(rep.indicators.indexOf(x));
  });
  it('compares with a one-factor model fitted as lavaan does', () => {
    const one = ref.competency_one_factor;
    expect(rep.oneFactor!.chi2).toBeCloseTo(one.chisq, 4);
    expect(rep.oneFactor!.df).toBe(one.df);
    expect(rep.oneFactor!.cfi).toBeCloseTo(one.cfi, 4);
    expect(rep.oneFactor!.rmsea).toBeCloseTo(one.rmsea, 4);
    expect(rep.oneFactor!.srmr).toBeCloseTo(one.srmr, 4);
    expect(rep.oneFactor!.deltaDf).toBe(one.df - ref.competency.fit.df);
  });
  it('eigenvalues sum to the number of indicators; cut-offs read the fit', () => {
    expect(rep.eigenvalues.reduce((s, v) => s + v, 0)).toBeCloseTo(15, 8);
    expect(missedCutoffs({ ...rep.fit!, cfi: 0.9, srmr: 0.1 })).toEqual(['cfi', 'srmr']);
  });
});

describe('modelFit on a survey that asked less', () => {
  const withAbsent = (ids: string[]): Codebook => {
    const c: Codebook = structuredClone(cb);
    for (const comp of c.competencies) if (ids.includes(comp.id)) { comp.absent = true; c.scales.find((s) => s.id === comp.proficiency)!.absent = true; }
    return c;
  };
  it('leaves out a dimension with one competency asked and names it', () => {
    const rep = modelFit(rows, withAbsent(['law']));
    expect(rep.error).toBeNull();
    expect(rep.dimensions).not.toContain('political_quality');
    expect(rep.excluded).toEqual([{ dimension: 'political_quality', reason: 'one-competency', competencies: ['political'] }]);
    expect(rep.fit!.factors).toHaveLength(4);
  });
  it('says why instead of throwing when nothing can be fitted', () => {
    const rep = modelFit(rows, withAbsent(cb.competencies.map((c) => c.id)));
    expect(rep.fit).toBeNull();
    expect(rep.error).toMatch(/no dimension/);
    expect(rep.excluded.every((e) => e.reason === 'none-asked')).toBe(true);
    expect(modelFit(rows.slice(0, 5), cb).error).toMatch(/too few/);
  });
  it('reports competencies scored from fewer items than the codebook has', () => {
    const c: Codebook = structuredClone(cb);
    c.scales.find((s) => s.id === 'pro_law')!.asked = ['pro_law_1'];
    const rep = modelFit(rows, c);
    expect(rep.indicators.find((x) => x.id === 'law')).toMatchObject({ items: 1, itemsInCodebook: 3 });
  });
});
