import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, competencyLabel, COLORS, NARROW } from '../../lib/figures/plot.ts';
import { placeLabels } from '../../lib/figures/labels.ts';
import { textWidth } from '../../i18n/index.ts';

/** Importance–performance analysis: where each competency falls against the grand means. */
export const figure: FigureDef = {
  id: 'ipa-quadrants',
  zh,
  title: 'Importance–performance analysis of the fifteen competencies',
  caption:
    'Each dot is a competency: its mean proficiency (x) against its mean importance (y). The dashed lines are the means over all competencies. Top left — important but weak — is where training should concentrate.',
  alt: 'Scatter plot of competencies by mean proficiency and mean importance with quadrant lines at the means.',
  source: 'The competency view of respondents.parquet (proficiency and importance scale scores), read through its sums in competency_cube.parquet.',
  params: [
    { name: 'county', label: 'County', kind: 'county', default: 'all' },
    { name: 'dept', label: 'Department', kind: 'dept_type', default: 'all' },
  ],
  sql: `-- sums per county × department × competency (competency_cube.parquet): mean = sum / n
SELECT competency, sum(n)::INTEGER AS n,
       sum(proficiency_sum) / sum(n) AS proficiency,
       sum(importance_sum) / sum(n) AS importance
FROM competency_cube
WHERE ($county = 'all' OR county = $county) AND ($dept = 'all' OR dept_type = $dept)
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
    const xDomain = [Math.min(...xs, mx) - pad, Math.max(...xs, mx) + pad];
    const yDomain = [Math.min(...ys, my) - pad, Math.max(...ys, my) + pad];
    // labels placed without collisions in pixel space (lib/figures/labels.ts), then mapped back to data
    const narrow = ctx.width < NARROW;
    const height = narrow ? 500 : 460; // a phone gets the taller plot: fifteen labels need the rows, not the width
    const m = { left: 50, right: narrow ? 16 : 40, top: 20, bottom: 50 };
    const px = (v: number) => m.left + ((v - xDomain[0]) / (xDomain[1] - xDomain[0])) * (ctx.width - m.left - m.right);
    const py = (v: number) => height - m.bottom - ((v - yDomain[0]) / (yDomain[1] - yDomain[0])) * (height - m.top - m.bottom);
    const ix = (p: number) => xDomain[0] + ((p - m.left) / (ctx.width - m.left - m.right)) * (xDomain[1] - xDomain[0]);
    const iy = (p: number) => yDomain[0] + ((height - m.bottom - p) / (height - m.top - m.bottom)) * (yDomain[1] - yDomain[0]);
    // the corner notes: on a narrow chart in a smaller font, the right one a line lower when they would meet
    const fs = narrow ? 11 : 13;
    const notes = [
      { text: ctx.t('Concentrate here'), frameAnchor: 'top-left', dx: 6, dy: 6, fill: COLORS.gap, fontWeight: 'bold', fontSize: fs },
      { text: ctx.t('Keep up the good work'), frameAnchor: 'top-right', dx: -6, dy: 6, fill: COLORS.neutral, fontSize: fs },
      { text: ctx.t('Low priority'), frameAnchor: 'bottom-left', dx: 6, dy: -6, fill: COLORS.neutral, fontSize: fs },
      { text: ctx.t('Possible overkill'), frameAnchor: 'bottom-right', dx: -6, dy: -6, fill: COLORS.neutral, fontSize: fs },
    ];
    const noteW = (n: (typeof notes)[number]) => textWidth(n.text, fs) * (n.fontWeight ? 1.15 : 1.08);
    const plotW = ctx.width - m.left - m.right;
    if (noteW(notes[0]) + noteW(notes[1]) + 24 > plotW) notes[1].dy += fs + 4;
    if (noteW(notes[2]) + noteW(notes[3]) + 24 > plotW) notes[3].dy -= fs + 4;
    const reserved = notes.map((n) => {
      const w = noteW(n), h = fs + 4;
      const left = n.frameAnchor.endsWith('left'), top = n.frameAnchor.startsWith('top');
      return { x: left ? m.left + 6 + w / 2 : ctx.width - m.right - 6 - w / 2, y: top ? m.top + n.dy + h / 2 : height - m.bottom + n.dy - h / 2, w, h };
    });
    const placed = placeLabels(
      data.map((d) => ({ x: px(d.proficiency), y: py(d.importance) })),
      // real fonts run up to ~10% wider than the estimate: boxes with room to spare
      data.map((d) => ({ w: textWidth(d.label, 11) * 1.1 + 4, h: 13 })),
      [m.left, m.top, ctx.width - m.right, height - m.bottom],
      reserved,
      { divide: { x: px(mx), y: py(my) } }, // labels on their point's side of the mean lines
    );
    const labels = data.map((d, i) => ({ ...d, lx: ix(placed[i].x), ly: iy(placed[i].y), leader: placed[i].leader, b: placed[i] }));
    // a leader runs from the point to the nearest edge of its label
    const leaders = labels.filter((d) => d.leader).map((d) => {
      const p = { x: px(d.proficiency), y: py(d.importance) };
      const ex = Math.min(d.b.x + d.b.w / 2, Math.max(d.b.x - d.b.w / 2, p.x)), ey = Math.min(d.b.y + d.b.h / 2, Math.max(d.b.y - d.b.h / 2, p.y));
      return { x1: d.proficiency, y1: d.importance, x2: ix(ex), y2: iy(ey) };
    });
    return Plot.plot(
      base(ctx, {
        height,
        marginLeft: m.left,
        marginRight: m.right,
        marginTop: m.top,
        marginBottom: m.bottom,
        x: { domain: xDomain, label: ctx.t('Mean proficiency (1–5) →'), grid: true },
        y: { domain: yDomain, label: ctx.t('↑ Mean importance (1–5)'), grid: true },
        marks: [
          Plot.ruleX([mx], { strokeDasharray: '4,3', stroke: COLORS.neutral }),
          Plot.ruleY([my], { strokeDasharray: '4,3', stroke: COLORS.neutral }),
          ...notes.map(({ text, ...o }) => Plot.text([text], o as any)),
          Plot.link(leaders, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: COLORS.neutral, strokeOpacity: 0.7, strokeWidth: 0.8 }),
          Plot.dot(data, { x: 'proficiency', y: 'importance', r: 5, fill: (d: any) => (d.importance >= my && d.proficiency < mx ? COLORS.gap : COLORS.proficiency) }),
          Plot.text(labels, { x: 'lx', y: 'ly', text: 'label', fontSize: 11, fill: 'currentColor', textAnchor: 'middle', lineAnchor: 'middle' }),
        ],
      }),
    ) as unknown as Element;
  },
};
