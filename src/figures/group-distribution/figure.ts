import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, COLORS, labelMargin } from '../../lib/figures/plot.ts';
import { fmtPercent } from '../../i18n/index.ts';
import { codeLabel, inCodebookOrder } from '../../lib/figures/charts.ts';
import { renameParam } from '../../lib/figures/state.ts';

export const figure: FigureDef = {
  id: 'group-distribution',
  zh,
  title: 'The sample by demographic group',
  caption: 'Share of respondents in each group of the chosen variable, from the full survey. A group of fewer than k respondents is withheld (and so is one more where needed, so that it cannot be worked out from the totals); shares are of all respondents in the county, so withheld groups are the missing part.',
  alt: 'Bar chart of the share of respondents in each group.',
  source: 'groups.parquet (measure _n), from the full survey with small-cell and complementary suppression.',
  params: [
    { name: 'variable', label: 'Variable', kind: 'group', default: 'age_band' },
    { name: 'county', label: 'County', kind: 'county', default: 'all' },
  ],
  // links written before version 2 (?group-distribution.group=rank) open the same view
  migrations: [{ to: 2, note: "parameter 'group' renamed 'variable': it picks the variable whose groups are counted, as its label says (the other figures' 'group' compares groups)", up: renameParam('group', 'variable') }],
  sql: `SELECT g.grp, g.n, g.n / t.n AS share, g.withheld
FROM groups g JOIN groups t ON t.scope = g.scope AND t.by_var = '_total' AND t.measure = '_n'
WHERE g.scope = $county AND g.by_var = $variable AND g.measure = '_n'
ORDER BY g.grp NULLS LAST`,
  columns: [
    { key: 'grp', label: 'Group', labelOf: '$variable' },
    { key: 'n', label: 'Respondents' },
    { key: 'share', label: 'Share', digits: 3 },
  ],
  keys: ['grp'],
  spec(rows, ctx) {
    const data = inCodebookOrder(rows.filter((r) => !r.suppressed), ctx, ctx.params.variable).map((r) => ({ ...r, label: codeLabel(ctx, ctx.params.variable, r.grp) }));
    return Plot.plot(
      base(ctx, {
        height: 50 + data.length * 30,
        marginLeft: labelMargin(data.map((d) => d.label), 120, 360),
        marginRight: 60,
        x: { label: ctx.t('Share of respondents (%)'), percent: true, grid: true },
        y: { domain: data.map((d) => d.label), label: null },
        marks: [
          Plot.barX(data, { y: 'label', x: 'share', fill: (d: any) => (d.grp === null ? '#999' : COLORS.proficiency) }),
          Plot.text(data, { y: 'label', x: (d: any) => d.share ?? 0, dx: 4, textAnchor: 'start', text: (d: any) => (d.suppressed ? ctx.t('suppressed') : fmtPercent(ctx.lang, d.share, 0)), fill: 'currentColor' }),
        ],
      }),
    ) as unknown as Element;
  },
};
