import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { dotsWithCI, unpivotSQL } from '../../lib/figures/charts.ts';
import type { Codebook } from '../../lib/codebook/types.ts';
import { constructItems } from '../../lib/figures/lists.ts';

/** the codebook's items of the construct `kirkpatrick` (data/codebook.yaml), in its order: one per level */
const levels = (cb: Codebook) => constructItems(cb, 'kirkpatrick');

export const figure: FigureDef = {
  id: 'kirkpatrick-levels',
  zh,
  title: 'Training evaluated at the four Kirkpatrick levels',
  caption: 'Mean agreement (1–5) that the last training worked at each Kirkpatrick level, among respondents who attended training, with 95% confidence intervals. Ratings usually fall from reaction to results: liking a course is not the same as changing the work.',
  alt: 'Dot plot of mean ratings at the four Kirkpatrick levels.',
  source: 'respondents.parquet, kirk_* (1–5; asked only of those who trained).',
  params: [{ name: 'dept', label: 'Department', kind: 'dept_type', default: 'all' }, { name: 'county', label: 'County', kind: 'county', default: 'all' }],
  sql: (cb) => `WITH x AS (SELECT * FROM respondents WHERE ($dept = 'all' OR dept_type = $dept) AND ($county = 'all' OR county = $county)),
long AS (
${unpivotSQL(levels(cb).map((m) => [m, m]), 'level', 'x')}
)
SELECT level, count(v)::INTEGER AS n, avg(v) AS mean,
       avg(v) - 1.96 * stddev_samp(v) / sqrt(count(v)) AS lo, avg(v) + 1.96 * stddev_samp(v) / sqrt(count(v)) AS hi
FROM long WHERE v IS NOT NULL GROUP BY ord, level ORDER BY ord`,
  columns: [
    { key: 'level', label: 'Level', labelOf: 'measure' },
    { key: 'n', label: 'n' },
    { key: 'mean', label: 'Mean (1–5)', digits: 2 },
    { key: 'lo', label: '95% CI low', digits: 2 },
    { key: 'hi', label: '95% CI high', digits: 2 },
  ],
  keys: ['level'],
  measures: levels,
  nMode: 'max',
  spec: (rows, ctx) => dotsWithCI(rows, ctx, { y: 'level', x: 'mean', lo: 'lo', hi: 'hi', domain: [1, 5], xLabel: 'Mean agreement (1 = strongly disagree, 5 = strongly agree)', labelOf: 'measure' }),
};
