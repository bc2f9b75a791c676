/** The browser side of a figure: re-query with DuckDB-WASM, redraw, table, downloads, URL. */
import { browserClient, dataUrl, EngineFault } from '../db/browser.ts';
import { messages } from '../messages.ts';
import { figures } from '../../figures/registry.ts';
import type { Codebook } from '../codebook/types.ts';
import type { Row } from './types.ts';
import { paramsFromURL, paramsToURL, suppressSmallCells, tableHTML, totalN, withheldNote } from './rows.ts';
import { controlOptions, resolveParams } from './options.ts';
import { figureSQL } from './sql.ts';
import { markEmptyOptions } from './frame.ts';
import { figureText } from './text.ts';
import { decorateSVG, labelledCSV } from './download.ts';
import { t, type Lang } from '../../i18n/index.ts';
import { afterPaint, measure, timed } from './perf.ts';

/** the page's language, from <html lang> */
const lang: Lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';

let codebookP: Promise<Codebook> | null = null;
const codebook = () =>
  (codebookP ??= fetch(dataUrl('codebook.json')).then((r) => {
    if (!r.ok) throw new Error(t(lang, 'figure.codebookError', { status: r.status }));
    return r.json();
  }));

interface State {
  params: Record<string, string>;
  rows: Row[];
}
const states = new WeakMap<HTMLElement, State>();

function state(fig: HTMLElement): State {
  let s = states.get(fig);
  if (!s) {
    s = JSON.parse(fig.querySelector('script.figure-rows')!.textContent!) as State;
    states.set(fig, s);
  }
  return s;
}

function status(fig: HTMLElement, text: string, kind: 'info' | 'error' = 'info') {
  const el = fig.querySelector<HTMLElement>('.status')!;
  el.textContent = text;
  el.dataset.kind = kind;
}

function controlValues(fig: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sel of fig.querySelectorAll<HTMLSelectElement>('form.controls select')) out[sel.name] = sel.value;
  return out;
}

/** the view the figure opened on (its defaults, or <Figure params> in the chapter): the controls' data-default */
function openingParams(fig: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sel of fig.querySelectorAll<HTMLSelectElement>('form.controls select')) if (sel.dataset.default) out[sel.name] = sel.dataset.default;
  return out;
}

/** Starts the engine and fetches the codebook ahead of the first change (boot.ts, on intent); errors wait for that change. */
export function warm() {
  codebook().catch(() => (codebookP = null));
  browserClient().ready().catch(() => {});
}

export async function restoreFromURL(fig: HTMLElement) {
  const def = figures[fig.dataset.figureId!];
  const requested = paramsFromURL(def.id, location.search);
  warm(); // engine and codebook in parallel
  let cb: Codebook;
  try {
    cb = await codebook();
  } catch (e) {
    fig.dataset.state = 'error';
    status(fig, messages.figureFailed((e as Error).message), 'error');
    return;
  }
  const { params, rejected } = resolveParams(def, requested, cb, openingParams(fig));
  for (const sel of fig.querySelectorAll<HTMLSelectElement>('form.controls select')) sel.value = params[sel.name];
  markEmptyOptions(fig);
  await update(fig, rejected);
  fig.scrollIntoView();
}

/**
 * The sentence for a combination of frame choices (county, department, sample) that selects no
 * respondent, from the combinations the build published (script.figure-frame); null when it has some.
 */
export function emptySelectionText(fig: HTMLElement, def: (typeof figures)[string], params: Record<string, string>, cb: Codebook): string | null {
  const el = fig.querySelector('script.figure-frame');
  if (!el) return null;
  const frame = JSON.parse(el.textContent!) as { params: string[]; present: string[][] };
  const vals = frame.params.map((p) => params[p] ?? 'all');
  if (frame.present.some((row) => vals.every((v, i) => v === 'all' || row[i] === v))) return null;
  const label = (kind: string) => {
    const p = def.params.find((x) => x.kind === kind && frame.params.includes(x.name));
    return p && params[p.name] !== 'all' ? controlOptions(p.kind, cb, lang).find((o) => o.value === params[p.name])?.label ?? params[p.name] : null;
  };
  const county = label('county'), dept = label('dept_type'), sample = label('sample');
  // "petition office" mid-sentence in English; proper names (capital after capital) stay as they are
  const lower = (s: string) => (lang === 'en' && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);
  if (county && dept && !sample) return t(lang, 'figure.emptyCountyDept', { county, dept: lower(dept) });
  if (county && sample && !dept) return t(lang, 'figure.emptySampleCounty', { county, sample: lower(sample) });
  return t(lang, 'figure.emptySelection', { what: [county, dept, sample].filter(Boolean).join(lang === 'zh' ? '，' : ', ') });
}

/** the latest update of each figure: an older one that finishes late does not mark the figure ready */
const latest = new WeakMap<HTMLElement, number>();

