/**
 * One state per figure (issue #13, point 2), as /compare/ has one (lib/compare/view.ts).
 *
 * A FigureState holds a figure's parameters, resolved against the codebook once, and the rows they
 * select. Everything a reader sees is derived from it by the pure functions below, which the build
 * (components/Figure.astro) and the browser (hydrate.ts) both call: the n / withheld / empty-selection
 * notes, the table, the download names and the URL. So the notes can never go stale after a re-query:
 * there is no second way to write them. The DOM is a view of the state; hydrate.ts turns DOM events
 * into a new state (withParam) and renders it.
 *
 * URLs carry a version per figure (`?<id>.v=2&<id>.<param>=…`), as OWID's grapher versions its query
 * strings: when a figure's parameters change (a parameter renamed, a value recoded), the figure
 * definition gains a migration step (`migrations`, types.ts) and links written before keep opening
 * the same view. Links without a version are version 1 (every link written before versioning).
 *
 * Pure and DOM-free: no document, no window, no fetch. Hostile input is refused and reported
 * (`rejected`), never thrown.
 */
import type { Codebook } from '../codebook/types.ts';
import type { FigureDef, FigureMigration, Row } from './types.ts';
import { controlOptions, resolveParams } from './options.ts';
import { tableHTML, totalN, withheldNote } from './rows.ts';
import { t, type Lang } from '../../i18n/index.ts';

/** which combinations of the frame controls (county, department, sample) have respondents (render-static.ts frameCombos) */
export interface Frame {
  params: string[];
  present: string[][];
}

export interface FigureState {
  readonly figureId: string;
  /** the figure's URL version (urlVersion), written into links */
  readonly version: number;
  /** every parameter of the figure, each one of the codebook's options */
  readonly params: Readonly<Record<string, string>>;
  /** the view the figure opens on (<Figure params>, else its defaults): a link leaves these values out */
  readonly opening: Readonly<Record<string, string>>;
  /** requested settings that were refused (`name=value`), to be reported; never acted on */
  readonly rejected: readonly string[];
  /** notes of the URL migrations that were applied to the link this state was read from */
  readonly migrated: readonly string[];
  /** the (suppressed) rows for `params`; undefined until queried; [] for a selection with no respondent */
  readonly rows?: readonly Row[];
}

/** the URL key, after `<figure id>.`, that carries the version; no figure may have a parameter of this name */
export const VERSION_KEY = 'v';

/** the figure's current URL version: 1, or the last migration step's `to` */
export function urlVersion(def: FigureDef): number {
  return Math.max(1, ...(def.migrations ?? []).map((m) => m.to));
}

/** Migration steps: a renamed parameter (an old link's value moves to the new name unless the new name is also given). */
export const renameParam =
  (from: string, to: string): FigureMigration['up'] =>
  (params) => {
    const { [from]: value, ...rest } = params;
    return value === undefined || rest[to] !== undefined ? rest : { ...rest, [to]: value };
  };

/** Migration steps: a recoded value of one parameter. */
export const renameValue =
  (param: string, from: string, to: string): FigureMigration['up'] =>
  (params) =>
    params[param] === from ? { ...params, [param]: to } : params;

/** The figure's state on a view: the opening view (resolved), plus any requested values (checked, refused ones reported). */
export function createState(def: FigureDef, cb: Codebook, opening: Record<string, string> = {}, requested: Record<string, string | undefined> = {}, rows?: Row[]): FigureState {
  const open = resolveParams(def, opening, cb).params;
  const { params, rejected } = resolveParams(def, requested, cb, open);
  return { figureId: def.id, version: urlVersion(def), params, opening: open, rejected: [...unknownKeys(def, requested), ...rejected], migrated: [], rows };
}

const unknownKeys = (def: FigureDef, requested: Record<string, string | undefined>) =>
  Object.entries(requested)
    .filter(([k, v]) => v !== undefined && !def.params.some((p) => p.name === k))
    .map(([k, v]) => `${k}=${v}`);

