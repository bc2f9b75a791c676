import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, deptColor, labelMargin } from '../../lib/figures/plot.ts';
import { codeLabel } from '../../lib/figures/charts.ts';

export const figure: FigureDef = {
  id: 'sample-composition',
  zh,
  title: 'Who answered: respondents by county and department',
  caption: 'Number of published respondents in each county or district, split by the type of department they work in. Choose a study sample to see its frame.',
  alt: 'Stacked bar chart of respondents per county by department type.',
  source: 'respondents.parquet (frame variables).',
  params: [{ name: 'sample', label: 'Study sample', kind: 'sample', default: 'all' }],
  sql: `SELECT county, dept_type, count(*)::INTEGER AS n
FROM respondents
WHERE ($sample = 'all' OR sample = $sample)
GROUP BY county, dept_type
ORDER BY county, dept_type`,
  columns: [
    { key: 'county', label: 'County', labelOf: 'county' },
    { key: 'dept_type', label: 'Department', labelOf: 'dept_type' },
    { key: 'n', label: 'Respondents' },
  ],
  keys: ['county', 'dept_type'],
  spec(rows, ctx) {
    const data = rows.filter((r) => !r.suppressed).map((r) => ({ ...r, c: codeLabel(ctx, 'county', r.county), d: codeLabel(ctx, 'dept_type', r.dept_type) }));
    return Plot.plot(
      base(ctx, {
        height: 60 + new Set(data.map((d) => d.c)).size * 30,
        marginLeft: ctx.lang === 'en' ? 170 : labelMargin(data.map((d) => d.c)),
        x: { label: ctx.t('Respondents'), grid: true },
        y: { label: null },
        color: deptColor(ctx),
        marks: [Plot.barX(data, { y: 'c', x: 'n', fill: 'd', tip: true }), Plot.ruleX([0])],
      }),
    ) as unknown as Element;
  },
};
