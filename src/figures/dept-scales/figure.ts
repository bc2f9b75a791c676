import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, deptColor, labelMargin } from '../../lib/figures/plot.ts';
import { codeLabel, unpivotSQL } from '../../lib/figures/charts.ts';
import type { Codebook } from '../../lib/codebook/types.ts';
import { labelOf } from '../../lib/codebook/labels.ts';
import { figureScales } from '../../lib/figures/lists.ts';

/** the scales whose codebook entry names this figure (`figures: [dept-scales]` in data/codebook.yaml), in codebook order */
const scales = (cb: Codebook) => figureScales(cb, 'dept-scales');

export const figure: FigureDef = {
  id: 'dept-scales',
  zh,
  title: 'Motivation, strain and intention to leave by department',
  caption: 'Mean scale scores (1–5) by type of department, with 95% confidence intervals. For exhaustion and turnover intention, higher is worse.',
  alt: 'Dot plot of mean scale scores by department type.',
  source: 'respondents.parquet, score_* (scale means).',
  params: [{ name: 'county', label: 'County', kind: 'county', default: 'all' }],
  sql: (cb) => `WITH x AS (SELECT * FROM respondents WHERE ($county = 'all' OR county = $county)),
long AS (
${unpivotSQL(scales(cb).map((m) => [m, m]), 'scale', 'x', 'dept_type')}
)
SELECT scale, dept_type, count(v)::INTEGER AS n, avg(v) AS mean,
       avg(v) - 1.96 * stddev_samp(v) / sqrt(count(v)) AS lo, avg(v) + 1.96 * stddev_samp(v) / sqrt(count(v)) AS hi
FROM long WHERE v IS NOT NULL GROUP BY ord, scale, dept_type ORDER BY ord, dept_type`,
  columns: [
    { key: 'scale', label: 'Scale', labelOf: 'measure' },
    { key: 'dept_type', label: 'Department', labelOf: 'dept_type' },
    { key: 'n', label: 'n' },
    { key: 'mean', label: 'Mean', digits: 2 },
    { key: 'lo', label: '95% CI low', digits: 2 },
    { key: 'hi', label: '95% CI high', digits: 2 },
  ],
  nMode: 'max',
  keys: ['scale', 'dept_type'],
  measures: scales,
  spec(rows, ctx) {
    const name = (m: string) => labelOf(ctx.codebook, 'measure', m, ctx.lang);
    const labels = scales(ctx.codebook).map(name);
    const data = rows.filter((r) => !r.suppressed).map((r) => ({ ...r, d: codeLabel(ctx, 'dept_type', r.dept_type), s: name(r.scale) }));
    return Plot.plot(
      base(ctx, {
        height: 60 + labels.length * 38,
        marginLeft: labelMargin(labels, 120, 320),
        x: { domain: [1, 5], label: ctx.t('Mean score (1–5), 95% CI'), grid: true },
        y: { label: null, domain: labels },
        color: deptColor(ctx),
        marks: [
          Plot.ruleY(data, { y: 's', x1: 'lo', x2: 'hi', stroke: 'd', strokeWidth: 3, strokeOpacity: 0.45 }),
          Plot.dot(data, { y: 's', x: 'mean', fill: 'd', r: 5, tip: true }),
        ],
      }),
    ) as unknown as Element;
  },
};
