import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { dotsWithCI, wilsonSQL } from '../../lib/figures/charts.ts';
import { COLORS } from '../../lib/figures/plot.ts';
import type { Codebook } from '../../lib/codebook/types.ts';
import { listSQL, multiselectOptions } from '../../lib/figures/lists.ts';

/** the options of the codebook's multi-select question `barriers` (data/codebook.yaml), in its order */
const barriers = (cb: Codebook) => multiselectOptions(cb, 'barriers');

export const figure: FigureDef = {
  id: 'training-barriers',
  zh,
  title: 'Barriers to training',
  caption: 'Share of respondents who name each barrier to taking part in training (multiple answers allowed), with 95% Wilson confidence intervals.',
  alt: 'Dot plot of the share of respondents naming each training barrier.',
  source: 'groups.parquet (measures bar_*, multi-select 0/1), from the full survey with small-cell and complementary suppression; an answer everyone in a group gave alike is withheld for the misconduct question.',
  params: [
    { name: 'sample', label: 'Study sample', kind: 'sample', default: 'all' },
    { name: 'county', label: 'County', kind: 'county', default: 'all' },
  ],
  // the protected table (docs/privacy.md): the microdata withholds the misconduct answer in small homogeneous classes
  sql: (cb) => `WITH cell AS (
  SELECT measure, m_n AS n, m_sum / m_n AS share, withheld FROM groups
  WHERE scope = $county AND ((by_var = 'sample' AND grp = $sample) OR ($sample = 'all' AND by_var = '_total'))
), agg AS (
  SELECT b.ord, b.barrier, c.n, c.share, c.withheld
  FROM cell c JOIN ${listSQL(barriers(cb), 'b', 'barrier')} ON c.measure = b.barrier
)
SELECT barrier, n, share,
       ${wilsonSQL('share', 'n')},
       withheld
FROM agg ORDER BY share DESC NULLS LAST, ord`,
  columns: [
    { key: 'barrier', label: 'Barrier', labelOf: 'option' },
    { key: 'n', label: 'n' },
    { key: 'share', label: 'Share naming it', digits: 3 },
    { key: 'lo', label: '95% CI low', digits: 3 },
    { key: 'hi', label: '95% CI high', digits: 3 },
  ],
  keys: ['barrier'],
  measures: barriers,
  nMode: 'max',
  spec: (rows, ctx) => dotsWithCI(rows, ctx, { y: 'barrier', x: 'share', lo: 'lo', hi: 'hi', domain: [0, 1], xLabel: 'Share of respondents naming the barrier', color: COLORS.gap, percent: true, labelOf: 'option' }),
};
