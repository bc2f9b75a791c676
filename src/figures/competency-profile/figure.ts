import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, competencyLabel, COLORS, labelMargin } from '../../lib/figures/plot.ts';

/** Proficiency against importance for every competency: the gap between the dots is the training need. */
export const figure: FigureDef = {
  id: 'competency-profile',
  zh,
  title: 'Competency profile: current proficiency and importance for the job',
  caption:
    'Each row is a competency; the blue dot is the mean self-rated proficiency (with its 95% confidence interval), the orange dot the mean rated importance. The longer the line between them, the larger the training need.',
  alt: 'Dot plot of mean proficiency and importance (1–5) for each competency.',
  source: 'Survey items pro_* and imp_* (three items each, 1–5), averaged per respondent; read through their sums in competency_cube.parquet.',
  params: [
    { name: 'county', label: 'County', kind: 'county', default: 'all' },
    { name: 'dept', label: 'Department', kind: 'dept_type', default: 'all' },
  ],
  sql: `-- sums per county × department × competency (competency_cube.parquet): mean = sum / n,
-- sample standard deviation = sqrt((sum of squares − sum² / n) / (n − 1))
WITH c AS (
  SELECT competency, sum(n) AS n,
         sum(proficiency_sum) AS p, sum(proficiency_sumsq) AS pp, sum(importance_sum) AS i
  FROM competency_cube
  WHERE ($county = 'all' OR county = $county)
    AND ($dept = 'all' OR dept_type = $dept)
  GROUP BY competency
), m AS (
  SELECT competency, n, p / n AS proficiency, i / n AS importance,
         sqrt(greatest(pp - p * p / n, 0) / nullif(n - 1, 0)) AS proficiency_sd
  FROM c
)
SELECT competency,
       n::INTEGER AS n,
       proficiency,
       importance,
       proficiency - 1.96 * proficiency_sd / sqrt(n) AS pro_lo,
       proficiency + 1.96 * proficiency_sd / sqrt(n) AS pro_hi,
       importance - proficiency AS gap
FROM m
ORDER BY gap DESC, competency`,
  columns: [
    { key: 'competency', label: 'Competency', labelOf: 'competency' },
    { key: 'n', label: 'n' },
    { key: 'proficiency', label: 'Proficiency (mean)', digits: 2 },
    { key: 'pro_lo', label: '95% CI low', digits: 2 },
    { key: 'pro_hi', label: '95% CI high', digits: 2 },
    { key: 'importance', label: 'Importance (mean)', digits: 2 },
    { key: 'gap', label: 'Gap', digits: 2 },
  ],
  keys: ['competency'],
  nMode: 'max',
  spec(rows, ctx) {
    const data = rows.map((r) => ({ ...r, label: competencyLabel(ctx, r.competency) }));
    const order = data.map((d) => d.label);
    return Plot.plot(
      base(ctx, {
        height: 40 + data.length * 26,
        marginLeft: ctx.lang === 'en' ? 235 : labelMargin(order),
        x: { domain: [1, 5], label: ctx.t('Mean rating (1 = very weak / not important, 5 = very strong / very important)'), grid: true },
        y: { domain: order, label: null },
        color: { domain: [ctx.t('Proficiency'), ctx.t('Importance')], range: [COLORS.proficiency, COLORS.importance], legend: true },
        marks: [
          Plot.link(data, { y1: 'label', y2: 'label', x1: 'proficiency', x2: 'importance', stroke: '#999', strokeWidth: 2 }),
          Plot.ruleY(data, { y: 'label', x1: 'pro_lo', x2: 'pro_hi', stroke: COLORS.proficiency, strokeWidth: 4, strokeOpacity: 0.35 }),
          Plot.dot(data, { y: 'label', x: 'proficiency', fill: () => ctx.t('Proficiency'), r: 5 }),
          Plot.dot(data, { y: 'label', x: 'importance', fill: () => ctx.t('Importance'), r: 5 }),
          Plot.text(data.filter((d: any) => d.suppressed), { y: 'label', x: 3, text: () => ctx.t('suppressed (fewer than k respondents)'), fill: '#888' }),
        ],
      }),
    ) as unknown as Element;
  },
};
