/**
 * The comparison explorer's view as HTML, from the aggregate table and one state object. The same
 * function renders the static page at build time and every update in the browser; the CSV export
 * reads the same numbers. One statistical story throughout (src/lib/compare/stats.ts): the benchmark
 * is the survey mean; differences from it are in the measure's own units, with intervals adjusted
 * for the measures compared per group, and a verdict says "different" exactly when its interval
 * excludes zero.
 */
import type { CompareData, GroupAgg } from './aggregate.ts';
import type { Measure } from './measures.ts';
import { describe, nearest, versusBenchmark, waveChange } from './stats.ts';
import { caterpillarSVG, rankRows } from './caterpillar.ts';
import { fmtNumber, fmtPercent, href, t, type Lang } from '../../i18n/index.ts';

export interface CompareState { by: string; groups: string[]; sort: string; dir: 'asc' | 'desc' }
export type Labeller = (variable: string, code: string | null) => string;

export const MAX_GROUPS = 6;
/** share of a group's or a breakdown's respondents whose answers may be missing before the page says so */
export const WITHHELD_NOTE = 0.05;

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
let lang: Lang = 'en';
export const fmtValue = (m: Measure, v: number, l: Lang = lang) => (m.percent ? fmtPercent(l, v, m.digits) : fmtNumber(l, v, m.digits));
/** a signed number; one that rounds to zero has no sign ("0.0", never "−0.0" or "+0.0") */
const signed = (l: Lang, v: number, digits: number) => {
  const mag = Math.abs(v);
  const sign = Number(mag.toFixed(digits)) === 0 ? '' : v > 0 ? '+' : '−';
  return `${sign}${fmtNumber(l, mag, digits)}`;
};
export const fmtDiff = (m: Measure, v: number, l: Lang = lang, unit = true) =>
  m.percent ? `${signed(l, v * 100, 1)}${unit ? `${l === 'zh' ? '' : ' '}${t(l, 'compare.pts')}` : ''}` : signed(l, v, 2);
/** an interval of differences: the unit (percentage points) once, after the bracket */
/** the interval of a difference, without a unit: it always follows the difference, which carries it ("−4.6 pts [−8.2, −1.0]") */
export const fmtInterval = (m: Measure, lo: number, hi: number, l: Lang = lang) => `[${fmtDiff(m, lo, l, false)}, ${fmtDiff(m, hi, l, false)}]`;
/** a measure's name and section in the page's language */
const mLabel = (m: Measure) => m.label[lang] ?? m.label.en;
const mSection = (m: Measure) => m.section[lang] ?? m.section.en;

/** shown (not withheld) groups of a breakdown, in the data's (codebook) order */
const shownGroups = (data: CompareData, by: string) => data.groups.filter((g) => g.by === by && g.value !== null && !g.suppressed);

/** The default view: the first breakdown, its first three groups that are shown; sorted by the first measure. */
export function defaultState(data: CompareData, by?: string): CompareState {
  const bys = [...new Set(data.groups.map((g) => g.by))];
  const b = by ?? (bys.includes('county') ? 'county' : bys[0] ?? 'county');
  const sort = data.measures.some((m) => m.id === 'turnover') ? 'turnover' : data.measures[0]?.id ?? 'n';
  return { by: b, groups: shownGroups(data, b).slice(0, 3).map((g) => g.value!), sort, dir: 'desc' };
}

export function parseState(search: string, data: CompareData): { state: CompareState; rejected: string[]; duplicates: string[]; dropped: string[]; tooFew: boolean } {
  const sp = new URLSearchParams(search);
  const rejected: string[] = [];
  const bys = [...new Set(data.groups.map((g) => g.by))];
  const fallback = defaultState(data);
  let by = sp.get('by') ?? fallback.by;
  if (!bys.includes(by)) { rejected.push(`by=${by}`); by = fallback.by; }
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
  if (groups.length === 0) groups = defaultState(data, by).groups;
  const tooFew = groups.length < 2;
  let sort = sp.get('sort') ?? fallback.sort;
  if (!data.measures.some((m) => m.id === sort) && sort !== 'n' && sort !== 'label') { rejected.push(`sort=${sort}`); sort = fallback.sort; }
  const rawDir = sp.get('dir');
  if (rawDir !== null && rawDir !== 'asc' && rawDir !== 'desc') rejected.push(`dir=${rawDir}`);
  const dir = rawDir === 'asc' ? 'asc' : 'desc';
  return { state: { by, groups, sort, dir }, rejected, duplicates, dropped, tooFew };
}

