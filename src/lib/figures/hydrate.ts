/**
 * The browser side of a figure: DOM events → a new FigureState (lib/figures/state.ts) → the view
 * rendered from that state (controls, chart, table, notes, URL, status). The state is the only
 * source of truth; the DOM is read only as input (the form's values after a change event), and what
 * it shows is then written from the state.
 *
 *   restoreFromURL: link → fromURL (version, migrations, codebook check) → show
 *   update:         a control's change → withParams (the form's values) → show
 *   show:           the state's rows from the build's results (results.ts) or, when they do not hold
 *                   the view, from DuckDB-WASM → render(state)
 *   action:         downloads, from the state last shown (its rows and download name)
 */
import { codebookUrl, resultsUrl } from '../db/url.ts';
import { fetchJSON } from './fetch-once.ts';
import { messages } from '../messages.ts';
import { figures } from '../../figures/registry.ts';
import type { Codebook } from '../codebook/types.ts';
import type { FigureDef, Row } from './types.ts';
import { suppressSmallCells } from './rows.ts';
import { figureSQL } from './sql.ts';
import { markEmptyOptions } from './frame.ts';
import { figureText } from './text.ts';
import { decorateSVG, labelledCSV } from './download.ts';
import { createState, downloadName, emptyHTML, emptySelectionText, figureView, fromURL, toURL, urlVersion, withParams, withRows, type FigureState, type Frame } from './state.ts';
import { t, type Lang } from '../../i18n/index.ts';
import { afterPaint, measure, timed } from './perf.ts';
import { resultsMatch, viewRows, type FigureResults } from './results.ts';

/** the page's language, from <html lang> */
const lang: Lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';

let codebookP: Promise<Codebook> | null = null;
const codebook = () =>
  (codebookP ??= fetchJSON(codebookUrl()).then((r) => {
    if (!r.ok) throw new Error(r.error && r.status === 0 ? `codebook.json: ${r.error}` : t(lang, 'figure.codebookError', { status: r.status }));
    return r.json as Codebook;
  }));

/** DuckDB-WASM, loaded (188 KB of JS, then the 18 MB engine) only when a view is not in the build's results */
type Engine = typeof import('../db/browser.ts');
let engineP: Promise<Engine> | null = null;
const engine = () => (engineP ??= import('../db/browser.ts').catch((e) => ((engineP = null), Promise.reject(e))));
/** test and bench hook: `__figureSource = 'engine'` (set before the page's scripts run) makes every view a query, as without results */
const engineOnly = () => (globalThis as any).__figureSource === 'engine';

const resultsOf = new Map<string, Promise<unknown>>();
/**
 * The figure's build-time results (/data/figures/<id>.json, results.ts), or null: none published
 * (no controls, more than MAX_VIEWS views), no file, a broken or stale one (other k or version). Null is not an error: the engine answers then.
 */
async function results(fig: HTMLElement, def: FigureDef, cb: Codebook): Promise<FigureResults | null> {
  // data-results: the build published them for this figure (Figure.astro, publishesResults)
  if (fig.dataset.results === undefined || engineOnly()) return null;
  // one attempt per page: a missing or broken file is not asked for again on every change
  if (!resultsOf.has(def.id)) resultsOf.set(def.id, fetchJSON(resultsUrl(def.id)).then((r) => r.json));
  const file = await resultsOf.get(def.id);
  return resultsMatch(def, cb, file) ? file : null;
}

/** the state each figure is heading to (the latest change), and the state it shows (rendered, with rows) */
const wanted = new WeakMap<HTMLElement, FigureState>();
const shown = new WeakMap<HTMLElement, FigureState>();
/** a counter per figure: a query that finishes after a newer change was made is not rendered */
const generation = new WeakMap<HTMLElement, number>();

/** the view the figure opened on (its defaults, or <Figure params> in the chapter): the controls' data-default */
function openingParams(fig: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sel of fig.querySelectorAll<HTMLSelectElement>('form.controls select')) if (sel.dataset.default) out[sel.name] = sel.dataset.default;
  return out;
}

const frames = new WeakMap<HTMLElement, Frame | null>();
/** which frame combinations have respondents, as the build published them (script.figure-frame) */
function frameOf(fig: HTMLElement): Frame | null {
  if (!frames.has(fig)) {
    const el = fig.querySelector('script.figure-frame');
    frames.set(fig, el ? (JSON.parse(el.textContent!) as Frame) : null);
  }
  return frames.get(fig)!;
}

/** the state the build rendered (script.figure-rows: its parameters and rows), before any change */
function builtState(fig: HTMLElement, def: FigureDef, cb: Codebook | null): FigureState {
  const built = JSON.parse(fig.querySelector('script.figure-rows')!.textContent!) as { params: Record<string, string>; rows: Row[] };
  // without the codebook (downloads before any query) the built parameters are taken as they are: the build checked them
  return cb ? withRows(createState(def, cb, openingParams(fig), built.params), built.rows) : { figureId: def.id, version: urlVersion(def), params: built.params, opening: openingParams(fig), rejected: [], migrated: [], rows: built.rows };
}

