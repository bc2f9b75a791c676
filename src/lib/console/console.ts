/**
 * The SQL console: run, cancel, row limit, errors, CSV export, query in the URL.
 * A query from the URL (`?q=`) fills the editor but runs only when the reader presses Run.
 * Every query is checked first (guard.ts), capped in rows and size, and run with a timeout;
 * a crashed or hung engine is stopped and restarted (db/browser.ts).
 */
import { checkSQL, limited } from './guard.ts';
import { messages } from '../messages.ts';

const LIMIT = 1000;
/** characters of one cell shown on screen (the CSV keeps the full value) */
export const MAX_CELL_CHARS = 200;
/** stop reading a result past this many characters of text (≈ 2 bytes each in memory) */
const MAX_RESULT_CHARS = 64_000_000;
const CANCEL_GRACE_MS = 3000;

const textarea = document.querySelector<HTMLTextAreaElement>('#sql')!;
const statusEl = document.querySelector<HTMLElement>('#console-status')!;
const result = document.querySelector<HTMLElement>('#result')!;
const runBtn = document.querySelector<HTMLButtonElement>('#run')!;
const cancelBtn = document.querySelector<HTMLButtonElement>('#cancel')!;
const csvBtn = document.querySelector<HTMLButtonElement>('#csv')!;
const examples = JSON.parse(document.querySelector('#examples-json')!.textContent!) as string[];
let last: { columns: string[]; rows: unknown[][] } | null = null;
/** id of the run in progress; a cancelled or superseded run's late answer is ignored */
let current = 0;
let engineStarted = false;
/** id of the run still waiting for the engine, if any */
let inFlight: number | null = null;

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const show = (v: unknown) => (v === null || v === undefined ? 'NULL' : typeof v === 'bigint' ? v.toString() : typeof v === 'number' && !Number.isInteger(v) ? String(Math.round(v * 1e6) / 1e6) : String(v));

function setStatus(text: string, kind: 'info' | 'error' = 'info') {
  statusEl.textContent = text;
  statusEl.dataset.kind = kind;
}
const setState = (s: 'running' | 'ready' | 'error' | 'cancelled') => (document.body.dataset.consoleState = s);
const client = async () => (await import('../db/browser.ts')).browserClient({ locked: true });

function finish(id: number) {
  if (id !== current) return;
  runBtn.disabled = false;
  cancelBtn.disabled = true;
}

async function run() {
  const id = ++current;
  const checked = checkSQL(textarea.value);
  if (!checked.ok) {
    setStatus(checked.message, 'error');
    setState('error');
    return;
  }
  history.replaceState(null, '', `${location.pathname}?q=${encodeURIComponent(checked.sql)}`);
  runBtn.disabled = true;
  cancelBtn.disabled = false;
  setState('running');
  inFlight = id;
  setStatus(engineStarted ? messages.consoleRunning : messages.consoleStarting);
  const t0 = performance.now();
  try {
    const db = await client();
    await db.ready();
    engineStarted = true;
    if (id !== current) return;
    setStatus(messages.consoleRunning);
    const columns: string[] = [];
    const rows: unknown[][] = [];
    let total = 0;
    let chars = 0;
    let tooBig = false;
    await db.collect(limited(checked.sql, checked.wrap, LIMIT + 1), (batch) => {
      if (id !== current) return false;
      if (!columns.length) columns.push(...batch.schema.fields.map((f: any) => f.name));
      for (let i = 0; i < batch.numRows; i++) {
        total++;
        if (rows.length >= LIMIT) continue;
        const row = columns.map((_, c) => batch.getChildAt(c)?.get(i));
        for (const v of row) chars += typeof v === 'string' ? v.length : 16;
        rows.push(row);
        if (chars > MAX_RESULT_CHARS) {
          tooBig = true;
          return false;
        }
      }
    });
    if (id !== current) return;
    const notes: string[] = [];
    if (!checked.wrap && (await db.restoreViews())) notes.push(messages.consoleViewsRestored);
    last = { columns, rows };
    let cut = false;
    const cell = (v: unknown) => {
      const s = show(v);
      if (s.length <= MAX_CELL_CHARS) return esc(s);
      cut = true;
      return `${esc(s.slice(0, MAX_CELL_CHARS))}<span class="cut" title="cut for display">…</span>`;
    };
    result.innerHTML =
      `<table><thead><tr>${columns.map((c) => `<th scope="col">${esc(c.length > MAX_CELL_CHARS ? c.slice(0, MAX_CELL_CHARS) + '…' : c)}</th>`).join('')}</tr></thead><tbody>` +
      rows.map((r) => `<tr>${r.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`).join('') +
      '</tbody></table>';
    csvBtn.disabled = false;
    const ms = (performance.now() - t0).toFixed(0);
    if (tooBig) notes.unshift(messages.consoleTooBig(Math.round(MAX_RESULT_CHARS / 1e6)));
    else notes.unshift(total > LIMIT ? messages.consoleRowsCut(LIMIT, ms) : messages.consoleRows(total, ms));
    if (cut) notes.push(messages.consoleCellsCut(MAX_CELL_CHARS));
    setStatus(notes.join(' '));
    setState('ready');
  } catch (e) {
    if (id !== current) return;
    result.innerHTML = '';
    last = null;
    csvBtn.disabled = true;
    const { EngineFault } = await import('../db/browser.ts');
    if (e instanceof EngineFault) {
      setStatus(e.message, 'error');
      if (e.kind !== 'start') client().then((db) => db.ready()).catch(() => {});
      else engineStarted = false;
    } else setStatus(messages.consoleError((e as Error).message), 'error');
    setState('error');
  } finally {
    if (inFlight === id) inFlight = null;
    finish(id);
  }
}

document.querySelector('#console')!.addEventListener('submit', (e) => {
  e.preventDefault();
  run();
});
textarea.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    run();
  }
});
cancelBtn.addEventListener('click', async () => {
  const id = current;
  current++; // the cancelled run's answer, if it ever comes, is ignored
  runBtn.disabled = false;
  cancelBtn.disabled = true;
  setStatus(messages.consoleCancelled, 'error');
  setState('cancelled');
  const mod = await import('../db/browser.ts');
  const db = mod.browserClient({ locked: true });
  const stopped = await db.cancel();
  // a query that ignores the cancel request is stopped with its engine
  if (!stopped) setTimeout(() => inFlight === id && mod.restartEngine(), CANCEL_GRACE_MS);
});
document.querySelector<HTMLSelectElement>('#examples')!.addEventListener('change', (e) => {
  const i = (e.target as HTMLSelectElement).value;
  if (i !== '') textarea.value = examples[Number(i)];
});
csvBtn.addEventListener('click', () => {
  if (!last) return;
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : show(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = [last.columns.join(','), ...last.rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  a.download = 'query.csv';
  document.body.append(a);
  a.click();
  a.remove();
});
const q = new URLSearchParams(location.search).get('q');
if (q) {
  // a link may carry any SQL: show it, never run it without the reader's click
  textarea.value = q;
  setStatus(messages.consoleFromLink);
}
document.body.dataset.consoleState = 'idle';
export {};
