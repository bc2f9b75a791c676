import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, labelMargin } from '../../lib/figures/plot.ts';
import { codeLabel, groupMomentsSQL, inCodebookOrder } from '../../lib/figures/charts.ts';
import type { Codebook } from '../../lib/codebook/types.ts';
import { labelOf } from '../../lib/codebook/labels.ts';
import { figureScales, listSQL } from '../../lib/figures/lists.ts';
import { textWidth } from '../../i18n/index.ts';

/** the scales whose codebook entry names this figure (`figures: [career-by-group]` in data/codebook.yaml), in codebook order */
const scales = (cb: Codebook) => figureScales(cb, 'career-by-group');

export const figure: FigureDef = {
  id: 'career-by-group',
  zh,
  title: 'Need satisfaction, fairness, fit, burnout and turnover intention by group',
  caption: 'Mean scale scores (1–5) for each group of the chosen variable. Groups low on the first five and high on the last two are where retention is at risk.',
  alt: 'Heatmap of mean career scale scores by group.',
  source: 'groups.parquet (measures score_*), from the full survey with small-cell and complementary suppression.',
  params: [{ name: 'group', label: 'Compare by', kind: 'group', default: 'age_band' }, { name: 'county', label: 'County', kind: 'county', default: 'all' }],
  sql: (cb) => `SELECT s.scale, g.grp, g.n, g.mean, g.withheld FROM (
${groupMomentsSQL('true', 'measure, ')}
) g JOIN ${listSQL(scales(cb), 's', 'scale')} ON g.measure = s.scale
ORDER BY s.ord, g.grp NULLS LAST`,
  columns: [
    { key: 'scale', label: 'Scale', labelOf: 'measure' },
    { key: 'grp', label: 'Group', labelOf: '$group' },
    { key: 'n', label: 'n' },
    { key: 'mean', label: 'Mean (1–5)', digits: 2 },
  ],
  keys: ['scale', 'grp'],
  measures: scales,
  nMode: 'max',
  spec(rows, ctx) {
    const name = (m: string) => labelOf(ctx.codebook, 'measure', m, ctx.lang);
    const labels = scales(ctx.codebook).map(name);
    const data = inCodebookOrder(rows, ctx, ctx.params.group).map((r) => ({ ...r, g: codeLabel(ctx, ctx.params.group, r.grp), s: name(r.scale) }));
    const marginLeft = labelMargin(data.map((d) => d.g), 120, 360);
    // room below for the rotated scale names (sin 25° of the longest, plus the tick)
    const marginBottom = Math.round(Math.max(70, ...labels.map((l) => textWidth(l, 13) * 0.45 + 24)));
    return Plot.plot(
      base(ctx, {
        // at least ~64 px per scale: on a phone the heatmap keeps legible cells and scrolls sideways (.chart)
        width: Math.max(ctx.width, marginLeft + labels.length * 64),
        height: 80 + new Set(data.map((d) => d.g)).size * 32,
        marginLeft,
        marginBottom,
        x: { domain: labels, label: null, tickRotate: -25 },
        y: { label: null, domain: [...new Set(data.map((d) => d.g))] },
        color: { type: 'linear', domain: [2, 4.2], range: ['#f7fbff', '#2a6fb0'] },
        marks: [
          Plot.cell(data, { x: 's', y: 'g', fill: (d: any) => (d.suppressed ? '#ddd' : d.mean), inset: 0.5 }),
          Plot.text(data, { x: 's', y: 'g', text: (d: any) => (d.suppressed ? '—' : d.mean.toFixed(2)), fill: (d: any) => (!d.suppressed && d.mean > 3.5 ? 'white' : 'black') }),
        ],
      }),
    ) as unknown as Element;
  },
};
