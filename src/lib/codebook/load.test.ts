import { describe, expect, it } from 'vitest';
import { loadCodebook, loadCodebookFromObject, CodebookError, publishedName } from './load.ts';

const cb = loadCodebook('data/codebook.yaml');

describe('codebook', () => {
  it('expands every competency into proficiency and importance scales of 2–4 items on 1–5', () => {
    expect(cb.competencies.map((c) => c.id)).toEqual(
      expect.arrayContaining(['political', 'law', 'service', 'research', 'learning', 'communication', 'innovation', 'emergency', 'psych_adjust', 'mass_work', 'rural_dev', 'digital', 'petition_law', 'mediation', 'resilience']),
    );
    for (const c of cb.competencies) {
      for (const id of [c.proficiency, c.importance]) {
        const s = cb.scales.find((x) => x.id === id)!;
        expect(s.items.length).toBeGreaterThanOrEqual(2);
        expect(s.items.length).toBeLessThanOrEqual(4);
        expect([s.min, s.max]).toEqual([1, 5]);
      }
    }
  });

  it('labels every variable in English and Chinese and gives each a role', () => {
    for (const v of cb.variables) {
      expect(v.label.en, v.name).toBeTruthy();
      expect(v.label.zh, v.name).toMatch(/[\u4e00-\u9fff]/);
      expect(v.role).toBeTruthy();
    }
  });

  it('never publishes a direct identifier and publishes generalised quasi-identifiers under their band names', () => {
    const ids = cb.variables.filter((v) => v.role === 'direct_identifier');
    expect(ids.map((v) => v.name).sort()).toEqual(['comment', 'email', 'id_card', 'ip', 'name', 'phone', 'submitted_at']);
    for (const v of ids) expect(publishedName(v)).toBeNull();
    expect(publishedName(cb.variables.find((v) => v.name === 'age')!)).toBe('age_band');
  });

  it('rejects broken cross-references with a message naming the entry', () => {
    const bad = {
      id: 'x', version: '1', title: { en: 'x', zh: '某' }, sections: [{ id: 's', label: { en: 's', zh: '节' } }],
      variables: [{ name: 'a1', section: 's', type: 'likert', role: 'analysis', label: { en: 'a', zh: '甲' }, values: [{ code: 1, label: { en: '1', zh: '一' } }] }],
      scales: [{ id: 'sc', label: { en: 's', zh: '量' }, section: 's', items: ['a1', 'a2'], reverse: [], min: 1, max: 5 }],
    };
    expect(() => loadCodebookFromObject(bad)).toThrow(CodebookError);
    expect(() => loadCodebookFromObject(bad)).toThrow('scale "sc": item "a2" is not a variable');
  });
});
