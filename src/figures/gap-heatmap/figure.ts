import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, competencyLabel, labelMargin, NARROW, wrapLabel } from '../../lib/figures/plot.ts';
import { textWidth } from '../../i18n/index.ts';

/** Where each county's training need lies: mean importance − proficiency per competency. */
export const figure: FigureDef = {
  id: 'gap-heatmap',
  zh,
  title: 'Training gap by county and competency',
  caption:
    'Each cell is the mean gap (importance − proficiency) for one county and competency; darker red means a larger training need. Cells with fewer than k respondents are left blank and marked "suppressed".',
  alt: 'Heatmap of mean training gaps, counties in rows and competencies in columns.',
  source: 'The competency view of respondents.parquet (read through its sums in competency_cube.parquet): gap = importance − proficiency per respondent and competency.',
  params: [{ name: 'dept', label: 'Department', kind: 'dept_type', default: 'all' }],
  sql: `-- sums per county × department × competency (competency_cube.parquet): mean = sum / n
SELECT county, competency,
       sum(n)::INTEGER AS n,
       sum(gap_sum) / sum(n) AS gap
FROM competency_cube
WHERE ($dept = 'all' OR dept_type = $dept)
GROUP BY county, competency
ORDER BY county, competency`,
  columns: [
    { key: 'county', label: 'County', labelOf: 'county' },
    { key: 'competency', label: 'Competency', labelOf: 'competency' },
    { key: 'n', label: 'n' },
    { key: 'gap', label: 'Mean gap', digits: 2 },
  ],
  keys: ['county', 'competency'],
  nMode: 'max',
  spec(rows, ctx) {
    const countyLabel = (c: string) => ctx.codebook.variables.find((v) => v.name === 'county')?.values?.find((v) => v.code === c)?.label[ctx.lang] ?? c;
    const data = rows.map((r) => ({ ...r, c: competencyLabel(ctx, r.competency), county: countyLabel(r.county) }));
    const comps = ctx.codebook.competencies.map((c) => c.label[ctx.lang]).filter((l) => data.some((d) => d.c === l));
    const counties = [...new Set(data.map((d) => d.county))];
    const color = { type: 'linear', domain: [0, 1.6], range: ['#fff5eb', '#b2443a'], label: ctx.t('Mean gap'), legend: false };
    const cellText = (d: any) => (d.suppressed ? '—' : d.gap.toFixed(1));
    const textFill = (d: any) => (!d.suppressed && d.gap > 1.1 ? 'white' : 'black');
    const fill = (d: any) => (d.suppressed ? '#ddd' : d.gap);
    if (ctx.width < NARROW) {
      // phones: competencies in rows (their long names wrap at the left), counties in columns
      const marginLeft = Math.round(ctx.width * 0.38);
      const wrap = (c: string) => wrapLabel(c, marginLeft - 12, 13).join('\n');
      const lines = Math.max(1, ...comps.map((c) => wrap(c).split('\n').length));
      const rowH = Math.max(26, lines * 14 + 4);
      const marginTop = Math.round(Math.max(40, ...counties.map((c) => textWidth(c, 13) * 1.08 + 12)));
      return Plot.plot(
        base(ctx, {
          height: marginTop + 10 + comps.length * rowH,
          marginLeft,
          marginTop,
          marginBottom: 10,
          marginRight: 4,
          x: { domain: counties, tickRotate: -90, label: null, axis: 'top' },
          y: { domain: comps, label: null, tickFormat: wrap },
          color,
          marks: [
            Plot.cell(data, { x: 'county', y: 'c', fill, inset: 0.5 }),
            Plot.text(data, { x: 'county', y: 'c', text: cellText, fill: textFill, fontSize: 9 }),
          ],
        }),
      ) as unknown as Element;
    }
    const marginBottom = ctx.lang === 'en' ? Math.round(Math.max(60, ...comps.map((c) => textWidth(c, 13) * 0.68 + 24))) : Math.round(Math.max(60, ...comps.map((c) => textWidth(c, 13) * 0.65 + 20)));
    return Plot.plot(
      base(ctx, {
        // rows of 30 px whatever their number: a single row (one department) stays a readable strip
        height: 20 + marginBottom + Math.max(1, counties.length) * 30,
        marginTop: 20,
        marginLeft: ctx.lang === 'en' ? 170 : labelMargin(data.map((d) => d.county)),
        marginBottom,
        x: { domain: comps, tickRotate: -40, label: null },
        y: { label: null },
        color,
        marks: [
          Plot.cell(data, { x: 'c', y: 'county', fill, inset: 0.5 }),
          Plot.text(data, { x: 'c', y: 'county', text: cellText, fill: textFill, fontSize: 11 }),
        ],
      }),
    ) as unknown as Element;
  },
};