/** The raw `<id>.*` settings of a link, its version (unversioned = 1), and what was wrong with the version. */
export function readURL(def: FigureDef, search: string): { version: number; raw: Record<string, string>; rejected: string[] } {
  // no prototype: a key such as `__proto__` is a key like any other (and is refused as unknown)
  const raw: Record<string, string> = Object.create(null);
  const rejected: string[] = [];
  let sp: URLSearchParams;
  try {
    sp = new URLSearchParams(search);
  } catch {
    return { version: 1, raw, rejected };
  }
  for (const [key, value] of sp) if (key.startsWith(def.id + '.')) raw[key.slice(def.id.length + 1)] = value;
  const current = urlVersion(def);
  let version = 1;
  const v = raw[VERSION_KEY];
  delete raw[VERSION_KEY];
  if (v !== undefined) {
    if (/^[1-9][0-9]{0,5}$/.test(v) && Number(v) <= current) version = Number(v);
    else {
      rejected.push(`${VERSION_KEY}=${v}`);
      // a link from a newer site than this one: read it as the current version; garbage: as an old, unversioned link
      if (/^[1-9][0-9]{0,5}$/.test(v)) version = current;
    }
  }
  return { version, raw, rejected };
}

/** Runs the figure's migration steps after `version`, in order; a step that throws is skipped and named. */
export function migrate(def: FigureDef, version: number, raw: Record<string, string>): { params: Record<string, string>; applied: string[]; failed: string[] } {
  let params: Record<string, string> = Object.assign(Object.create(null), raw);
  const applied: string[] = [];
  const failed: string[] = [];
  for (const m of [...(def.migrations ?? [])].sort((a, b) => a.to - b.to)) {
    if (m.to <= version) continue;
    try {
      const next: Record<string, string> = Object.assign(Object.create(null), m.up(Object.assign(Object.create(null), params)));
      const same = Object.keys(next).length === Object.keys(params).length && Object.keys(next).every((k) => next[k] === params[k]);
      if (!same) applied.push(m.note);
      params = next;
    } catch {
      failed.push(`${VERSION_KEY}${m.to}`);
    }
  }
  return { params, applied, failed };
}

/** A figure's state from a page's query string: version read, migrations run, then every value checked against the codebook. */
export function fromURL(def: FigureDef, search: string, cb: Codebook, opening: Record<string, string> = {}): FigureState {
  const { version, raw, rejected } = readURL(def, search);
  const { params, applied, failed } = migrate(def, version, raw);
  const s = createState(def, cb, opening, params);
  return { ...s, rejected: [...rejected, ...failed, ...s.rejected], migrated: applied };
}

