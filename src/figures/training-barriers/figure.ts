import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { dotsWithCI, wilsonSQL, unpivotSQL } from '../../lib/figures/charts.ts';
import { COLORS } from '../../lib/figures/plot.ts';

const BARRIERS: [string, string][] = [
  ['bar_few_opportunities', 'Too few opportunities'], ['bar_no_time', 'No time for the workload'], ['bar_weak_teachers', 'Weak teachers'],
  ['bar_irrelevant', 'Content not relevant to the post'], ['bar_proxy', "Attended on someone else's behalf"],
  ['bar_little_professional', 'Too little professional training'], ['bar_no_link', 'No link to assessment or promotion'],
];

export const figure: FigureDef = {
  id: 'training-barriers',
  zh,
  title: 'Barriers to training',
  caption: 'Share of respondents who name each barrier to taking part in training (multiple answers allowed), with 95% Wilson confidence intervals.',
  alt: 'Dot plot of the share of respondents naming each training barrier.',
  source: 'respondents.parquet, multi-select bar_* (0/1).',
  params: [
    { name: 'sample', label: 'Study sample', kind: 'sample', default: 'all' },
    { name: 'county', label: 'County', kind: 'county', default: 'all' },
  ],
  sql: `WITH x AS (
  SELECT * FROM respondents WHERE ($sample = 'all' OR sample = $sample) AND ($county = 'all' OR county = $county)
), long AS (
${unpivotSQL(BARRIERS, 'barrier', 'x')}
), agg AS (SELECT barrier, count(v)::INTEGER AS n, avg(v) AS share FROM long WHERE v IS NOT NULL GROUP BY barrier)
SELECT barrier, n, share,
       ${wilsonSQL('share', 'n')}
FROM agg ORDER BY share DESC`,
  columns: [
    { key: 'barrier', label: 'Barrier' },
    { key: 'n', label: 'n' },
    { key: 'share', label: 'Share naming it', digits: 3 },
    { key: 'lo', label: '95% CI low', digits: 3 },
    { key: 'hi', label: '95% CI high', digits: 3 },
  ],
  values: ['share', 'lo', 'hi'],
  nMode: 'max',
  spec: (rows, ctx) => dotsWithCI(rows, ctx, { y: 'barrier', x: 'share', lo: 'lo', hi: 'hi', domain: [0, 1], xLabel: 'Share of respondents naming the barrier', color: COLORS.gap, percent: true }),
};
