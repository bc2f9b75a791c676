/**
 * The comparison explorer's view as HTML, from the aggregate table and one state object. The same
 * function renders the static page at build time and every update in the browser; the CSV export
 * reads the same numbers.
 */
import type { CompareData, GroupAgg } from './aggregate.ts';
import { MEASURES, type Measure } from './measures.ts';
import { describe, holm, nearest, versusRest } from './stats.ts';
import { fmtNumber, fmtPercent, t, type Lang } from '../../i18n/index.ts';

export interface CompareState { by: string; groups: string[]; sort: string; dir: 'asc' | 'desc' }
export type Labeller = (variable: string, code: string | null) => string;

export const DEFAULT_STATE: CompareState = { by: 'county', groups: ['h_county', 'l_county', 'q_county'], sort: 'turnover', dir: 'desc' };
export const MAX_GROUPS = 6;

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
let lang: Lang = 'en';
const fmt = (m: Measure, v: number) => (m.percent ? fmtPercent(lang, v, m.digits) : fmtNumber(lang, v, m.digits));
const fmtDiff = (m: Measure, v: number) => (m.percent ? `${v >= 0 ? '+' : '−'}${fmtNumber(lang, Math.abs(v * 100), 1)}${lang === 'zh' ? '' : ' '}${t(lang, 'compare.pts')}` : `${v >= 0 ? '+' : '−'}${fmtNumber(lang, Math.abs(v), 2)}`);
/** a measure's name and section in the page's language */
const mLabel = (m: Measure) => (lang === 'zh' ? m.zh : m.label);
const mSection = (m: Measure) => (lang === 'zh' ? m.sectionZh : m.section);

export function parseState(search: string, data: CompareData): { state: CompareState; rejected: string[]; duplicates: string[]; dropped: string[]; tooFew: boolean } {
  const sp = new URLSearchParams(search);
  const rejected: string[] = [];
  const bys = [...new Set(data.groups.map((g) => g.by))];
  let by = sp.get('by') ?? DEFAULT_STATE.by;
  if (!bys.includes(by)) { rejected.push(`by=${by}`); by = DEFAULT_STATE.by; }
  const valid = data.groups.filter((g) => g.by === by && g.value !== null).map((g) => g.value!);
  const asked = sp.getAll('g').flatMap((x) => x.split(',')).filter(Boolean);
  const duplicates: string[] = [];
  let groups: string[] = [];
  for (const g of asked) {
    if (!valid.includes(g)) rejected.push(`g=${g}`);
    else if (groups.includes(g)) { if (!duplicates.includes(g)) duplicates.push(g); }
    else groups.push(g);
  }
  const dropped = groups.slice(MAX_GROUPS);
  groups = groups.slice(0, MAX_GROUPS);
  if (groups.length === 0) groups = by === DEFAULT_STATE.by ? DEFAULT_STATE.groups.filter((g) => valid.includes(g)) : valid.slice(0, 2);
  const tooFew = groups.length < 2;
  let sort = sp.get('sort') ?? DEFAULT_STATE.sort;
  if (!MEASURES.some((m) => m.id === sort) && sort !== 'n' && sort !== 'label') { rejected.push(`sort=${sort}`); sort = DEFAULT_STATE.sort; }
  const rawDir = sp.get('dir');
  if (rawDir !== null && rawDir !== 'asc' && rawDir !== 'desc') rejected.push(`dir=${rawDir}`);
  const dir = rawDir === 'asc' ? 'asc' : 'desc';
  return { state: { by, groups, sort, dir }, rejected, duplicates, dropped, tooFew };
}

export function stateToSearch(s: CompareState): string {
  return `?by=${encodeURIComponent(s.by)}&g=${s.groups.map(encodeURIComponent).join(',')}&sort=${s.sort}&dir=${s.dir}`;
}

interface Cell { group: GroupAgg; measure: Measure; mean: number; lo: number; hi: number; diff: number; dlo: number; dhi: number; p: number; pAdj: number }