function status(fig: HTMLElement, text: string, kind: 'info' | 'error' = 'info') {
  const el = fig.querySelector<HTMLElement>('.status')!;
  el.textContent = text;
  el.dataset.kind = kind;
}

const startEngine = () =>
  engine()
    .then((m) => m.browserClient().ready())
    .catch(() => {});

/**
 * Ahead of the first change (boot.ts, on intent) or for a link: fetches the codebook and the
 * figure's results, and starts the engine only when those cannot answer. Errors wait for the change.
 */
export function warm(fig: HTMLElement) {
  codebook()
    .then((cb) => results(fig, figures[fig.dataset.figureId!], cb))
    .then((r) => {
      if (!r) startEngine();
    })
    .catch(() => (codebookP = null));
}

/** The codebook, or null with the figure marked as failed and the reason shown (it could not be fetched). */
async function codebookFor(fig: HTMLElement): Promise<Codebook | null> {
  try {
    return await codebook();
  } catch (e) {
    fig.dataset.state = 'error';
    status(fig, messages.figureFailed((e as Error).message), 'error');
    return null;
  }
}

/** A link with this figure's keys: its state from the URL (old versions migrated), then shown. */
export async function restoreFromURL(fig: HTMLElement) {
  const def = figures[fig.dataset.figureId!];
  warm(fig); // codebook and results (or the engine) in parallel
  const cb = await codebookFor(fig);
  if (!cb) return;
  await show(fig, def, cb, fromURL(def, location.search, cb, openingParams(fig)));
  fig.scrollIntoView();
}

/**
 * A control changed: the new state is the current one with the form's values (each checked against
 * the codebook; the form is the input, its values are compared with the state, not trusted). Reading
 * the whole form rather than the one control keeps values the browser restored or a script set.
 */
export async function update(fig: HTMLElement) {
  const def = figures[fig.dataset.figureId!];
  fig.dataset.state = 'loading';
  status(fig, t(lang, 'figure.querying'));
  const cb = await codebookFor(fig);
  if (!cb) return;
  const values: Record<string, string> = {};
  for (const sel of fig.querySelectorAll<HTMLSelectElement>('form.controls select')) values[sel.name] = sel.value;
  const next = withParams(def, cb, wanted.get(fig) ?? builtState(fig, def, cb), values);
  await show(fig, def, cb, { ...next, rows: undefined }); // a change always re-queries (the reader expects fresh rows)
}

/** Brings the figure to a state: queries its rows if it has none (and the selection has respondents), then renders it. */
async function show(fig: HTMLElement, def: FigureDef, cb: Codebook, state: FigureState) {
  const gen = (generation.get(fig) ?? 0) + 1;
  generation.set(fig, gen);
  wanted.set(fig, state);
  const t0 = performance.now();
  fig.dataset.state = 'loading';
  status(fig, t(lang, 'figure.querying'));
  showControls(fig, state);
  try {
    // no respondent at all: no query; the view says so in words rather than draw axes around nothing
    if (emptySelectionText(def, state.params, cb, frameOf(fig), lang)) state = withRows(state, []);
    if (!state.rows) {
      const tq = performance.now();
      // the build ran the figure's SQL for every view its controls offer (results.ts); a copy, so a spec cannot change the file's rows
      const built = await results(fig, def, cb);
      const pre = built && viewRows(def, built, state.params)?.map((r) => ({ ...r }));
      if (generation.get(fig) !== gen) return; // superseded by a newer change: that one renders
      if (pre) {
        state = withRows(state, pre);
        fig.dataset.source = 'results';
      } else {
        const sql = timed('sql', () => figureSQL(def, cb));
        const raw = await (await engine()).browserClient().query(sql, { ...state.params });
        if (generation.get(fig) !== gen) return;
        state = withRows(state, timed('suppress', () => suppressSmallCells(def, raw, cb.k)));
        fig.dataset.source = 'engine';
      }
      fig.dataset.queryMs = (measure('query', tq) - tq).toFixed(1);
    }
    render(fig, def, cb, state);
    const ms = measure('total', t0) - t0;
    fig.dataset.renderMs = ms.toFixed(1);
    // the URL once the new view is painted: replaceState costs tens of ms on a busy machine and the
    // reader does not wait for it; the figure is `ready` (tests, bench) when the URL says its view too
    const done = state;
    afterPaint(() => {
      if (generation.get(fig) !== gen) return; // a newer change is under way: it updates the URL
      fig.dataset.paintMs = (performance.now() - t0).toFixed(1);
      timed('url', () => history.replaceState(null, '', location.pathname + toURL(done, location.search) + `#${def.id}`));
      fig.dataset.state = 'ready';
      fig.dispatchEvent(new CustomEvent('figure:rendered', { bubbles: true, detail: { ms } }));
    });
  } catch (e) {
    if (generation.get(fig) !== gen) return;
    fig.dataset.state = 'error';
    const m = await engineP?.catch(() => null);
    if (generation.get(fig) !== gen) return;
    if (m && e instanceof m.EngineFault) {
      status(fig, messages.figureEngineFailed(e.message), 'error');
      // the engine is shared: say so on every figure whose controls depend on it
      if (e.kind === 'start')
        for (const other of document.querySelectorAll<HTMLElement>('figure[data-figure-id]'))
          if (other !== fig && other.dataset.state !== 'loading' && other.querySelector('form.controls')) status(other, messages.figureEngineFailed(e.message), 'error');
    } else status(fig, messages.figureFailed((e as Error).message), 'error');
  }
}

