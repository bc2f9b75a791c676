import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { labelOf } from '../../lib/codebook/labels.ts';
import { base, COLORS, labelMargin } from '../../lib/figures/plot.ts';
import { fmtNumber } from '../../i18n/index.ts';
import { groupMomentsSQL, inCodebookOrder } from '../../lib/figures/charts.ts';

/** Who intends to leave: mean turnover intention by a chosen group. */
export const figure: FigureDef = {
  id: 'turnover-by-group',
  zh,
  title: 'Turnover intention by group',
  caption:
    'Mean turnover-intention score (three items, 1–5; higher means more intent to leave) with its 95% confidence interval, for each group of the chosen variable. Computed from the full survey and published as a protected table: a group of fewer than k respondents is withheld (and so is one more group where needed, so that it cannot be worked out from the totals).',
  alt: 'Bar chart of mean turnover intention by group with confidence intervals.',
  source: 'groups.parquet (measure score_turnover = mean of ti_1–ti_3), from the full survey with small-cell and complementary suppression.',
  params: [
    { name: 'group', label: 'Compare by', kind: 'group', default: 'age_band' },
    { name: 'county', label: 'County', kind: 'county', default: 'all' },
  ],
  sql: `SELECT grp, n, mean AS turnover, lo, hi, withheld FROM (
${groupMomentsSQL("measure = 'score_turnover'")}
)
ORDER BY grp NULLS LAST`,
  columns: [
    { key: 'grp', label: 'Group', labelOf: '$group' },
    { key: 'n', label: 'n' },
    { key: 'turnover', label: 'Turnover intention (mean)', digits: 2 },
    { key: 'lo', label: '95% CI low', digits: 2 },
    { key: 'hi', label: '95% CI high', digits: 2 },
  ],
  keys: ['grp'],
  measures: ['score_turnover'],
  spec(rows, ctx) {
    const data = inCodebookOrder(rows.filter((r) => !r.suppressed), ctx, ctx.params.group).map((r) => ({ ...r, label: labelOf(ctx.codebook, ctx.params.group, r.grp, ctx.lang) }));
    return Plot.plot(
      base(ctx, {
        height: 60 + data.length * 34,
        marginLeft: labelMargin(data.map((d) => d.label), 120, 360),
        x: { domain: [1, 5], label: ctx.t('Turnover intention (1 = none, 5 = strong)'), grid: true },
        y: { domain: data.map((d) => d.label), label: null },
        marks: [
          Plot.barX(data, { y: 'label', x1: 1, x2: 'turnover', fill: COLORS.gap, fillOpacity: 0.75 }),
          Plot.ruleY(data, { y: 'label', x1: 'lo', x2: 'hi', stroke: 'currentColor', strokeWidth: 1.5 }),
          Plot.text(data, { y: 'label', x: (d: any) => (d.suppressed ? 1.05 : d.hi), dx: 6, textAnchor: 'start', text: (d: any) => (d.suppressed ? ctx.t('suppressed (n < k)') : fmtNumber(ctx.lang, d.turnover, 2)) }),
        ],
      }),
    ) as unknown as Element;
  },
};
