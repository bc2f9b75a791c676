import { zh } from './text.ts';
import type { FigureDef, Row, SpecContext } from '../../lib/figures/types.ts';
import { competencyLabel, dimensionLabel, COLORS } from '../../lib/figures/plot.ts';
import { codeLabel } from '../../lib/figures/charts.ts';
import { modelWeights, weightsSource } from '../../lib/model/ahp-judgements.ts';
import { PLAN } from '../../lib/model/plan.ts';
import { pathIn } from '../../i18n/index.ts';
import { figureQuery } from '../../lib/figures/state.ts';
import { figure as trainingPlan } from '../training-plan/figure.ts';

/**
 * The competency model, explorable: dimensions → competencies → survey items, each competency with its
 * AHP weight, mean proficiency, importance and gap, as a dot profile against the whole survey (the
 * benchmark) when a county is chosen, and the training its gap calls for. Reads the protected table
 * groups.parquet (docs/privacy.md), so a county's values are suppressed exactly as elsewhere.
 * An HTML table (static at build time, re-queried on interaction): readable by screen readers, links work.
 */
export const figure: FigureDef = {
  id: 'competency-model',
  zh,
  title: 'The competency model: weights, proficiency, importance and gaps, from dimension to survey item',
  caption:
    'Five dimensions, fifteen competencies. For each: its AHP weight (share of the whole model), the mean proficiency (blue dot) and importance for the job (orange dot) on the 1–5 scale, and the gap between them; with a county chosen, the ring marks the whole survey\'s proficiency (the benchmark). Choose a dimension to see the survey items behind its competencies and the training each gap calls for.',
  alt: 'Table of the competency model: dimensions and competencies with weights, a dot profile of proficiency and importance, the gap, and the matching training.',
  source: `${weightsSource('en')}; scores: groups.parquet (measures gap_* and impg_*: importance and proficiency of the respondents who rated both), with small-cell and complementary suppression.`,
  params: [
    { name: 'dimension', label: 'Dimension', kind: 'dimension', default: 'all' },
    { name: 'county', label: 'County', kind: 'county', default: 'all' },
  ],
  sql: `WITH t AS (
  SELECT scope, measure, m_n, m_sum, withheld FROM groups
  WHERE by_var = '_total' AND (scope = 'all' OR scope = $county) AND (measure LIKE 'gap_%' OR measure LIKE 'impg_%')
)
SELECT substr(g.measure, 5) AS competency,
       g.m_n::INTEGER AS n,
       i.m_sum / i.m_n - g.m_sum / g.m_n AS proficiency,
       i.m_sum / i.m_n AS importance,
       g.m_sum / g.m_n AS gap,
       bi.m_sum / bi.m_n - bg.m_sum / bg.m_n AS bench_proficiency,
       bg.m_sum / bg.m_n AS bench_gap,
       (g.withheld OR i.withheld) AS withheld
FROM t g
JOIN t i ON i.scope = g.scope AND i.measure = 'impg_' || substr(g.measure, 5)
JOIN t bg ON bg.scope = 'all' AND bg.measure = g.measure
JOIN t bi ON bi.scope = 'all' AND bi.measure = i.measure
WHERE g.scope = $county AND g.measure LIKE 'gap_%'
ORDER BY competency`,
  columns: [
    { key: 'competency', label: 'Competency', labelOf: 'competency' },
    { key: 'n', label: 'n' },
    { key: 'proficiency', label: 'Proficiency', digits: 2 },
    { key: 'importance', label: 'Importance', digits: 2 },
    { key: 'gap', label: 'Gap', digits: 2 },
    { key: 'bench_proficiency', label: 'Proficiency, whole survey', digits: 2 },
    { key: 'bench_gap', label: 'Gap, whole survey', digits: 2 },
  ],
  keys: ['competency'],
  nMode: 'max',
  kind: 'table',
  measures: ['proficiency', 'importance', 'gap'],
  spec(rows, ctx) {
    const d = ctx.document;
    const w = modelWeights();
    const byId = new Map(rows.map((r) => [r.competency, r]));
    const county = ctx.params.county && ctx.params.county !== 'all' ? ctx.params.county : null;
    const chosen = ctx.params.dimension && ctx.params.dimension !== 'all' ? ctx.params.dimension : null;
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const f2 = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(2) : '—');
    const el = (tag: string, attrs: Record<string, string> = {}, text?: string) => {
      const e = d.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      if (text !== undefined) e.textContent = text;
      return e;
    };
    const add = (parent: Element, ...kids: (Element | string)[]) => {
      for (const k of kids) parent.appendChild(typeof k === 'string' ? d.createTextNode(k) : k);
      return parent;
    };
    /** a link that reopens this figure with other parameters (the page restores them from the URL) */
    const selfLink = (params: Record<string, string>, text: string) => {
      return el('a', { href: `${figureQuery(figure, { ...ctx.params, ...params })}#competency-model` }, text);
    };
    const wrap = el('div', { class: 'model-explorer' });
    const nav = el('p', { class: 'model-level' });
    if (chosen) add(nav, selfLink({ dimension: 'all' }, ctx.t('All dimensions')), ' › ', el('strong', {}, dimensionLabel(ctx, chosen)));
    else add(nav, el('strong', {}, ctx.t('All dimensions')), ' › ', ctx.t('choose a dimension to see its survey items and training'));
    const zhp = ctx.lang === 'zh';
    add(nav, ' · ', county ? `${ctx.t('County')}${zhp ? '：' : ': '}${codeLabel(ctx, 'county', county)}${zhp ? '（' : ' ('}${ctx.t('ring: whole survey')}${zhp ? '）' : ')'}` : ctx.t('Whole survey'));
    wrap.appendChild(nav);

    const table = el('table');
    const head = el('tr');
    for (const h of ['Dimension / competency', 'Weight', 'Profile: proficiency → importance (1–5)', 'Gap'])
      head.appendChild(el('th', { scope: 'col' }, ctx.t(h)));
    add(table, add(el('thead'), head));
    const body = el('tbody');
    const ncol = 4;
    const dims = chosen ? w.dimensions.filter((x) => x.id === chosen) : w.dimensions;
    for (const dim of dims) {
      const comps = w.competencies.filter((c) => c.dimension === dim.id);
      const shown = comps.map((c) => byId.get(c.id)).filter((r): r is Row => !!r && !r.suppressed);
      const avg = (k: string) => (shown.length ? shown.reduce((s, r) => s + r[k], 0) / shown.length : NaN);
      const tr = el('tr', { class: 'dimension', 'data-dimension': dim.id });
      const th = el('th', { scope: 'rowgroup' });
      add(th, chosen ? dimensionLabel(ctx, dim.id) : selfLink({ dimension: dim.id }, dimensionLabel(ctx, dim.id)));
      add(tr, th, el('td', { class: 'num' }, pct(dim.weight)), add(el('td'), profile(ctx, avg('proficiency'), avg('importance'), county ? avg('bench_proficiency') : NaN)), el('td', { class: 'num' }, f2(avg('gap'))));
      body.appendChild(tr);
      for (const c of comps) {
        const r = byId.get(c.id);
        const row = el('tr', { class: 'competency', 'data-competency': c.id });
        add(row, el('th', { scope: 'row' }, competencyLabel(ctx, c.id)), el('td', { class: 'num' }, pct(c.global)));
        if (!r) add(row, el('td', { colspan: String(ncol - 2) }, ctx.t('not measured in this survey')));
        else if (r.suppressed) add(row, el('td', { colspan: String(ncol - 2) }, ctx.t('suppressed (fewer than k respondents)')));
        else {
          const gapCell = el('td', { class: 'num' }, f2(r.gap));
          if (county) add(gapCell, el('span', { class: 'bench' }, ` (${f2(r.bench_gap)})`));
          add(row, add(el('td'), profile(ctx, r.proficiency, r.importance, county ? r.bench_proficiency : NaN)), gapCell);
        }
        body.appendChild(row);
        if (chosen) {
          // the survey items behind the competency (its proficiency scale, as asked)
          const cb = ctx.codebook.competencies.find((x) => x.id === c.id);
          const scale = cb && ctx.codebook.scales.find((s) => s.id === cb.proficiency);
          const items = scale ? (scale.absent ? [] : scale.asked ?? scale.items) : [];
          for (const it of items) {
            const v = ctx.codebook.variables.find((x) => x.name === it);
            const ir = el('tr', { class: 'item' });
            add(ir, add(el('td', { colspan: String(ncol), class: 'item' }), `${ctx.t('Item')} `, el('code', {}, it), `${ctx.lang === 'zh' ? '：' : ': '}${v?.wording?.[ctx.lang] ?? v?.label[ctx.lang] ?? it}`));
            body.appendChild(ir);
          }
          // the training the gap calls for (src/lib/model/plan.ts), and the county's plan
          if (r && !r.suppressed) {
            const p = PLAN[c.id];
            const plan = el('td', { colspan: String(ncol), class: 'training' });
            add(plan, el('strong', {}, ctx.t('Training the gap calls for')), ctx.lang === 'zh' ? '：' : ': ');
            if (p) add(plan, ctx.t(p.content), ' · ', ctx.t(p.format), ' ');
            // another page: the county is written even when it is the plan's default (that page may open the plan elsewhere)
            const q = county ? figureQuery(trainingPlan, { county }, {}) : '';
            add(plan, el('a', { href: `${pathIn(ctx.lang, '/chapters/08-recommendations/')}${q}#training-plan` }, ctx.t('→ training plan')));
            body.appendChild(add(el('tr', { class: 'training', 'data-training': c.id }), plan));
          }
        }
      }
    }
    table.appendChild(body);
    wrap.appendChild(el('div', { class: 'explorer-wrap', tabindex: '0' }));
    wrap.lastChild!.appendChild(table);
    const legend = el('p', { class: 'note' });
    add(legend, legendDot(ctx, COLORS.proficiency), ` ${ctx.t('Proficiency')}  `, legendDot(ctx, COLORS.importance), ` ${ctx.t('Importance')}`);
    if (county) add(legend, '  ', legendRing(ctx), ` ${ctx.t('Proficiency, whole survey')}${ctx.lang === 'zh' ? '；' : '; '}${ctx.t('gap of the whole survey in brackets')}`);
    add(legend, ctx.lang === 'zh' ? '。' : '. ', ctx.t('Dimension rows: the mean of their competencies shown.'));
    wrap.appendChild(legend);
    return wrap as unknown as Element;
  },
};

