import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, competencyLabel, labelMargin } from '../../lib/figures/plot.ts';
import { textWidth } from '../../i18n/index.ts';

/** Where each county's training need lies: mean importance − proficiency per competency. */
export const figure: FigureDef = {
  id: 'gap-heatmap',
  zh,
  title: 'Training gap by county and competency',
  caption:
    'Each cell is the mean gap (importance − proficiency) for one county and competency; darker red means a larger training need. Cells with fewer than k respondents are left blank and marked "suppressed".',
  alt: 'Heatmap of mean training gaps, counties in rows and competencies in columns.',
  source: 'competency.parquet: gap = importance − proficiency per respondent and competency.',
  params: [{ name: 'dept', label: 'Department', kind: 'dept_type', default: 'all' }],
  sql: `SELECT county, competency,
       count(*)::INTEGER AS n,
       avg(gap) AS gap
FROM competency
WHERE ($dept = 'all' OR dept_type = $dept) AND gap IS NOT NULL
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
    return Plot.plot(
      base(ctx, {
        height: 90 + new Set(data.map((d) => d.county)).size * 30,
        marginLeft: ctx.lang === 'en' ? 170 : labelMargin(data.map((d) => d.county)),
        marginBottom: ctx.lang === 'en' ? 150 : Math.round(Math.max(60, ...comps.map((c) => textWidth(c, 13) * 0.65 + 20))),
        x: { domain: comps, tickRotate: -40, label: null },
        y: { label: null },
        color: { type: 'linear', domain: [0, 1.6], range: ['#fff5eb', '#b2443a'], label: ctx.t('Mean gap'), legend: false },
        marks: [
          Plot.cell(data, { x: 'c', y: 'county', fill: (d: any) => (d.suppressed ? '#ddd' : d.gap), inset: 0.5 }),
          Plot.text(data, { x: 'c', y: 'county', text: (d: any) => (d.suppressed ? '—' : d.gap.toFixed(1)), fill: (d: any) => (!d.suppressed && d.gap > 1.1 ? 'white' : 'black'), fontSize: 11 }),
        ],
      }),
    ) as unknown as Element;
  },
};
