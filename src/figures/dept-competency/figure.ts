import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, competencyLabel, deptColor, labelMargin } from '../../lib/figures/plot.ts';
import { codeLabel } from '../../lib/figures/charts.ts';

export const figure: FigureDef = {
  id: 'dept-competency',
  zh,
  title: 'Competency profile of petition staff against other departments',
  caption: 'Mean self-rated proficiency in every competency for each type of department (the table also gives the gap).',
  alt: 'Dot plot of mean proficiency per competency, one colour per department type.',
  source: 'The competency view of respondents.parquet, read through its sums in competency_cube.parquet.',
  params: [{ name: 'county', label: 'County', kind: 'county', default: 'all' }],
  sql: `-- sums per county × department × competency (competency_cube.parquet): mean = sum / n
SELECT competency, dept_type, sum(n)::INTEGER AS n,
       sum(proficiency_sum) / sum(n) AS proficiency,
       sum(gap_sum) / sum(n) AS gap
FROM competency_cube
WHERE ($county = 'all' OR county = $county)
GROUP BY competency, dept_type
ORDER BY competency, dept_type`,
  columns: [
    { key: 'competency', label: 'Competency', labelOf: 'competency' },
    { key: 'dept_type', label: 'Department', labelOf: 'dept_type' },
    { key: 'n', label: 'n' },
    { key: 'proficiency', label: 'Proficiency', digits: 2 },
    { key: 'gap', label: 'Gap', digits: 2 },
  ],
  keys: ['competency', 'dept_type'],
  nMode: 'max',
  spec(rows, ctx) {
    const data = rows.filter((r) => !r.suppressed).map((r) => ({ ...r, c: competencyLabel(ctx, r.competency), d: codeLabel(ctx, 'dept_type', r.dept_type) }));
    return Plot.plot(
      base(ctx, {
        height: 60 + ctx.codebook.competencies.length * 26,
        marginLeft: ctx.lang === 'en' ? 235 : labelMargin(ctx.codebook.competencies.map((c) => c.label.zh)),
        x: { label: ctx.t('Mean proficiency (1–5)'), grid: true },
        y: { label: null, domain: ctx.codebook.competencies.map((c) => c.label[ctx.lang]) },
        color: deptColor(ctx),
        marks: [Plot.ruleY(ctx.codebook.competencies.map((c) => c.label[ctx.lang]), { stroke: 'currentColor', strokeOpacity: 0.15 }), Plot.dot(data, { y: 'c', x: 'proficiency', fill: 'd', r: 5, tip: true })],
      }),
    ) as unknown as Element;
  },
};
