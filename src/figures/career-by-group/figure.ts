import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, labelMargin } from '../../lib/figures/plot.ts';
import { codeLabel, groupMomentsSQL } from '../../lib/figures/charts.ts';

const SCALES: [string, string][] = [
  ['score_autonomy', 'Autonomy'], ['score_competence', 'Competence'], ['score_relatedness', 'Relatedness'],
  ['score_just_proc', 'Procedural justice'], ['score_fit_ns', 'Fit: needs–supplies'], ['score_exhaustion', 'Exhaustion'], ['score_turnover', 'Turnover intention'],
];

export const figure: FigureDef = {
  id: 'career-by-group',
  zh,
  title: 'Need satisfaction, fairness, fit, burnout and turnover intention by group',
  caption: 'Mean scale scores (1–5) for each group of the chosen variable. Groups low on the first five and high on the last two are where retention is at risk.',
  alt: 'Heatmap of mean career scale scores by group.',
  source: 'groups.parquet (measures score_*), from the full survey with small-cell and complementary suppression.',
  params: [{ name: 'group', label: 'Compare by', kind: 'group', default: 'age_band' }, { name: 'county', label: 'County', kind: 'county', default: 'all' }],
  sql: `SELECT s.scale, g.grp, g.n, g.mean, g.withheld FROM (
${groupMomentsSQL('true', 'measure, ')}
) g JOIN (VALUES ${SCALES.map(([m, l], i) => `(${i}, '${m}', '${l.replace(/'/g, "''")}')`).join(', ')}) s(ord, measure, scale) ON g.measure = s.measure
ORDER BY s.ord, g.grp NULLS LAST`,
  columns: [
    { key: 'scale', label: 'Scale' },
    { key: 'grp', label: 'Group', labelOf: '$group' },
    { key: 'n', label: 'n' },
    { key: 'mean', label: 'Mean (1–5)', digits: 2 },
  ],
  keys: ['scale', 'grp'],
  measures: SCALES.map(([m]) => m),
  nMode: 'max',
  spec(rows, ctx) {
    const data = rows.map((r) => ({ ...r, g: codeLabel(ctx, ctx.params.group, r.grp) }));
    const marginLeft = labelMargin(data.map((d) => d.g), 120, 360);
    return Plot.plot(
      base(ctx, {
        // at least ~64 px per scale: on a phone the heatmap keeps legible cells and scrolls sideways (.chart)
        width: Math.max(ctx.width, marginLeft + SCALES.length * 64),
        height: 80 + new Set(data.map((d) => d.g)).size * 32,
        marginLeft,
        marginBottom: 70,
        x: { domain: SCALES.map((s) => ctx.t(s[1])), label: null, tickRotate: -25 },
        y: { label: null },
        color: { type: 'linear', domain: [2, 4.2], range: ['#f7fbff', '#2a6fb0'] },
        marks: [
          Plot.cell(data, { x: (d: any) => ctx.t(d.scale), y: 'g', fill: (d: any) => (d.suppressed ? '#ddd' : d.mean), inset: 0.5 }),
          Plot.text(data, { x: (d: any) => ctx.t(d.scale), y: 'g', text: (d: any) => (d.suppressed ? '—' : d.mean.toFixed(2)), fill: (d: any) => (!d.suppressed && d.mean > 3.5 ? 'white' : 'black') }),
        ],
      }),
    ) as unknown as Element;
  },
};
