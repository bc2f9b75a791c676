import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, dimensionLabel, COLORS, labelMargin, NARROW } from '../../lib/figures/plot.ts';

export const figure: FigureDef = {
  id: 'county-vs-rest',
  zh,
  title: 'One county against all others, by competency dimension',
  caption: 'Mean gap (importance − proficiency) in each dimension, with its 95% confidence interval, for the chosen county (red) and for all other respondents (light blue); the table also gives mean proficiency.',
  alt: 'Paired dot plot of mean gap per dimension for the chosen county and for the rest of the sample.',
  source: 'The competency view of respondents.parquet, read through dimension_cube.parquet (each respondent\'s mean in a dimension, summed).',
  params: [{ name: 'county', label: 'County', kind: 'county', default: 'h_county' }],
  sql: `-- dimension_cube.parquet: per county × department × dimension, sums over respondents of each
-- respondent's mean proficiency and mean gap in the dimension; n = respondents
WITH s AS (
  SELECT dimension, CASE WHEN county = $county THEN 'this county' ELSE 'all others' END AS side,
         sum(n) AS n, sum(proficiency_sum) AS p, sum(gap_sum) AS g, sum(gap_sumsq) AS gg
  FROM dimension_cube
  GROUP BY dimension, side
), m AS (
  SELECT dimension, side, n, p / n AS proficiency, g / n AS gap,
         sqrt(greatest(gg - g * g / n, 0) / nullif(n - 1, 0)) AS gap_sd
  FROM s
)
SELECT dimension, side, n::INTEGER AS n, proficiency, gap,
       gap - 1.96 * gap_sd / sqrt(n) AS lo, gap + 1.96 * gap_sd / sqrt(n) AS hi
FROM m ORDER BY dimension, side DESC`,
  columns: [
    { key: 'dimension', label: 'Dimension', labelOf: 'dimension' },
    { key: 'side', label: 'Group' },
    { key: 'n', label: 'n' },
    { key: 'proficiency', label: 'Proficiency', digits: 2 },
    { key: 'gap', label: 'Gap', digits: 2 },
    { key: 'lo', label: 'Gap 95% CI low', digits: 2 },
    { key: 'hi', label: 'Gap 95% CI high', digits: 2 },
  ],
  nMode: 'max',
  keys: ['dimension', 'side'],
  spec(rows, ctx) {
    const data = rows.filter((r) => !r.suppressed).map((r) => ({ ...r, d: dimensionLabel(ctx, r.dimension) }));
    return Plot.plot(
      base(ctx, {
        height: 300,
        marginLeft: ctx.lang === 'en' ? 170 : labelMargin(ctx.codebook.dimensions.map((d) => d.label.zh)),
        // a phone's plot is ~180 px wide: Plot's default (one tick per 80 px) would leave a single tick
        x: { label: ctx.t('Mean gap: importance − proficiency (higher = greater need)'), grid: true, ...(ctx.width < NARROW ? { ticks: 4 } : {}) },
        y: { label: null, domain: ctx.codebook.dimensions.map((d) => d.label[ctx.lang]) },
        color: { legend: true, domain: [ctx.t('this county'), ctx.t('all others')], range: [COLORS.gap, '#9bb7d4'] },
        marks: [
          Plot.ruleY(data, { y: 'd', x1: 'lo', x2: 'hi', stroke: (d: any) => ctx.t(d.side), strokeWidth: 3, strokeOpacity: 0.5 }),
          Plot.dot(data, { y: 'd', x: 'gap', fill: (d: any) => ctx.t(d.side), r: 6, tip: true }),
        ],
      }),
    ) as unknown as Element;
  },
};
