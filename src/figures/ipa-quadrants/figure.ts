import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, competencyLabel, COLORS } from '../../lib/figures/plot.ts';

/** Importance–performance analysis: where each competency falls against the grand means. */
export const figure: FigureDef = {
  id: 'ipa-quadrants',
  zh,
  title: 'Importance–performance analysis of the fifteen competencies',
  caption:
    'Each dot is a competency: its mean proficiency (x) against its mean importance (y). The dashed lines are the means over all competencies. Top left — important but weak — is where training should concentrate.',
  alt: 'Scatter plot of competencies by mean proficiency and mean importance with quadrant lines at the means.',
  source: 'competency.parquet (proficiency and importance scale scores).',
  params: [
    { name: 'county', label: 'County', kind: 'county', default: 'all' },
    { name: 'dept', label: 'Department', kind: 'dept_type', default: 'all' },
  ],
  sql: `SELECT competency, count(*)::INTEGER AS n, avg(proficiency) AS proficiency, avg(importance) AS importance
FROM competency
WHERE ($county = 'all' OR county = $county) AND ($dept = 'all' OR dept_type = $dept)
  AND proficiency IS NOT NULL AND importance IS NOT NULL
GROUP BY competency
ORDER BY competency`,
  columns: [
    { key: 'competency', label: 'Competency', labelOf: 'competency' },
    { key: 'n', label: 'n' },
    { key: 'proficiency', label: 'Proficiency', digits: 2 },
    { key: 'importance', label: 'Importance', digits: 2 },
  ],
  keys: ['competency'],
  nMode: 'max',
  spec(rows, ctx) {
    const data: any[] = rows.filter((r) => !r.suppressed).map((r) => ({ ...r, label: competencyLabel(ctx, r.competency) }));
    const mx = data.reduce((s, d) => s + d.proficiency, 0) / (data.length || 1);
    const my = data.reduce((s, d) => s + d.importance, 0) / (data.length || 1);
    const xs = data.map((d) => d.proficiency), ys = data.map((d) => d.importance);
    const pad = 0.15;
    return Plot.plot(
      base(ctx, {
        height: 460,
        marginRight: 40,
        x: { domain: [Math.min(...xs, mx) - pad, Math.max(...xs, mx) + pad], label: ctx.t('Mean proficiency (1–5) →'), grid: true },
        y: { domain: [Math.min(...ys, my) - pad, Math.max(...ys, my) + pad], label: ctx.t('↑ Mean importance (1–5)'), grid: true },
        marks: [
          Plot.ruleX([mx], { strokeDasharray: '4,3', stroke: COLORS.neutral }),
          Plot.ruleY([my], { strokeDasharray: '4,3', stroke: COLORS.neutral }),
          Plot.text([ctx.t('Concentrate here')], { frameAnchor: 'top-left', dx: 6, dy: 6, fill: COLORS.gap, fontWeight: 'bold' }),
          Plot.text([ctx.t('Keep up the good work')], { frameAnchor: 'top-right', dx: -6, dy: 6, fill: COLORS.neutral }),
          Plot.text([ctx.t('Low priority')], { frameAnchor: 'bottom-left', dx: 6, dy: -6, fill: COLORS.neutral }),
          Plot.text([ctx.t('Possible overkill')], { frameAnchor: 'bottom-right', dx: -6, dy: -6, fill: COLORS.neutral }),
          Plot.dot(data, { x: 'proficiency', y: 'importance', r: 5, fill: (d: any) => (d.importance >= my && d.proficiency < mx ? COLORS.gap : COLORS.proficiency) }),
          Plot.text(data, { x: 'proficiency', y: 'importance', text: 'label', dy: -10, fontSize: 11, fill: 'currentColor' }),
        ],
      }),
    ) as unknown as Element;
  },
};