/** The query string with this figure's view: its keys replaced (values that differ from the opening view, and the version), other figures' keys kept. */
export function toURL(state: FigureState, search = ''): string {
  const sp = new URLSearchParams(search);
  for (const key of [...sp.keys()]) if (key.startsWith(state.figureId + '.')) sp.delete(key);
  const changed = Object.entries(state.params).filter(([k, v]) => v !== state.opening[k]);
  if (changed.length) {
    sp.set(`${state.figureId}.${VERSION_KEY}`, String(state.version));
    for (const [k, v] of changed) sp.set(`${state.figureId}.${k}`, v);
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/**
 * A query string that opens a figure on `params` (for links a figure or a page writes itself), with
 * the figure's current version, so that a later migration does not re-read the link as an old one.
 * Values equal to `omit` (by default the figure's defaults) are left out: pass `{}` for a link to
 * another page, whose figure may open on another view. `?` alone when nothing is written.
 */
export function figureQuery(def: FigureDef, params: Record<string, string>, omit: Record<string, string> = Object.fromEntries(def.params.map((p) => [p.name, p.default]))): string {
  const s = toURL({ figureId: def.id, version: urlVersion(def), params, opening: omit, rejected: [], migrated: [] });
  return s || '?';
}

/** The state after a reader (or a link) sets one parameter: checked against the codebook; rows to be queried again. */
export function withParam(def: FigureDef, cb: Codebook, state: FigureState, name: string, value: string): FigureState {
  return withParams(def, cb, state, { [name]: value });
}

/** The state after several parameters change at once (e.g. every control read back). */
export function withParams(def: FigureDef, cb: Codebook, state: FigureState, changes: Record<string, string>): FigureState {
  const s = createState(def, cb, state.opening, { ...state.params, ...changes });
  const same = Object.keys(s.params).every((k) => s.params[k] === state.params[k]);
  return { ...s, rows: same ? state.rows : undefined };
}

/** The state with the rows its parameters selected (already suppressed: rows.ts suppressSmallCells). */
export const withRows = (state: FigureState, rows: Row[]): FigureState => ({ ...state, rows });

/**
 * The sentence for a combination of frame choices (county, department, sample) that selects no
 * respondent, from the combinations the build published; null when it has some.
 */
export function emptySelectionText(def: FigureDef, params: Readonly<Record<string, string>>, cb: Codebook, frame: Frame | null, lang: Lang = 'en'): string | null {
  if (!frame) return null;
  const vals = frame.params.map((p) => params[p] ?? 'all');
  if (frame.present.some((row) => vals.every((v, i) => v === 'all' || row[i] === v))) return null;
  const label = (kind: string) => {
    const p = def.params.find((x) => x.kind === kind && frame.params.includes(x.name));
    return p && params[p.name] !== 'all' ? controlOptions(p.kind, cb, lang).find((o) => o.value === params[p.name])?.label ?? params[p.name] : null;
  };
  const county = label('county'),
    dept = label('dept_type'),
    sample = label('sample');
  // "petition office" mid-sentence in English; proper names (capital after capital) stay as they are
  const lower = (s: string) => (lang === 'en' && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);
  if (county && dept && !sample) return t(lang, 'figure.emptyCountyDept', { county, dept: lower(dept) });
  if (county && sample && !dept) return t(lang, 'figure.emptySampleCounty', { county, sample: lower(sample) });
  return t(lang, 'figure.emptySelection', { what: [county, dept, sample].filter(Boolean).join(lang === 'zh' ? '，' : ', ') });
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** What the page shows for a state, besides the chart: one view model for build and browser. */
export interface FigureView {
  /** respondents behind the figure (0 for an empty selection) */
  n: number;
  /** "n = 1,234 respondents" / "Up to … per row" */
  nText: string;
  /** the withheld-rows note ('' when nothing is withheld) */
  withheld: string;
  /** the empty-selection sentence, or null when the selection has respondents */
  empty: string | null;
  /** the notes in the caption (n and withheld), as HTML: the content of `.figure-notes` */
  notesHTML: string;
  /** the data table, or the empty-selection sentence, as HTML: the content of `.table-wrap` */
  tableHTML: string;
}

export function figureView(def: FigureDef, state: FigureState, cb: Codebook, lang: Lang = 'en', frame: Frame | null = null): FigureView {
  const empty = emptySelectionText(def, state.params, cb, frame, lang);
  const rows = empty ? [] : [...(state.rows ?? [])];
  const n = totalN(def, rows);
  const nText = t(lang, def.nMode === 'max' && !empty ? 'figure.nMax' : 'figure.nSum', { n });
  const withheld = withheldNote(rows, cb.k, lang);
  return {
    n,
    nText,
    withheld,
    empty,
    notesHTML: notesHTML(n, nText, withheld, lang),
    tableHTML: empty ? emptyHTML(empty) : tableHTML(def, rows, cb, cb.k, { ...state.params }, lang),
  };
}

/** The caption's notes: the only code that writes them (Figure.astro at build time, hydrate.ts after each query). */
export function notesHTML(n: number, nText: string, withheld: string, lang: Lang = 'en'): string {
  return `<span class="n" data-n="${n}">${esc(nText)}</span>${lang === 'en' ? '.' : ''} <span class="suppressed-note">${esc(withheld)}</span>`;
}

/** The empty-selection sentence in place of a chart or a table. */
export const emptyHTML = (text: string) => `<p class="empty-selection">${esc(text)}</p>`;

/** Download file name: the figure id and its parameter values, in the definition's order. */
export function downloadName(def: FigureDef, state: FigureState, ext: string): string {
  const values = def.params.map((p) => state.params[p.name]).filter((v) => v !== undefined);
  return `${def.id}${values.length ? '-' + values.join('-') : ''}.${ext}`;
}
