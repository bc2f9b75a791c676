/** Small chart builders shared by several figures (labels from the codebook, suppression-aware). */
import * as Plot from '@observablehq/plot';
import type { Row, SpecContext } from './types.ts';
import { codesOf, labelOf } from '../codebook/labels.ts';
import { base, COLORS, labelMargin, NARROW, wrapLabel } from './plot.ts';
import { fmtNumber, fmtPercent, t } from '../../i18n/index.ts';

/** Horizontal dots with CI rules: one row per category; suppressed rows are labelled as such. */
export function dotsWithCI(rows: Row[], ctx: SpecContext, o: { y: string; x: string; lo: string; hi: string; domain: [number, number]; xLabel: string; color?: string; sort?: boolean; percent?: boolean; labelOf?: string }) {
  const sorted = o.sort ? [...rows].sort((a, b) => (b[o.x] ?? -Infinity) - (a[o.x] ?? -Infinity)) : rows;
  // row values that are codes (`labelOf`: the codebook's labels) or English spelled out by the SQL, in the page's language
  const data = o.labelOf
    ? sorted.map((r) => ({ ...r, [o.y]: labelOf(ctx.codebook, o.labelOf!, r[o.y], ctx.lang) }))
    : ctx.lang === 'en'
      ? sorted
      : sorted.map((r) => ({ ...r, [o.y]: ctx.t(String(r[o.y])) }));
  const fmt = (v: number) => (o.percent ? fmtPercent(ctx.lang, v, 0) : fmtNumber(ctx.lang, v, 2));
  const xLabel = ctx.t(o.xLabel);
  // the x scale and the marks both layouts share: interval, dot and value (or the withheld note)
  const x = { domain: o.percent ? [o.domain[0] * 100, o.domain[1] * 100] : o.domain, label: o.percent ? (ctx.lang === 'zh' ? `${xLabel}（%）` : `${xLabel} (%)`) : xLabel, grid: true, percent: o.percent };
  const intervals = () => [
    Plot.ruleY(data, { y: o.y, x1: o.lo, x2: o.hi, stroke: o.color ?? COLORS.proficiency, strokeWidth: 3, strokeOpacity: 0.45 }),
    Plot.dot(data, { y: o.y, x: o.x, fill: o.color ?? COLORS.proficiency, r: 5 }),
    Plot.text(data, {
      y: o.y,
      x: (d: Row) => (d.suppressed ? o.domain[0] : d[o.hi]),
      dx: 6,
      textAnchor: 'start',
      text: (d: Row) => (d.suppressed ? t(ctx.lang, 'figure.suppressedFewer', { k: ctx.k }) : fmt(d[o.x])),
      fill: 'currentColor',
    }),
  ];
  // on a phone, a row label that would wrap to three or more lines in the left margin (Kirkpatrick's
  // 'Level 2 learning: I learned new knowledge and skills') is written above its row across the chart's
  // width instead, so the data keeps the width and the label its words (issue #13)
  const cap = Math.max(110, Math.round(ctx.width * 0.4));
  const above = ctx.width < NARROW && data.some((d) => wrapLabel(String(d[o.y]), (cap - 14) / 1.12).length > 2);
  if (above) {
    const lines = (d: Row) => wrapLabel(String(d[o.y]), (ctx.width - 30) / 1.1).join('\n');
    const most = Math.max(...data.map((d) => lines(d).split('\n').length));
    const rowH = most * 16 + 34;
    return Plot.plot(
      base(ctx, {
        height: 54 + most * 8 + data.length * rowH,
        marginLeft: 12,
        marginRight: 48,
        marginTop: 4 + most * 8, // with half a row above the first dot: room for its label inside the chart
        x,
        y: { domain: data.map((d) => d[o.y]), label: null, axis: null, padding: 0.5 },
        marks: [
          ...intervals(),
          // the row's label, its last line just above the row's dot
          Plot.text(data, { y: o.y, frameAnchor: 'left', dx: -8, dy: -13, lineAnchor: 'bottom', lineHeight: 1.2, textAnchor: 'start', text: lines, fill: 'currentColor', fontWeight: 600 }),
        ],
      }),
    ) as unknown as Element;
  }
  return Plot.plot(
    base(ctx, {
      height: 50 + data.length * 30,
      // wide enough for the longest row label (codebook labels differ in length from survey to survey);
      // English keeps the usual 240 px unless a label needs more (Kirkpatrick's '2 Learning: …')
      marginLeft: ctx.lang === 'en' ? Math.max(240, labelMargin(data.map((d) => d[o.y]), 60, 380) + 8) : labelMargin(data.map((d) => d[o.y]), 120, 380),
      marginRight: 60,
      x,
      y: { domain: data.map((d) => d[o.y]), label: null },
      marks: [
        ...intervals(),
      ],
    }),
  ) as unknown as Element;
}