export function stateToSearch(s: CompareState): string {
  return `?by=${encodeURIComponent(s.by)}&g=${s.groups.map(encodeURIComponent).join(',')}&sort=${s.sort}&dir=${s.dir}`;
}

export type Verdict = 'higher' | 'lower' | 'none';
export interface Cell { group: GroupAgg; measure: Measure; n: number; mean: number; lo: number; hi: number; benchmark: number; diff: number; dlo: number; dhi: number; p: number; pAdj: number; family: number; verdict: Verdict }

/** Every measure of one group against the survey mean, adjusted over the measures compared for this group. */
export function groupCells(data: CompareData, g: GroupAgg): Cell[] {
  if (g.suppressed) return [];
  const ms = data.measures.filter((m) => {
    const gm = g.measures[m.id], om = data.overall.measures[m.id];
    return gm && om && gm.n >= 2 && om.n - gm.n >= 2;
  });
  return ms.map((m) => {
    const gm = g.measures[m.id]!, om = data.overall.measures[m.id]!;
    const d = describe(gm);
    const v = versusBenchmark(gm, om, ms.length);
    const verdict: Verdict = v.lo > 0 ? 'higher' : v.hi < 0 ? 'lower' : 'none';
    return { group: g, measure: m, n: gm.n, mean: d.mean, lo: d.lo, hi: d.hi, benchmark: v.benchmark, diff: v.diff, dlo: v.lo, dhi: v.hi, p: v.p, pAdj: v.pAdj, family: v.family, verdict };
  });
}

export function comparisons(data: CompareData, state: CompareState): Cell[] {
  return state.groups.flatMap((code) => {
    const g = data.groups.find((x) => x.by === state.by && x.value === code);
    return g ? groupCells(data, g) : [];
  });
}

export function words(c: Cell, l: Lang = lang): string {
  if (c.verdict === 'none') return t(l, 'compare.noDiff');
  const dir = t(l, c.verdict === 'higher' ? 'compare.higher' : 'compare.lower');
  if (c.measure.higherIsBetter === null) return t(l, 'compare.wordsNeutral', { dir });
  const better = (c.verdict === 'higher') === c.measure.higherIsBetter;
  return t(l, 'compare.words', { dir, verdict: t(l, better ? 'compare.better' : 'compare.worse') });
}

/** The plain-words method note, shown beside the results and printed. */
export function methodNote(data: CompareData, l: Lang): string {
  return t(l, 'compare.method', { n: data.overall.n, k: data.k });
}

/** the share of a breakdown's respondents in no group shown on its own (withheld, combined or no answer) */
export function unshownShare(data: CompareData, by: string): number {
  const shown = shownGroups(data, by).reduce((s, g) => s + g.n, 0);
  return data.overall.n ? 1 - shown / data.overall.n : 0;
}

function caterpillars(data: CompareData, state: CompareState, label: Labeller): string {
  const groups = shownGroups(data, state.by);
  const cells = new Map(groups.map((g) => [g, groupCells(data, g)]));
  const figs: string[] = [];
  for (const m of data.measures) {
    const om = data.overall.measures[m.id];
    if (!om) continue;
    const rows = groups.flatMap((g) => {
      const c = cells.get(g)!.find((x) => x.measure === m);
      // drawn around the mean: the adjusted interval of the difference, so crossing the line = "no clear difference"
      return c ? [{ code: g.value!, label: label(state.by, g.value), mean: c.mean, lo: c.mean - (c.diff - c.dlo), hi: c.mean + (c.dhi - c.diff), chosen: state.groups.includes(g.value!), verdict: c.verdict }] : [];
    });
    if (!rows.length) continue;
    const svg = caterpillarSVG({ id: m.id, title: t(lang, 'compare.chartAlt', { measure: mLabel(m) }), rows, benchmark: describe(om).mean, benchmarkLabel: t(lang, 'compare.benchShort'), fmt: (v) => fmtValue(m, v), ...(m.percent ? { bounds: [0, 1] as [number, number] } : {}) });
    figs.push(`<figure class="multiple" data-measure="${m.id}"><figcaption>${esc(mLabel(m))}${m.higherIsBetter === null ? '' : ` <span class="muted">${t(lang, m.higherIsBetter ? 'compare.higherBetter' : 'compare.lowerBetter')}</span>`}</figcaption>${svg}</figure>`);
  }
  return figs.join('');
}

