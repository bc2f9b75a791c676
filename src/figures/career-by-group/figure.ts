import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, labelMargin, NARROW, wrapLabel } from '../../lib/figures/plot.ts';
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
    const groups = [...new Set(data.map((d) => d.g))];
    const color = { type: 'linear', domain: [2, 4.2], range: ['#f7fbff', '#2a6fb0'] };
    const fill = (d: any) => (d.suppressed ? '#ddd' : d.mean);
    const cellText = (d: any) => (d.suppressed ? '—' : d.mean.toFixed(2));
    const textFill = (d: any) => (!d.suppressed && d.mean > 3.5 ? 'white' : 'black');
    if (ctx.width < NARROW) {
      // phones: a layout that fits the width. With up to five groups the scales take the rows (their long
      // names wrap at the left) and the groups the columns; with more (counties) the groups take the
      // rows and the scales stand upright above their columns, so no cell is too narrow for its number.
      // Column names wrap flat above their column when they fit in four lines, or else stand upright.
      const byScale = groups.length <= 5;
      const [rowsOf, colsOf] = byScale ? [labels, groups] : [groups, labels];
      const [yKey, xKey] = byScale ? ['s', 'g'] : ['g', 's'];
      const marginLeft = byScale ? Math.round(ctx.width * 0.36) : Math.min(Math.round(ctx.width * 0.36), labelMargin(groups, 60, 360));
      const wrapY = (l: string) => wrapLabel(l, (marginLeft - 12) / 1.1, 13).join('\n');
      const lines = Math.max(1, ...rowsOf.map((l) => wrapY(l).split('\n').length));
      const rowH = Math.max(byScale ? 30 : 26, lines * 15 + 6);
      const col = (ctx.width - marginLeft - 4) / Math.max(1, colsOf.length);
      const wrapX = (g: string) => wrapLabel(g, (col - 6) / 1.1, 13);
      const flat = colsOf.every((g) => { const w = wrapX(g); return w.length <= 4 && w.every((x) => textWidth(x, 13) * 1.1 <= col - 4); });
      const xLines = flat ? Math.max(1, ...colsOf.map((g) => wrapX(g).length)) : 0;
      const marginTop = flat ? 14 + xLines * 15 : Math.round(Math.max(40, ...colsOf.map((g) => textWidth(g, 13) * 1.08 + 12)));
      // "3.45" is about 2.4 em wide: the cell's number as large as its column allows (9–12 px)
      const cellFont = Math.max(9, Math.min(12, Math.floor((col - 4) / 2.5)));
      return Plot.plot(
        base(ctx, {
          height: marginTop + 8 + rowsOf.length * rowH,
          marginLeft,
          marginTop,
          marginBottom: 8,
          marginRight: 4,
          x: { domain: colsOf, label: null, axis: 'top', ...(flat ? { tickFormat: (g: string) => wrapX(g).join('\n') } : { tickRotate: -90 }) },
          y: { domain: rowsOf, label: null, tickFormat: wrapY },
          color,
          marks: [
            Plot.cell(data, { x: xKey, y: yKey, fill, inset: 0.5 }),
            Plot.text(data, { x: xKey, y: yKey, text: cellText, fill: textFill, fontSize: cellFont }),
          ],
        }),
      ) as unknown as Element;
    }
    const marginLeft = labelMargin(data.map((d) => d.g), 120, 360);
    // room below for the rotated scale names (sin 25° of the longest, plus the tick)
    const marginBottom = Math.round(Math.max(70, ...labels.map((l) => textWidth(l, 13) * 0.45 + 24)));
    return Plot.plot(
      base(ctx, {
        // at least ~64 px per scale (phones get the narrow layout above)
        width: Math.max(ctx.width, marginLeft + labels.length * 64),
        // rows of 32 px below the rotated scale names (the height includes the bottom margin)
        height: 30 + marginBottom + groups.length * 32,
        marginLeft,
        marginBottom,
        x: { domain: labels, label: null, tickRotate: -25 },
        y: { label: null, domain: groups },
        color,
        marks: [
          Plot.cell(data, { x: 's', y: 'g', fill, inset: 0.5 }),
          Plot.text(data, { x: 's', y: 'g', text: cellText, fill: textFill }),
        ],
      }),
    ) as unknown as Element;
  },
};
