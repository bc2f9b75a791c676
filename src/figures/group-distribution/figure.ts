import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, COLORS, labelMargin } from '../../lib/figures/plot.ts';
import { fmtPercent } from '../../i18n/index.ts';
import { codeLabel, GROUP_CASE } from '../../lib/figures/charts.ts';

export const figure: FigureDef = {
  id: 'group-distribution',
  zh,
  title: 'The sample by demographic group',
  caption: 'Share of respondents in each group of the chosen variable. "Suppressed / missing" counts answers withheld by disclosure control (small combinations of characteristics) — the price of publishing microdata safely.',
  alt: 'Bar chart of the share of respondents in each group.',
  source: 'respondents.parquet (generalised quasi-identifiers).',
  params: [
    { name: 'group', label: 'Variable', kind: 'group', default: 'age_band' },
    { name: 'county', label: 'County', kind: 'county', default: 'all' },
  ],
  sql: `SELECT grp, count(*)::INTEGER AS n, count(*) / sum(count(*)) OVER () AS share
FROM (SELECT ${GROUP_CASE} AS grp FROM respondents WHERE ($county = 'all' OR county = $county))
GROUP BY grp
ORDER BY grp NULLS LAST`,
  columns: [
    { key: 'grp', label: 'Group', labelOf: '$group' },
    { key: 'n', label: 'Respondents' },
    { key: 'share', label: 'Share', digits: 3 },
  ],
  values: ['share'],
  spec(rows, ctx) {
    const data = rows.map((r) => ({ ...r, label: codeLabel(ctx, ctx.params.group, r.grp) }));
    return Plot.plot(
      base(ctx, {
        height: 50 + data.length * 30,
        marginLeft: ctx.lang === 'en' ? 240 : labelMargin(data.map((d) => d.label)),
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
