import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { competencyLabel } from '../../lib/figures/plot.ts';
import { PLAN } from '../../lib/model/plan.ts';

/** A training plan for the county and department a reader picks: top Borich priorities laid out as need → content → format → evaluation. */
export const figure: FigureDef = {
  id: 'training-plan',
  zh,
  title: 'A competency-based training plan for the county you choose',
  caption:
    'The five competencies with the highest Borich priority for the chosen county and department, each with the training content, format and Kirkpatrick evaluation level that suit it. Change the county to get its plan.',
  alt: 'Table of the top five training priorities with content, format and evaluation level.',
  source: 'Priorities: Borich MWDS from the competency view of respondents.parquet (through competency_cube.parquet); plan elements: src/lib/model/plan.ts.',
  params: [
    { name: 'county', label: 'County', kind: 'county', default: 'h_county' },
    { name: 'dept', label: 'Department', kind: 'dept_type', default: 'all' },
  ],
  sql: `-- sums per county × department × competency (competency_cube.parquet): mean = sum / n
WITH m AS (
  SELECT competency, sum(n) AS n,
         sum(gap_sum) / sum(n) AS gap,
         sum(importance_sum) / sum(n) AS importance
  FROM competency_cube
  WHERE ($county = 'all' OR county = $county) AND ($dept = 'all' OR dept_type = $dept)
  GROUP BY competency
)
SELECT competency, n::INTEGER AS n, gap * importance AS mwds, gap
FROM m
ORDER BY mwds DESC
LIMIT 5`,
  columns: [
    { key: 'competency', label: 'Competency', labelOf: 'competency' },
    { key: 'n', label: 'n' },
    { key: 'mwds', label: 'MWDS', digits: 2 },
    { key: 'gap', label: 'Mean gap', digits: 2 },
  ],
  keys: ['competency'],
  nMode: 'max',
  kind: 'table',
  spec(rows, ctx) {
    const d = ctx.document;
    const wrap = d.createElement('div');
    wrap.setAttribute('class', 'plan');
    // explicit roles: on phones the rows are laid out as blocks (report.css .plan), which would otherwise
    // lose the table's semantics; each cell carries its column's name for that layout
    const table = d.createElement('table');
    table.setAttribute('role', 'table');
    const head = d.createElement('tr');
    head.setAttribute('role', 'row');
    const headers = ['#', 'Need (competency, MWDS)', 'Content', 'Format', 'Evaluate at'].map(ctx.t);
    for (const h of headers) {
      const th = d.createElement('th');
      th.setAttribute('role', 'columnheader');
      th.textContent = h;
      head.appendChild(th);
    }
    const thead = d.createElement('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    const tbody = d.createElement('tbody');
    rows.forEach((r, i) => {
      const tr = d.createElement('tr');
      tr.setAttribute('role', 'row');
      const p = PLAN[r.competency];
      const cells = r.suppressed
        ? [String(i + 1), ctx.t('Suppressed: fewer than k respondents'), '', '', '']
        : [String(i + 1), ctx.lang === 'zh' ? `${competencyLabel(ctx, r.competency)}（${r.mwds.toFixed(2)}）` : `${competencyLabel(ctx, r.competency)} (${r.mwds.toFixed(2)})`, ctx.t(p?.content ?? ''), ctx.t(p?.format ?? ''), ctx.t(p?.evaluate ?? '')];
      for (const [j, c] of cells.entries()) {
        const td = d.createElement('td');
        td.setAttribute('role', 'cell');
        if (j >= 2) td.setAttribute('data-label', headers[j]);
        td.textContent = c;
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    wrap.appendChild(table);
    return wrap as unknown as Element;
  },
};