/** The controls show the state's parameters (and mark the options that would select no respondent). */
function showControls(fig: HTMLElement, state: FigureState) {
  for (const sel of fig.querySelectorAll<HTMLSelectElement>('form.controls select')) if (state.params[sel.name] !== undefined) sel.value = state.params[sel.name];
  markEmptyOptions(fig);
}

/** The view of a state with rows: controls, chart, table, notes, URL and status, all from the state (nothing read back). */
function render(fig: HTMLElement, def: FigureDef, cb: Codebook, state: FigureState) {
  const view = timed('view', () => figureView(def, state, cb, lang, frameOf(fig)));
  timed('controls', () => showControls(fig, state));
  const chart = fig.querySelector<HTMLElement>('.chart')!;
  if (view.empty) {
    chart.innerHTML = emptyHTML(view.empty);
    fig.dataset.empty = '';
  } else {
    delete fig.dataset.empty;
    // the container's own width (minus its padding), so a phone gets the narrow layout
    const width = timed('width', () => Math.min(Math.floor(chart.getBoundingClientRect().width) || 760, 900));
    const params = { ...state.params };
    const el = timed('plot', () => def.spec([...state.rows!], { width, codebook: cb, document, params, k: cb.k, lang, t: figureText(def, lang).t }));
    if (def.kind !== 'table') el.setAttribute('aria-hidden', 'true');
    timed('dom-chart', () => chart.replaceChildren(el));
  }
  timed('dom-table', () => (fig.querySelector('.table-wrap')!.innerHTML = view.tableHTML));
  const notes = fig.querySelector<HTMLElement>('.figure-notes');
  if (notes) notes.innerHTML = view.notesHTML;
  status(fig, state.rejected.length ? messages.ignoredSettings([...state.rejected]) : '');
  shown.set(fig, state);
}

function save(name: string, blob: Blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function svgText(fig: HTMLElement): string {
  // the rendering on screen (the build ships a wide and a narrow one; CSS shows one)
  const shown = [...fig.querySelectorAll<SVGSVGElement>('.chart svg')].filter((s) => s.getBoundingClientRect().width > 0);
  const svg = shown.find((s) => !s.closest('.legend')) ?? shown[0] ?? fig.querySelector<SVGSVGElement>('.chart svg');
  if (!svg) throw new Error(t(lang, 'figure.noChart'));
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || Math.round(box.width) || 760;
  const height = Number(svg.getAttribute('height')) || Math.round(box.height) || 400;
  const text = figureText(figures[fig.dataset.figureId!], lang);
  return decorateSVG(new XMLSerializer().serializeToString(copy), width, height, {
    title: text.title,
    source: text.source,
    synthetic: !!document.querySelector('.synthetic-notice'),
    lang,
  });
}

export async function action(fig: HTMLElement, what: string) {
  const def = figures[fig.dataset.figureId!];
  // the state on screen (as built, until a change has been rendered)
  const state = shown.get(fig) ?? builtState(fig, def, null);
  const name = (ext: string) => downloadName(def, state, ext);
  if (what === 'csv') save(name('csv'), new Blob([labelledCSV(def, [...state.rows!], await codebook(), { ...state.params }, lang)], { type: 'text/csv' }));
  if (what === 'svg') save(name('svg'), new Blob([svgText(fig)], { type: 'image/svg+xml' }));
  if (what === 'png') {
    const text = svgText(fig);
    const img = new Image();
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    await new Promise((resolve, reject) => {
      img.onload = resolve;
      img.onerror = () => reject(new Error(t(lang, 'figure.pngError')));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = img.width * 2;
    canvas.height = img.height * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    URL.revokeObjectURL(url);
    canvas.toBlob((b) => b && save(name('png'), b), 'image/png');
  }
}
