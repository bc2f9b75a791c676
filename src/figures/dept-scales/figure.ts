import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, deptColor, labelMargin } from '../../lib/figures/plot.ts';
import { codeLabel, unpivotSQL } from '../../lib/figures/charts.ts';

const SCALES: [string, string][] = [
  ['score_enthusiasm', 'Work enthusiasm'], ['score_autonomy', 'Need satisfaction: autonomy'], ['score_competence', 'Need satisfaction: competence'],
  ['score_relatedness', 'Need satisfaction: relatedness'], ['score_just_dist', 'Distributive justice'], ['score_exhaustion', 'Exhaustion'],
  ['score_pay_sat', 'Pay satisfaction'], ['score_turnover', 'Turnover intention'],
];

export const figure: FigureDef = {
  id: 'dept-scales',
  zh,
  title: 'Motivation, strain and intention to leave by department',
  caption: 'Mean scale scores (1–5) by type of department, with 95% confidence intervals. For exhaustion and turnover intention, higher is worse.',
  alt: 'Dot plot of mean scale scores by department type.',
  source: 'respondents.parquet, score_* (scale means).',
  params: [{ name: 'county', label: 'County', kind: 'county', default: 'all' }],
  sql: `WITH x AS (SELECT * FROM respondents WHERE ($county = 'all' OR county = $county)),
long AS (
${unpivotSQL(SCALES, 'scale', 'x', 'dept_type')}
)
SELECT scale, dept_type, count(v)::INTEGER AS n, avg(v) AS mean,
       avg(v) - 1.96 * stddev_samp(v) / sqrt(count(v)) AS lo, avg(v) + 1.96 * stddev_samp(v) / sqrt(count(v)) AS hi
FROM long WHERE v IS NOT NULL GROUP BY ord, scale, dept_type ORDER BY ord, dept_type`,
  columns: [
    { key: 'scale', label: 'Scale' },
    { key: 'dept_type', label: 'Department', labelOf: 'dept_type' },
    { key: 'n', label: 'n' },
    { key: 'mean', label: 'Mean', digits: 2 },
    { key: 'lo', label: '95% CI low', digits: 2 },
    { key: 'hi', label: '95% CI high', digits: 2 },
  ],
  nMode: 'max',
  keys: ['scale', 'dept_type'],
  spec(rows, ctx) {
    const data = rows.filter((r) => !r.suppressed).map((r) => ({ ...r, d: codeLabel(ctx, 'dept_type', r.dept_type) }));
    return Plot.plot(
      base(ctx, {
        height: 60 + SCALES.length * 38,
        marginLeft: ctx.lang === 'en' ? 220 : labelMargin(SCALES.map((s) => ctx.t(s[1]))),
        x: { domain: [1, 5], label: ctx.t('Mean score (1–5), 95% CI'), grid: true },
        y: { label: null, domain: SCALES.map((s) => ctx.t(s[1])) },
        color: deptColor(ctx),
        marks: [
          Plot.ruleY(data, { y: (d: any) => ctx.t(d.scale), x1: 'lo', x2: 'hi', stroke: 'd', strokeWidth: 3, strokeOpacity: 0.45 }),
          Plot.dot(data, { y: (d: any) => ctx.t(d.scale), x: 'mean', fill: 'd', r: 5, tip: true }),
        ],
      }),
    ) as unknown as Element;
  },
};