export function renderCompare(data: CompareData, state: CompareState, label: Labeller, competencyLabel: (id: string) => string, language: Lang = 'en'): string {
  lang = language;
  const parts: string[] = [];
  parts.push(`<div class="compare-method" role="note"><strong>${t(lang, 'compare.methodTitle')}</strong> ${methodNote(data, lang)}</div>`);
  const unshown = unshownShare(data, state.by);
  if (unshown > WITHHELD_NOTE) parts.push(`<p class="withheld-note" role="note">${t(lang, 'compare.viewWithheld', { share: fmtPercent(lang, unshown, 0) })}</p>`);
  if (!data.measures.length) {
    parts.push(`<p class="empty-note" role="note">${t(lang, 'compare.noMeasures')}</p>`);
    return parts.join('');
  }
  parts.push(`<section class="compare-chart"><h2>${t(lang, 'compare.chartTitle')}</h2><p class="legend">${t(lang, 'compare.chartLegend')}</p><div class="multiples">${caterpillars(data, state, label)}</div></section>`);
  parts.push(`<h2>${t(lang, 'compare.sideBySide')}</h2>`);
  if (state.groups.length < 2) parts.push(`<p class="empty-note" role="note">${t(lang, 'compare.pickTwo')}</p>`);
  parts.push('<div class="compare-groups">');
  for (const code of state.groups) {
    const g = data.groups.find((x) => x.by === state.by && x.value === code);
    const name = label(state.by, code);
    // a county links to its one-page brief
    const title = state.by === 'county' && g && !g.suppressed ? `<a href="${href(lang, `/compare/county/${encodeURIComponent(code)}/`)}">${esc(name)}</a>` : esc(name);
    parts.push(`<section class="compare-group" data-group="${esc(code)}"><h3>${title}</h3>`);
    if (!g || g.suppressed) {
      parts.push(`<p class="suppressed-group">${t(lang, 'compare.suppressedGroup', { k: data.k })}</p></section>`);
      continue;
    }
    parts.push(`<p class="n">${t(lang, 'compare.nLine', { n: g.n })}</p>`);
    const cells = groupCells(data, g);
    let section = '';
    // one tbody per measure: its name across the card, then its numbers (narrow cards stay readable)
    parts.push(`<table class="compare-table"><thead><tr>${(['compare.thMean', 'compare.thDiff', 'compare.thWords'] as const).map((k) => `<th scope="col">${t(lang, k)}</th>`).join('')}</tr></thead>`);
    for (const m of data.measures) {
      if (mSection(m) !== section) {
        section = mSection(m);
        parts.push(`<tbody class="section"><tr><th colspan="3" scope="rowgroup">${esc(section)}</th></tr></tbody>`);
      }
      const c = cells.find((x) => x.measure === m);
      parts.push(`<tbody class="measure"><tr class="mname"><th colspan="3" scope="rowgroup">${esc(mLabel(m))}</th></tr>`);
      if (!c) {
        parts.push(`<tr data-measure="${m.id}"><td colspan="3">${t(lang, 'compare.suppressedMeasure', { k: data.k })}</td></tr></tbody>`);
        continue;
      }
      const missing = (g.n - c.n) / g.n;
      const few = missing > WITHHELD_NOTE ? ` <span class="answers-note">${t(lang, 'compare.answersFrom', { a: c.n, n: g.n })}</span>` : '';
      parts.push(
        `<tr data-measure="${m.id}" data-verdict="${c.verdict}" class="${c.verdict !== 'none' ? 'significant' : ''}"><td data-mean="${c.mean}">${fmtValue(m, c.mean)}${few}</td>` +
          `<td data-diff="${c.diff}" data-lo="${c.dlo}" data-hi="${c.dhi}">${fmtDiff(m, c.diff)} <span class="ci">${fmtInterval(m, c.dlo, c.dhi)}</span></td><td class="words">${esc(words(c))}</td></tr></tbody>`,
      );
    }
    parts.push('</table>');
    if (g.borich?.length) {
      parts.push(`<h4>${t(lang, 'compare.borich')}</h4><ol class="borich">${g.borich.slice(0, 5).map((b) => `<li>${esc(competencyLabel(b.competency))}<span class="muted">${lang === 'zh' ? '（' : ' ('}MWDS ${b.mwds.toFixed(2)}${lang === 'zh' ? '）' : ')'}</span></li>`).join('')}</ol>`);
    }
    const near = similarGroups(data, g, 3);
    if (near.length) parts.push(`<p class="peers"><strong>${t(lang, 'compare.peers')}</strong> ${near.map((n) => `<a href="?by=${state.by}&amp;g=${esc(code)},${esc(n.item.value)}">${esc(label(state.by, n.item.value))}</a>${lang === 'zh' ? '（' : ' ('}${t(lang, 'compare.distance', { d: n.distance.toFixed(2) })}${lang === 'zh' ? '）' : ')'}`).join(lang === 'zh' ? '；' : ', ')}</p>`);
    parts.push('</section>');
  }
  parts.push('</div>');
  parts.push(renderChange(data, state, label));
  parts.push(renderRanking(data, state, label));
  return parts.join('');
}

