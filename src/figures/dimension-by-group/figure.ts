import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, dimensionLabel, labelMargin, NARROW, wrapLabel } from '../../lib/figures/plot.ts';
import { codeLabel, groupMomentsSQL, inCodebookOrder } from '../../lib/figures/charts.ts';

export const figure: FigureDef = {
  id: 'dimension-by-group',
  zh,
  title: 'Proficiency by competency dimension and group',
  caption: 'Mean self-rated proficiency (1–5) in each dimension of the competency model, for each group of the chosen variable, with 95% confidence intervals. Overlapping intervals mean the groups may not really differ.',
  alt: 'Dot plot of mean proficiency per dimension, one colour per group.',
  source: 'groups.parquet (measures dim_pro_*: per respondent, the mean of the competency scores in a dimension), from the full survey with small-cell and complementary suppression.',
  params: [
    { name: 'group', label: 'Compare by', kind: 'group', default: 'age_band' },
    { name: 'county', label: 'County', kind: 'county', default: 'all' },
  ],
  sql: `SELECT dimension, grp, n, mean AS proficiency, lo, hi, withheld FROM (
${groupMomentsSQL("measure LIKE 'dim_pro_%'", "substr(measure, 9) AS dimension, ")}
)
ORDER BY dimension, grp NULLS LAST`,
  columns: [
    { key: 'dimension', label: 'Dimension', labelOf: 'dimension' },
    { key: 'grp', label: 'Group', labelOf: '$group' },
    { key: 'n', label: 'n' },
    { key: 'proficiency', label: 'Proficiency', digits: 2 },
    { key: 'lo', label: '95% CI low', digits: 2 },
    { key: 'hi', label: '95% CI high', digits: 2 },
  ],
  nMode: 'max',
  keys: ['dimension', 'grp'],
  measures: ['proficiency'],
  spec(rows, ctx) {
    const data = inCodebookOrder(rows.filter((r) => !r.suppressed), ctx, ctx.params.group).map((r) => ({ ...r, d: dimensionLabel(ctx, r.dimension), g: codeLabel(ctx, ctx.params.group, r.grp) }));
    const groups = [...new Set(data.map((d) => d.g))];
    // phones: the dimension names at the right wrap into a narrower margin, so the dots keep room
    const narrow = ctx.width < NARROW;
    const wrapDim = (d: string) => wrapLabel(d, 80).join('\n');
    return Plot.plot(
      base(ctx, {
        height: 40 + ctx.codebook.dimensions.length * (groups.length * 18 + 16),
        marginLeft: narrow ? labelMargin(groups, 60, 140) : labelMargin(groups, 120, 360),
        marginRight: narrow ? 96 : ctx.lang === 'en' ? 150 : labelMargin(ctx.codebook.dimensions.map((d) => d.label.zh), 60, 200),
        x: { label: ctx.t('Mean proficiency (1–5), 95% CI'), grid: true },
        y: { label: null, domain: groups },
        fy: { label: null, domain: ctx.codebook.dimensions.map((d) => d.label[ctx.lang]), axis: 'right', ...(narrow ? { tickFormat: wrapDim } : {}) },
        color: { type: 'categorical', scheme: 'tableau10', domain: groups },
        marks: [
          Plot.frame({ strokeOpacity: 0.15 }),
          Plot.ruleY(data, { fy: 'd', y: 'g', x1: 'lo', x2: 'hi', stroke: 'g', strokeWidth: 3, strokeOpacity: 0.5 }),
          Plot.dot(data, { fy: 'd', y: 'g', x: 'proficiency', fill: 'g', r: 4.5, tip: true }),
        ],
      }),
    ) as unknown as Element;
  },
};