export function comparisons(data: CompareData, state: CompareState): Cell[] {
  const cells: Omit<Cell, 'pAdj'>[] = [];
  for (const code of state.groups) {
    const g = data.groups.find((x) => x.by === state.by && x.value === code);
    if (!g || g.suppressed) continue;
    for (const m of MEASURES) {
      const gm = g.measures[m.id], om = data.overall.measures[m.id];
      if (!gm || !om || gm.n >= om.n) continue;
      const d = describe(gm);
      const v = versusRest(gm, om);
      cells.push({ group: g, measure: m, mean: d.mean, lo: d.lo, hi: d.hi, diff: v.restDiff, dlo: v.lo, dhi: v.hi, p: v.p });
    }
  }
  const adj = holm(cells.map((c) => c.p));
  return cells.map((c, i) => ({ ...c, pAdj: adj[i] }));
}

function words(c: Cell): string {
  if (!(c.pAdj < 0.05)) return t(lang, 'compare.noDiff');
  const higher = c.diff > 0;
  const better = higher === c.measure.higherIsBetter;
  return t(lang, 'compare.words', { dir: t(lang, higher ? 'compare.higher' : 'compare.lower'), verdict: t(lang, better ? 'compare.better' : 'compare.worse') });
}

export function renderCompare(data: CompareData, state: CompareState, label: Labeller, competencyLabel: (id: string) => string, language: Lang = 'en'): string {
  lang = language;
  const cells = comparisons(data, state);
  const parts: string[] = [];
  parts.push(`<p class="compare-note">${t(lang, 'compare.note', { count: cells.length, k: data.k })}</p>`);
  parts.push('<div class="compare-groups">');
  for (const code of state.groups) {
    const g = data.groups.find((x) => x.by === state.by && x.value === code);
    const name = label(state.by, code);
    parts.push(`<section class="compare-group" data-group="${esc(code)}"><h2>${esc(name)}</h2>`);
    if (!g || g.suppressed) {
      parts.push(`<p class="suppressed-group">${t(lang, 'compare.suppressedGroup', { k: data.k })}</p></section>`);
      continue;
    }
    parts.push(`<p class="n">${t(lang, 'compare.nLine', { n: g.n })}</p>`);
    let section = '';
    parts.push(`<div tabindex="0" class="table-wrap"><table class="compare-table"><thead><tr>${(['compare.thMeasure', 'compare.thMean', 'compare.thBench', 'compare.thDiff', 'compare.thP', 'compare.thWords'] as const).map((k) => `<th scope="col">${t(lang, k)}</th>`).join('')}</tr></thead><tbody>`);
    for (const m of MEASURES) {
      if (mSection(m) !== section) {
        section = mSection(m);
        parts.push(`<tr class="section"><th colspan="6" scope="rowgroup">${esc(section)}</th></tr>`);
      }
      const c = cells.find((x) => x.group === g && x.measure === m);
      const bench = data.overall.measures[m.id] ? describe(data.overall.measures[m.id]!).mean : NaN;
      if (!c) {
        parts.push(`<tr data-measure="${m.id}"><td>${esc(mLabel(m))}</td><td colspan="5">${t(lang, 'compare.suppressedMeasure', { k: data.k })}</td></tr>`);
        continue;
      }
      parts.push(
        `<tr data-measure="${m.id}" class="${c.pAdj < 0.05 ? 'significant' : ''}"><td>${esc(mLabel(m))}</td><td data-mean="${c.mean}">${fmt(m, c.mean)} [${fmt(m, c.lo)}, ${fmt(m, c.hi)}]</td><td>${fmt(m, bench)}</td>` +
          `<td>${fmtDiff(m, c.diff)} [${fmtDiff(m, c.dlo)}, ${fmtDiff(m, c.dhi)}]</td><td>${c.pAdj < 0.001 ? '&lt; 0.001' : c.pAdj.toFixed(3)}</td><td>${esc(words(c))}</td></tr>`,
      );
    }
    parts.push('</tbody></table></div>');
    if (g.borich?.length) {
      parts.push(`<h3>${t(lang, 'compare.borich')}</h3><ol class="borich">${g.borich.slice(0, 5).map((b) => `<li>${esc(competencyLabel(b.competency))} <span class="muted">(MWDS ${b.mwds.toFixed(2)})</span></li>`).join('')}</ol>`);
    }
    const dims = MEASURES.filter((m) => m.id.startsWith('dim_'));
    const profile = (x: GroupAgg) => dims.map((m) => (x.measures[m.id] ? describe(x.measures[m.id]!).mean : NaN));
    const peers = data.groups.filter((x) => x.by === state.by && x !== g && !x.suppressed && x.value !== null && profile(x).every(Number.isFinite));
    const near = nearest(profile(g), peers.map((x) => ({ item: x, profile: profile(x) })), 3);
    if (near.length) parts.push(`<p class="peers"><strong>${t(lang, 'compare.peers')}</strong> ${near.map((n) => `<a href="?by=${state.by}&amp;g=${esc(code)},${esc(n.item.value)}">${esc(label(state.by, n.item.value))}</a> (${t(lang, 'compare.distance', { d: n.distance.toFixed(2) })})`).join(lang === 'zh' ? '；' : ', ')}</p>`);
    parts.push('</section>');
  }
  parts.push('</div>');
  parts.push(renderRanking(data, state, label));
  return parts.join('');
}

