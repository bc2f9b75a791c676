import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { dotsWithCI, wilsonSQL, unpivotSQL } from '../../lib/figures/charts.ts';
import type { Codebook } from '../../lib/codebook/types.ts';
import { multiselectOptions } from '../../lib/figures/lists.ts';

/** the options of the codebook's multi-select questions `formats` (received) and `preferred`, in its order */
const items = (cb: Codebook) => [...multiselectOptions(cb, 'formats'), ...multiselectOptions(cb, 'preferred')];

export const figure: FigureDef = {
  id: 'training-formats',
  zh,
  title: 'Training formats received and preferred',
  caption: 'Share of respondents who received each training format in the last 12 months (among those trained) and who prefer each method, with 95% Wilson intervals. Where "preferred" outruns "received", supply does not meet demand.',
  alt: 'Dot plot of shares receiving and preferring each training format.',
  source: 'respondents.parquet, fmt_* and pref_* (0/1).',
  params: [{ name: 'county', label: 'County', kind: 'county', default: 'all' }],
  sql: (cb) => `WITH x AS (SELECT * FROM respondents WHERE ($county = 'all' OR county = $county)),
long AS (
${unpivotSQL(items(cb).map((m) => [m, m]), 'format', 'x')}
), agg AS (SELECT ord, format, count(v)::INTEGER AS n, avg(v) AS share FROM long WHERE v IS NOT NULL GROUP BY ord, format)
SELECT format, n, share,
       ${wilsonSQL('share', 'n')}
FROM agg ORDER BY ord`,
  columns: [
    { key: 'format', label: 'Format', labelOf: 'measure' },
    { key: 'n', label: 'n' },
    { key: 'share', label: 'Share', digits: 3 },
    { key: 'lo', label: '95% CI low', digits: 3 },
    { key: 'hi', label: '95% CI high', digits: 3 },
  ],
  keys: ['format'],
  measures: items,
  nMode: 'max',
  spec: (rows, ctx) => dotsWithCI(rows, ctx, { y: 'format', x: 'share', lo: 'lo', hi: 'hi', domain: [0, 1], xLabel: 'Share of respondents', percent: true, labelOf: 'measure' }),
};