export async function update(fig: HTMLElement, rejected: string[] = []) {
  const def = figures[fig.dataset.figureId!];
  const t0 = performance.now();
  const gen = (latest.get(fig) ?? 0) + 1;
  latest.set(fig, gen);
  fig.dataset.state = 'loading';
  status(fig, t(lang, 'figure.querying'));
  try {
    const cb = await codebook();
    let tm = measure('codebook', t0);
    const checked = resolveParams(def, controlValues(fig), cb, openingParams(fig));
    const params = checked.params;
    rejected = [...rejected, ...checked.rejected];
    const defaults = { ...Object.fromEntries(def.params.map((p) => [p.name, p.default])), ...openingParams(fig) };
    const empty = emptySelectionText(fig, def, params, cb);
    if (empty) {
      // no respondent at all: say so in words rather than draw axes around nothing (no query needed)
      const msg = Object.assign(document.createElement('p'), { className: 'empty-selection', textContent: empty });
      fig.querySelector<HTMLElement>('.chart')!.replaceChildren(msg);
      fig.querySelector('.table-wrap')!.replaceChildren(msg.cloneNode(true));
      const nEl = fig.querySelector<HTMLElement>('.n')!;
      nEl.dataset.n = '0';
      nEl.textContent = t(lang, 'figure.nSum', { n: 0 });
      const noteEl = fig.querySelector<HTMLElement>('.suppressed-note');
      if (noteEl) noteEl.textContent = '';
      states.set(fig, { params, rows: [] });
      history.replaceState(null, '', location.pathname + paramsToURL(def.id, params, defaults, location.search) + `#${def.id}`);
      fig.dataset.renderMs = (performance.now() - t0).toFixed(1);
      fig.dataset.state = 'ready';
      fig.dataset.empty = '';
      status(fig, rejected.length ? messages.ignoredSettings(rejected) : '');
      fig.dispatchEvent(new CustomEvent('figure:rendered', { bubbles: true, detail: { ms: performance.now() - t0 } }));
      return;
    }
    delete fig.dataset.empty;
    tm = measure('params', tm);
    const sql = figureSQL(def, cb);
    const tq = measure('sql', tm);
    const raw = await browserClient().query(sql, params);
    tm = measure('query', tq);
    if (latest.get(fig) !== gen) return; // a newer change came meanwhile (its answer may even be drawn already): this one is stale
    fig.dataset.queryMs = (tm - tq).toFixed(1);
    const rows = timed('suppress', () => suppressSmallCells(def, raw, cb.k));
    const chart = fig.querySelector<HTMLElement>('.chart')!;
    // the container's own width (minus its padding), so a phone gets the narrow layout
    const width = timed('width', () => Math.min(Math.floor(chart.getBoundingClientRect().width) || 760, 900));
    const el = timed('plot', () => def.spec(rows, { width, codebook: cb, document, params, k: cb.k, lang, t: figureText(def, lang).t }));
    if (def.kind !== 'table') el.setAttribute('aria-hidden', 'true');
    timed('dom-chart', () => chart.replaceChildren(el));
    const html = timed('table-html', () => tableHTML(def, rows, cb, cb.k, params, lang));
    timed('dom-table', () => (fig.querySelector('.table-wrap')!.innerHTML = html));
    tm = performance.now();
    const n = totalN(def, rows);
    const nEl = fig.querySelector<HTMLElement>('.n')!;
    nEl.dataset.n = String(n);
    nEl.textContent = t(lang, def.nMode === 'max' ? 'figure.nMax' : 'figure.nSum', { n });
    const noteEl = fig.querySelector<HTMLElement>('.suppressed-note');
    if (noteEl) noteEl.textContent = withheldNote(rows, cb.k, lang);
    states.set(fig, { params, rows });
    status(fig, rejected.length ? messages.ignoredSettings(rejected) : '');
    tm = measure('notes', tm);
    const ms = measure('total', t0) - t0;
    fig.dataset.renderMs = ms.toFixed(1);
    // the URL once the new view is painted: replaceState costs tens of ms on a busy machine and the
    // reader does not wait for it; the figure is `ready` (tests, bench) when the URL says its view too
    afterPaint(() => {
      if (latest.get(fig) !== gen) return; // a newer change is under way: it updates the URL
      fig.dataset.paintMs = (performance.now() - t0).toFixed(1);
      timed('url', () => history.replaceState(null, '', location.pathname + paramsToURL(def.id, params, defaults, location.search) + `#${def.id}`));
      fig.dataset.state = 'ready';
      fig.dispatchEvent(new CustomEvent('figure:rendered', { bubbles: true, detail: { ms } }));
    });
  } catch (e) {
    fig.dataset.state = 'error';
    if (e instanceof EngineFault) {
      status(fig, messages.figureEngineFailed(e.message), 'error');
      // the engine is shared: say so on every figure whose controls depend on it
      if (e.kind === 'start')
        for (const other of document.querySelectorAll<HTMLElement>('figure[data-figure-id]'))
          if (other !== fig && other.dataset.state !== 'loading' && other.querySelector('form.controls')) status(other, messages.figureEngineFailed(e.message), 'error');
    } else status(fig, messages.figureFailed((e as Error).message), 'error');
  }
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
  const { rows, params } = state(fig);
  const suffix = Object.values(params).join('-');
  const base = `${def.id}${suffix ? '-' + suffix : ''}`;
  if (what === 'csv') save(`${base}.csv`, new Blob([labelledCSV(def, rows, await codebook(), params, lang)], { type: 'text/csv' }));
  if (what === 'svg') save(`${base}.svg`, new Blob([svgText(fig)], { type: 'image/svg+xml' }));
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
    canvas.toBlob((b) => b && save(`${base}.png`, b), 'image/png');
  }
}