export function rankingRows(data: CompareData, state: CompareState) {
  const rows = data.groups.filter((g) => g.by === state.by).map((g) => ({ g, values: Object.fromEntries(MEASURES.map((m) => [m.id, g.measures[m.id] ? describe(g.measures[m.id]!).mean : null])) }));
  const key = (r: (typeof rows)[number]) => (state.sort === 'n' ? r.g.n : state.sort === 'label' ? String(r.g.value) : r.values[state.sort]);
  return rows.sort((a, b) => {
    const x = key(a), y = key(b);
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const c = typeof x === 'string' ? x.localeCompare(String(y)) : (x as number) - (y as number);
    return state.dir === 'asc' ? c : -c;
  });
}

function renderRanking(data: CompareData, state: CompareState, label: Labeller): string {
  const head = [`<th scope="col"><button type="button" data-sort="label">${t(lang, 'compare.group')}</button></th>`, `<th scope="col"><button type="button" data-sort="n">n</button></th>`,
    ...MEASURES.map((m) => `<th scope="col" aria-sort="${state.sort === m.id ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none'}"><button type="button" data-sort="${m.id}">${esc(mLabel(m))}${state.sort === m.id ? (state.dir === 'asc' ? ' ▲' : ' ▼') : ''}</button></th>`)].join('');
  const body = rankingRows(data, state)
    .map(({ g, values }) => `<tr data-group="${esc(g.value)}"><th scope="row">${esc(label(state.by, g.value))}</th><td>${g.suppressed ? `&lt;${data.k}` : g.n}</td>${MEASURES.map((m) => `<td data-measure="${m.id}">${values[m.id] === null ? t(lang, 'figure.suppressedCell') : fmt(m, values[m.id]!)}</td>`).join('')}</tr>`)
    .join('');
  return `<section class="ranking"><h2>${t(lang, 'compare.ranking')}</h2><p>${t(lang, 'compare.clickSort')}</p><div tabindex="0" class="table-wrap"><table id="ranking-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div></section>`;
}

export function compareCSV(data: CompareData, state: CompareState, label: Labeller): string {
  const lines = ['group,measure,n,mean,ci_low,ci_high,benchmark,diff_from_rest,diff_ci_low,diff_ci_high,p_holm,significant'];
  for (const c of comparisons(data, state)) {
    const bench = describe(data.overall.measures[c.measure.id]!).mean;
    lines.push([JSON.stringify(label(state.by, c.group.value)), c.measure.id, c.group.measures[c.measure.id]!.n, c.mean, c.lo, c.hi, bench, c.diff, c.dlo, c.dhi, c.pAdj, c.pAdj < 0.05].join(','));
  }
  for (const code of state.groups) {
    const g = data.groups.find((x) => x.by === state.by && x.value === code);
    if (!g || g.suppressed) lines.push([JSON.stringify(label(state.by, code)), 'all', '', '', '', '', '', '', '', '', '', 'suppressed'].join(','));
  }
  return lines.join('\n') + '\n';
}
