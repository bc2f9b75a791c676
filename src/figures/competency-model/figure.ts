import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, competencyLabel, dimensionLabel } from '../../lib/figures/plot.ts';
import { modelWeights, weightsSource } from '../../lib/model/ahp-judgements.ts';

/** The competency model as a tree: dimensions and competencies with AHP weights and current scores. */
export const figure: FigureDef = {
  id: 'competency-model',
  zh,
  title: 'The competency model: dimensions, competencies, weights and current scores',
  caption:
    'The model groups fifteen competencies into five dimensions. Each label gives the AHP weight (share of the whole model) and, after the bar, the mean proficiency (P) and mean gap of the chosen department. Choose a dimension to see its indicators and survey items; choose a department to see its scores.',
  alt: 'Tree diagram from the competency model to five dimensions and fifteen competencies, each labelled with its weight and scores.',
  source: `${weightsSource('en')}; scores: competency.parquet.`,
  params: [
    { name: 'dimension', label: 'Dimension', kind: 'dimension', default: 'all' },
    { name: 'dept', label: 'Department', kind: 'dept_type', default: 'all' },
  ],
  sql: `SELECT competency, dimension, count(*)::INTEGER AS n, avg(proficiency) AS proficiency, avg(gap) AS gap
FROM competency
WHERE ($dept = 'all' OR dept_type = $dept) AND proficiency IS NOT NULL AND importance IS NOT NULL
GROUP BY competency, dimension
ORDER BY dimension, competency`,
  columns: [
    { key: 'dimension', label: 'Dimension', labelOf: 'dimension' },
    { key: 'competency', label: 'Competency', labelOf: 'competency' },
    { key: 'n', label: 'n' },
    { key: 'proficiency', label: 'Proficiency', digits: 2 },
    { key: 'gap', label: 'Gap', digits: 2 },
  ],
  keys: ['competency', 'dimension'],
  nMode: 'max',
  spec(rows, ctx) {
    const w = modelWeights();
    const byId = new Map(rows.map((r) => [r.competency, r]));
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const chosen = ctx.params.dimension && ctx.params.dimension !== 'all' ? ctx.params.dimension : null;
    if (chosen) {
      // one dimension: its competencies, their weights and scores, and the items that measure them
      const dw = w.dimensions.find((d) => d.id === chosen)!.weight;
      const root = `${dimensionLabel(ctx, chosen)} ${pct(dw)}`;
      const itemPaths = w.competencies
        .filter((c) => c.dimension === chosen)
        .flatMap((c) => {
          const r = byId.get(c.id);
          const score = !r ? ctx.t('no data') : r.suppressed ? ctx.t('suppressed') : `${ctx.t('P')} ${r.proficiency.toFixed(2)} · ${ctx.t('gap')} ${r.gap.toFixed(2)}`;
          const comp = `${competencyLabel(ctx, c.id)} ${pct(c.global)} | ${score}`;
          const scale = ctx.codebook.scales.find((s) => s.id === ctx.codebook.competencies.find((x) => x.id === c.id)!.proficiency)!;
          return scale.items.map((it) => ({ path: `${root}/${comp}/${(ctx.codebook.variables.find((v) => v.name === it)?.wording?.[ctx.lang] ?? it).replace(/\//g, '∕')}` }));
        });
      return Plot.plot(
        base(ctx, {
          height: 60 + itemPaths.length * 24,
          marginTop: 24,
          marginBottom: 24,
          marginLeft: 150,
          marginRight: 280,
          axis: null,
          marks: [Plot.tree(itemPaths, { path: 'path', delimiter: '/', fontSize: 12, stroke: '#999' })],
        }),
      ) as unknown as Element;
    }
    const paths = w.competencies.map((c) => {
      const r = byId.get(c.id);
      const dw = w.dimensions.find((d) => d.id === c.dimension)!.weight;
      const score = !r ? ctx.t('no data') : r.suppressed ? ctx.t('suppressed') : `${ctx.t('P')} ${r.proficiency.toFixed(2)} · ${ctx.t('gap')} ${r.gap.toFixed(2)}`;
      return {
        path: `${ctx.t('Competency model')}/${dimensionLabel(ctx, c.dimension)} ${pct(dw)}/${competencyLabel(ctx, c.id)} ${pct(c.global)} | ${score}`,
      };
    });
    return Plot.plot(
      base(ctx, {
        height: 640,
        marginTop: 24,
        marginBottom: 24,
        marginLeft: 130,
        marginRight: 310,
        axis: null,
        marks: [Plot.tree(paths, { path: 'path', delimiter: '/', fontSize: 12, stroke: '#999' })],
      }),
    ) as unknown as Element;
  },
};
