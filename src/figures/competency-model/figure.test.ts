// The explorable competency model: its SQL reads the protected table and agrees with an independent
// computation of the same aggregates; its levels, benchmark, suppression and training links.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { figure } from './figure.ts';
import { figureRows, publishedCodebook } from '../../lib/figures/render-static.ts';
import { nodeClient } from '../../lib/db/node.ts';
import { sqlWords } from '../../lib/figures/needs.ts';
import { figureSQL } from '../../lib/figures/sql.ts';
import type { SpecContext } from '../../lib/figures/types.ts';
import { modelWeights } from '../../lib/model/ahp-judgements.ts';

const hasData = existsSync('public/data/groups.parquet');
const ctxOf = (params: Record<string, string>, lang: 'en' | 'zh' = 'en'): SpecContext => ({
  width: 800, codebook: publishedCodebook(), document: parseHTML('<html><body></body></html>').document as unknown as Document,
  params, k: publishedCodebook().k, lang, t: (s) => (lang === 'zh' ? figure.zh?.strings?.[s] ?? s : s),
});

describe('competency-model figure', () => {
  it('reads the protected groups table, not the microdata', () => {
    const tables = new Set([...figureSQL(figure, publishedCodebook()).matchAll(/\b(?:FROM|JOIN)\s+(\w+)/gi)].map((m) => m[1]));
    expect([...tables].sort()).toEqual(['groups', 't']);
    expect(sqlWords(figureSQL(figure, publishedCodebook())).has('groups')).toBe(true);
  });
  describe.skipIf(!hasData)('on the published data', () => {
    it("a county's rows are that county's cells of groups.parquet, and the benchmark the whole survey's", async () => {
      const county = 'h_county';
      const rows = await figureRows(figure, { dimension: 'all', county });
      expect(rows).toHaveLength(publishedCodebook().competencies.filter((c) => !c.absent).length);
      // independently: the same cells read one measure at a time
      const q = nodeClient('public/data').query;
      for (const r of rows.filter((x) => !x.suppressed)) {
        const [g] = await q<{ m: number; n: number }>(`SELECT m_sum / m_n AS m, m_n::INTEGER AS n FROM groups WHERE scope = '${county}' AND by_var = '_total' AND measure = 'gap_${r.competency}'`);
        const [i] = await q<{ m: number }>(`SELECT m_sum / m_n AS m FROM groups WHERE scope = '${county}' AND by_var = '_total' AND measure = 'impg_${r.competency}'`);
        const [b] = await q<{ m: number }>(`SELECT m_sum / m_n AS m FROM groups WHERE scope = 'all' AND by_var = '_total' AND measure = 'gap_${r.competency}'`);
        expect(r.gap).toBeCloseTo(g.m, 12);
        expect(r.n).toBe(g.n);
        expect(r.importance).toBeCloseTo(i.m, 12);
        expect(r.proficiency + r.gap).toBeCloseTo(r.importance, 12);
        expect(r.bench_gap).toBeCloseTo(b.m, 12);
      }
      const all = await figureRows(figure, { dimension: 'all', county: 'all' });
      for (const r of all) expect(r.bench_gap).toBeCloseTo(r.gap, 12);
    });
  });
  it('moves between levels: dimensions with links down, then one dimension with its items and training', () => {
    const w = modelWeights();
    const rows = w.competencies.map((c, i) => ({ competency: c.id, n: 50, proficiency: 3, importance: 4, gap: 1, bench_proficiency: 3.2, bench_gap: 0.8, suppressed: i === 0 }));
    const top = figure.spec(rows, ctxOf({ dimension: 'all', county: 'all' })) as unknown as HTMLElement;
    expect(top.querySelectorAll('tr.dimension')).toHaveLength(w.dimensions.length);
    expect(top.querySelectorAll('tr.item')).toHaveLength(0);
    expect(top.querySelector('tr.dimension[data-dimension="knowledge"] a')!.getAttribute('href')).toBe('?competency-model.v=1&competency-model.dimension=knowledge#competency-model');
    expect(top.querySelector(`tr[data-competency="${w.competencies[0].id}"]`)!.textContent).toContain('suppressed');
    expect(top.querySelector('circle[fill="none"]')).toBeNull(); // no benchmark ring without a county
    const one = figure.spec(rows, ctxOf({ dimension: 'working_skills', county: 'h_county' }, 'zh')) as unknown as HTMLElement;
    expect(one.querySelectorAll('tr.dimension')).toHaveLength(1);
    expect(one.querySelectorAll('tr.item')).toHaveLength(6 * 3);
    const link = one.querySelector('tr[data-training="digital"] a')!;
    expect(link.getAttribute('href')).toBe('/zh/chapters/08-recommendations/?training-plan.v=1&training-plan.county=h_county#training-plan');
    expect(one.querySelector('tr[data-competency="digital"] circle[fill="none"]')).not.toBeNull();
    expect(one.querySelector('.model-level a')!.getAttribute('href')).toBe('?competency-model.v=1&competency-model.county=h_county#competency-model');
  });
});