export interface ChangeCell { measure: Measure; previous: number; latest: number; diff: number; lo: number; hi: number; pAdj: number; verdict: Verdict }
export type CountyChange =
  | { kind: 'one-wave'; years: string[] }
  | { kind: 'suppressed'; years: [string, string] }
  | { kind: 'change'; years: [string, string]; cells: ChangeCell[] };

/** a county's change from its previous wave to its latest, per measure, adjusted over the measures compared */
export function countyChange(data: CompareData, code: string): CountyChange {
  const years = data.waves.years[code] ?? [];
  if (years.length < 2) return { kind: 'one-wave', years };
  const pair: [string, string] = [years[years.length - 2], years[years.length - 1]];
  const [prev, latest] = pair.map((y) => data.waves.byCounty.find((g) => g.by === code && g.value === y));
  if (!prev || !latest || prev.suppressed || latest.suppressed) return { kind: 'suppressed', years: pair };
  const ms = data.measures.filter((m) => (prev.measures[m.id]?.n ?? 0) >= 2 && (latest.measures[m.id]?.n ?? 0) >= 2);
  const cells = ms.map((m) => {
    const c = waveChange(prev.measures[m.id]!, latest.measures[m.id]!, ms.length);
    const verdict: Verdict = c.lo > 0 ? 'higher' : c.hi < 0 ? 'lower' : 'none';
    return { measure: m, previous: describe(prev.measures[m.id]!).mean, latest: describe(latest.measures[m.id]!).mean, diff: c.diff, lo: c.lo, hi: c.hi, pAdj: c.pAdj, verdict };
  });
  return { kind: 'change', years: pair, cells };
}

/** all waves of the survey, oldest first */
export const surveyWaves = (data: CompareData) => [...new Set(Object.values(data.waves.years).flat())].sort();

function renderChange(data: CompareData, state: CompareState, label: Labeller): string {
  const waves = surveyWaves(data);
  if (state.by !== 'county' || waves.length < 2) return '';
  const parts = [`<section class="change"><h2>${t(lang, 'compare.changeTitle')}</h2><p>${t(lang, 'compare.changeWaves', { count: waves.length, years: waves.join(lang === 'zh' ? '、' : ', ') })}</p>`];
  for (const code of state.groups) {
    const name = esc(label('county', code));
    const ch = countyChange(data, code);
    if (ch.kind === 'one-wave') parts.push(`<p class="change-none" data-group="${esc(code)}">${t(lang, 'compare.changeOneWave', { county: name, years: ch.years.join(lang === 'zh' ? '、' : ', ') || '—' })}</p>`);
    else if (ch.kind === 'suppressed') parts.push(`<p class="change-none" data-group="${esc(code)}">${t(lang, 'compare.changeSuppressed', { county: name, k: data.k })}</p>`);
    else {
      parts.push(`<h3>${name}</h3><table class="change-table" data-group="${esc(code)}"><thead><tr><th scope="col">${t(lang, 'compare.thMeasureChange')}</th><th scope="col">${ch.years[0]}</th><th scope="col">${ch.years[1]}</th><th scope="col">${t(lang, 'compare.thChange')}</th><th scope="col">${t(lang, 'compare.thWords')}</th></tr></thead><tbody>`);
      for (const c of ch.cells) {
        const cell = { measure: c.measure, verdict: c.verdict } as Cell;
        parts.push(`<tr data-measure="${c.measure.id}" data-verdict="${c.verdict}"><th scope="row">${esc(mLabel(c.measure))}</th><td>${fmtValue(c.measure, c.previous)}</td><td>${fmtValue(c.measure, c.latest)}</td><td data-diff="${c.diff}" data-lo="${c.lo}" data-hi="${c.hi}">${fmtDiff(c.measure, c.diff)} <span class="ci">${fmtInterval(c.measure, c.lo, c.hi)}</span></td><td class="words">${esc(words(cell))}</td></tr>`);
      }
      parts.push('</tbody></table>');
    }
  }
  parts.push('</section>');
  return parts.join('');
}

