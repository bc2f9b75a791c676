import * as Plot from '@observablehq/plot';
import { zh } from './text.ts';
import type { FigureDef } from '../../lib/figures/types.ts';
import { base, competencyLabel, COLORS, labelMargin } from '../../lib/figures/plot.ts';
import { t } from '../../i18n/index.ts';

/**
 * Borich needs assessment. MWDS_j = mean over respondents of (I − P) × mean(I_j), which equals
 * mean(gap_j) × mean(importance_j) over the respondents with both ratings — one GROUP BY.
 */
export const figure: FigureDef = {
  id: 'borich-ranking',
  zh,
  title: 'Training priorities: Borich mean weighted discrepancy scores',
  caption:
    'Competencies ranked by the Borich mean weighted discrepancy score (the gap between importance and proficiency, weighted by how important the competency is). The top of the list is where training should start.',
  alt: 'Bar chart ranking competencies by Borich MWDS, highest first.',
  source: 'The competency view of respondents.parquet (read through its sums in competency_cube.parquet); MWDS = mean(importance − proficiency) × mean(importance).',
  params: [
    { name: 'county', label: 'County', kind: 'county', default: 'all' },
    { name: 'dept', label: 'Department', kind: 'dept_type', default: 'all' },
  ],
  sql: `-- sums per county × department × competency (competency_cube.parquet): mean = sum / n
WITH m AS (
  SELECT competency, sum(n) AS n,
         sum(gap_sum) / sum(n) AS gap,
         sum(importance_sum) / sum(n) AS importance,
         sum(proficiency_sum) / sum(n) AS proficiency
  FROM competency_cube
  WHERE ($county = 'all' OR county = $county) AND ($dept = 'all' OR dept_type = $dept)
  GROUP BY competency
)
SELECT competency, n::INTEGER AS n,
       gap * importance AS mwds,
       importance, proficiency,
       rank() OVER (ORDER BY gap * importance DESC)::INTEGER AS priority
FROM m
ORDER BY mwds DESC`,
  columns: [
    { key: 'priority', label: 'Rank' },
    { key: 'competency', label: 'Competency', labelOf: 'competency' },
    { key: 'n', label: 'n' },
    { key: 'mwds', label: 'MWDS', digits: 2 },
    { key: 'importance', label: 'Importance', digits: 2 },
    { key: 'proficiency', label: 'Proficiency', digits: 2 },
  ],
  keys: ['competency'],
  nMode: 'max',
  spec(rows, ctx) {
    const data = rows.map((r) => ({ ...r, label: competencyLabel(ctx, r.competency) }));
    return Plot.plot(
      base(ctx, {
        height: 50 + data.length * 26,
        marginLeft: ctx.lang === 'en' ? 235 : labelMargin(data.map((d) => d.label)),
        marginRight: 50,
        x: { label: ctx.t('Mean weighted discrepancy score (higher = greater training need)'), grid: true },
        y: { domain: data.map((d) => d.label), label: null },
        marks: [
          Plot.barX(data, { y: 'label', x: 'mwds', fill: (d: any) => (d.priority <= 5 ? COLORS.gap : COLORS.neutral), fillOpacity: 0.85 }),
          Plot.text(data, { y: 'label', x: (d: any) => d.mwds ?? 0, dx: 4, textAnchor: 'start', text: (d: any) => (d.suppressed ? t(ctx.lang, 'figure.suppressedCell') : d.mwds.toFixed(2)), fill: 'currentColor' }),
          Plot.ruleX([0]),
        ],
      }),
    ) as unknown as Element;
  },
};
