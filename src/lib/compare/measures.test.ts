// The /compare/ measures follow the codebook: the synthetic codebook's list, an imported survey's absent
// variables and scales removed, a codebook without a `compare:` list compared on its own scales.
import { describe, it, expect } from 'vitest';
import { loadCodebook } from '../codebook/load.ts';
import { effectiveCodebook } from '../data/effective.ts';
import { groupVariables } from '../codebook/groups.ts';
import { measuresOf } from './measures.ts';

const cb = loadCodebook('data/codebook.yaml');

describe('measures from the codebook', () => {
  it('one proficiency measure per dimension, then the declared list, with the SQL of each', () => {
    const ms = measuresOf(cb);
    expect(ms.map((m) => m.id)).toEqual([...cb.dimensions.map((d) => `dim_${d.id}`), ...cb.compare!.map((c) => c.id)]);
    const byId = Object.fromEntries(ms.map((m) => [m.id, m]));
    // dimension = mean of its competencies' proficiency scores, as the codebook assigns them
    const pq = cb.competencies.filter((c) => c.dimension === 'political_quality').map((c) => `score_pro_${c.id}`);
    expect(byId.dim_political_quality.sql).toBe(`(${pq.join(' + ')}) / ${pq.length}`);
    expect(byId.need.sql).toBe('(score_autonomy + score_competence + score_relatedness) / 3');
    expect(byId.no_training.sql).toBe('CASE WHEN train_count = 0 THEN 1 ELSE 0 END');
    expect(byId.no_training.percent).toBe(true);
    expect(byId.no_time.percent).toBe(true);
    expect(byId.turnover.higherIsBetter).toBe(false);
    expect(byId.turnover.label.zh).toBe(cb.scales.find((s) => s.id === 'turnover')!.label.zh);
    expect(byId.turnover.range).toEqual([1, 5]);
  });
  it('a survey that did not ask some questions loses exactly the measures that read them', () => {
    const eff = effectiveCodebook(cb, { absent: [...cb.scales.find((s) => s.id === 'autonomy')!.items, 'bar_no_time', 'leader', 'recruitment', ...cb.scales.find((s) => s.id === 'pro_political')!.items], frame: {}, survey: null });
    const ids = measuresOf(eff).map((m) => m.id);
    expect(ids).not.toContain('need');
    expect(ids).not.toContain('no_time');
    expect(ids).toContain('justice');
    // a dimension keeps the competencies that were asked
    expect(measuresOf(eff).find((m) => m.id === 'dim_political_quality')!.sql).toBe('(score_pro_law) / 1');
    expect(groupVariables(eff)).toEqual(['county', 'dept_type', 'gender', 'age_band', 'education', 'rank', 'service_band']);
    expect(groupVariables(cb)).toContain('leader');
  });
  it('a codebook without a compare list is compared on each scale that is not a competency rating, direction unknown', () => {
    const { compare: _, ...rest } = cb;
    const ms = measuresOf(rest);
    const ratings = new Set(cb.competencies.flatMap((c) => [c.proficiency, c.importance]));
    expect(ms.filter((m) => !m.id.startsWith('dim_')).map((m) => m.id)).toEqual(cb.scales.filter((s) => !ratings.has(s.id)).map((s) => s.id));
    expect(ms.find((m) => m.id === 'exhaustion')!.higherIsBetter).toBe(null);
  });
});