const SVG = 'http://www.w3.org/2000/svg';
/** a 1–5 dot profile: proficiency and importance dots joined by the gap, the benchmark as a ring */
function profile(ctx: SpecContext, pro: number, imp: number, bench: number): Element {
  const d = ctx.document;
  const W = 150, H = 18, x = (v: number) => 6 + ((v - 1) / 4) * (W - 12);
  const s = d.createElementNS(SVG, 'svg');
  s.setAttribute('viewBox', `0 0 ${W} ${H}`);
  s.setAttribute('width', String(W));
  s.setAttribute('height', String(H));
  s.setAttribute('aria-hidden', 'true');
  s.setAttribute('class', 'dot-profile');
  const node = (tag: string, attrs: Record<string, string | number>) => {
    const e = d.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    s.appendChild(e);
  };
  node('line', { x1: x(1), x2: x(5), y1: H / 2, y2: H / 2, stroke: 'currentColor', 'stroke-opacity': 0.2 });
  for (const t of [1, 2, 3, 4, 5]) node('line', { x1: x(t), x2: x(t), y1: H / 2 - 3, y2: H / 2 + 3, stroke: 'currentColor', 'stroke-opacity': 0.3 });
  if (Number.isFinite(pro) && Number.isFinite(imp)) node('line', { x1: x(pro), x2: x(imp), y1: H / 2, y2: H / 2, stroke: COLORS.gap, 'stroke-width': 3, 'stroke-opacity': 0.6 });
  if (Number.isFinite(bench)) node('circle', { cx: x(bench), cy: H / 2, r: 6, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5 });
  if (Number.isFinite(pro)) node('circle', { cx: x(pro), cy: H / 2, r: 4.5, fill: COLORS.proficiency });
  if (Number.isFinite(imp)) node('circle', { cx: x(imp), cy: H / 2, r: 4.5, fill: COLORS.importance });
  const wrap = d.createElement('span');
  wrap.setAttribute('class', 'profile');
  wrap.appendChild(s);
  const nums = d.createElement('span');
  nums.setAttribute('class', 'profile-nums');
  nums.textContent = Number.isFinite(pro) ? `${pro.toFixed(2)} → ${imp.toFixed(2)}` : '—';
  wrap.appendChild(nums);
  return wrap;
}

function legendDot(ctx: SpecContext, color: string): Element {
  const e = ctx.document.createElement('span');
  e.setAttribute('class', 'legend-dot');
  e.setAttribute('style', `color:${color}`);
  e.setAttribute('aria-hidden', 'true');
  e.textContent = '●';
  return e;
}
function legendRing(ctx: SpecContext): Element {
  const e = ctx.document.createElement('span');
  e.setAttribute('aria-hidden', 'true');
  e.textContent = '○';
  return e;
}