/** the groups of the same breakdown nearest by competency profile (proficiency per dimension) */
export function similarGroups(data: CompareData, g: GroupAgg, count: number) {
  const dims = data.measures.filter((m) => m.id.startsWith('dim_'));
  if (!dims.length) return [];
  const profile = (x: GroupAgg) => dims.map((m) => (x.measures[m.id] ? describe(x.measures[m.id]!).mean : NaN));
  const peers = data.groups.filter((x) => x.by === g.by && x !== g && !x.suppressed && x.value !== null && profile(x).every(Number.isFinite));
  if (!profile(g).every(Number.isFinite)) return [];
  return nearest(profile(g), peers.map((x) => ({ item: x, profile: profile(x) })), count);
}

export function rankingRows(data: CompareData, state: CompareState) {
  const rows = data.groups.filter((g) => g.by === state.by).map((g) => ({ g, values: Object.fromEntries(data.measures.map((m) => [m.id, g.measures[m.id] ? describe(g.measures[m.id]!).mean : null])) }));
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
  // the sorted measure comes first, so the column the rows are ordered by is always in view
  const cols = [...data.measures.filter((m) => m.id === state.sort), ...data.measures.filter((m) => m.id !== state.sort)];
  const sortHead = (key: string, text: string) => `<th scope="col" aria-sort="${state.sort === key ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none'}"><button type="button" data-sort="${key}">${text}${state.sort === key ? (state.dir === 'asc' ? ' ▲' : ' ▼') : ''}</button></th>`;
  const head = [sortHead('label', t(lang, 'compare.group')), sortHead('n', 'n'), ...cols.map((m) => sortHead(m.id, esc(mLabel(m))))].join('');
  const body = rankingRows(data, state)
    .map(({ g, values }) => `<tr data-group="${esc(g.value)}"><th scope="row">${esc(label(state.by, g.value))}</th><td>${g.suppressed ? `&lt;${data.k}` : g.n}</td>${cols.map((m) => `<td data-measure="${m.id}">${values[m.id] === null ? t(lang, 'figure.suppressedCell') : fmtValue(m, values[m.id]!)}</td>`).join('')}</tr>`)
    .join('');
  return `<section class="ranking"><h2>${t(lang, 'compare.ranking')}</h2><button type="button" class="table-toggle" aria-expanded="false" aria-controls="ranking-body">${t(lang, 'compare.showTable')}</button><div id="ranking-body" class="ranking-body collapsed"><p>${t(lang, 'compare.clickSort')}</p><div tabindex="0" class="table-wrap" role="region" aria-label="${t(lang, 'compare.ranking')}"><table id="ranking-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div></div></section>`;
}

/** the order the caterpillar chart draws a measure in (highest mean first), for tests and the brief */
export function caterpillarOrder(data: CompareData, by: string, measure: string): string[] {
  const rows = shownGroups(data, by).flatMap((g) => (g.measures[measure] && g.measures[measure]!.n >= 2 ? [{ code: g.value!, mean: describe(g.measures[measure]!).mean }] : []));
  return rankRows(rows).map((r) => r.code);
}

export function compareCSV(data: CompareData, state: CompareState, label: Labeller): string {
  const lines = ['group,measure,n,mean,ci_low,ci_high,benchmark_survey_mean,diff_from_benchmark,diff_adj_ci_low,diff_adj_ci_high,p_bonferroni,family,verdict'];
  for (const c of comparisons(data, state)) {
    lines.push([JSON.stringify(label(state.by, c.group.value)), c.measure.id, c.n, c.mean, c.lo, c.hi, c.benchmark, c.diff, c.dlo, c.dhi, c.pAdj, c.family, c.verdict].join(','));
  }
  for (const code of state.groups) {
    const g = data.groups.find((x) => x.by === state.by && x.value === code);
    if (!g || g.suppressed) lines.push([JSON.stringify(label(state.by, code)), 'all', '', '', '', '', '', '', '', '', '', '', 'suppressed'].join(','));
  }
  return lines.join('\n') + '\n';
}