/** rows in the codebook's order of a group's codes (age 18–29 before 30–39, 6–10 years before 11–20), then combined groups, then no answer */
export function inCodebookOrder<T extends Row>(rows: T[], ctx: SpecContext, variable: string, key = 'grp'): T[] {
  const order = codesOf(ctx.codebook, variable);
  const rank = (c: unknown) => (c === null || c === undefined ? order.length + 1 : order.includes(String(c)) ? order.indexOf(String(c)) : order.length);
  return rows.map((r, i) => [r, i] as const).sort((a, b) => rank(a[0][key]) - rank(b[0][key]) || a[1] - b[1]).map(([r]) => r);
}

/** the county/group label of a code */
export function codeLabel(ctx: SpecContext, variable: string, code: unknown): string {
  return labelOf(ctx.codebook, variable, code as string | number | null, ctx.lang);
}

/**
 * SQL over the protected aggregate table `groups` (docs/privacy.md): mean and 95% CI of a measure
 * from its published moments (n, Σx, Σx²), per group of `$group` within `$county` ('all' = the whole
 * survey). Withheld cells come back with NULL values and `withheld = true`.
 */
export function groupMomentsSQL(measureFilter: string, extraCols = ''): string {
  const mean = 'm_sum / m_n';
  const se = 'sqrt(greatest(m_sumsq - m_sum * m_sum / m_n, 0) / (m_n - 1)) / sqrt(m_n)';
  return `SELECT ${extraCols}grp, m_n AS n, ${mean} AS mean, ${mean} - 1.96 * ${se} AS lo, ${mean} + 1.96 * ${se} AS hi, withheld
FROM groups
WHERE scope = $county AND by_var = $group AND ${measureFilter}`;
}

/** SQL for the 95% Wilson interval of a proportion column `p` over `n` answers (one formula, used by every share figure). */
export function wilsonSQL(p: string, nColumn: string): string {
  // as DOUBLE: n is an integer column, and 4 * n * n overflows INT32 from n = 23,171 (training-barriers at 100k respondents)
  const n = `${nColumn}::DOUBLE`;
  const z2 = '1.96^2';
  const centre = `(${p} + ${z2} / (2 * ${n}))`;
  const half = `1.96 * sqrt(${p} * (1 - ${p}) / ${n} + ${z2} / (4 * ${n} * ${n}))`;
  return `(${centre} - ${half}) / (1 + ${z2} / ${n}) AS lo,\n       (${centre} + ${half}) / (1 + ${z2} / ${n}) AS hi`;
}

/**
 * SQL that turns columns into labelled rows (`SELECT 'label' AS <name>, <column> AS v FROM <from>`
 * joined by UNION ALL), with an `ord` column keeping the list order. Labels are escaped here, once.
 */
export function unpivotSQL(items: [column: string, label: string][], name: string, from: string, extra = ''): string {
  if (!items.length) return `  SELECT 0 AS ord, '' AS ${name}, ${extra ? extra + ', ' : ''}NULL::DOUBLE AS v FROM ${from} WHERE false`;
  return items
    .map(([c, l], i) => `  SELECT ${i} AS ord, '${l.replace(/'/g, "''")}' AS ${name}, ${extra ? extra + ', ' : ''}${c} AS v FROM ${from}`)
    .join('\n  UNION ALL\n');
}
