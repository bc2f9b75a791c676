/** The SQL console: run, cancel, row limit, errors, CSV export, query in the URL. */
const LIMIT = 1000;
const textarea = document.querySelector<HTMLTextAreaElement>('#sql')!;
const statusEl = document.querySelector<HTMLElement>('#console-status')!;
const result = document.querySelector<HTMLElement>('#result')!;
const runBtn = document.querySelector<HTMLButtonElement>('#run')!;
const cancelBtn = document.querySelector<HTMLButtonElement>('#cancel')!;
const csvBtn = document.querySelector<HTMLButtonElement>('#csv')!;
const examples = JSON.parse(document.querySelector('#examples-json')!.textContent!) as string[];
/** messages in the page's language (rendered into the page from the dictionary) */
const msg = JSON.parse(document.querySelector('#console-messages')?.textContent ?? '{}') as Record<string, string>;
const say = (key: string, fallback: string, vars: Record<string, string | number> = {}) =>
  (msg[key] ?? fallback).replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
let last: { columns: string[]; rows: unknown[][] } | null = null;
let cancelled = false;

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const show = (v: unknown) => (v === null || v === undefined ? 'NULL' : typeof v === 'bigint' ? v.toString() : typeof v === 'number' && !Number.isInteger(v) ? String(Math.round(v * 1e6) / 1e6) : String(v));

function setStatus(text: string, kind: 'info' | 'error' = 'info') {
  statusEl.textContent = text;
  statusEl.dataset.kind = kind;
}

async function run() {
  const sql = textarea.value.trim();
  if (!sql) return setStatus(say('typeFirst', 'Type a query first.'), 'error');
  history.replaceState(null, '', `${location.pathname}?q=${encodeURIComponent(sql)}`);
  runBtn.disabled = true;
  cancelBtn.disabled = false;
  cancelled = false;
  setStatus(say('running', 'Starting DuckDB and running…'));
  const t0 = performance.now();
  try {
    const { browserClient } = await import('../db/browser.ts');
    const client = browserClient();
    const reader = await client.send(sql);
    const columns: string[] = [];
    const rows: unknown[][] = [];
    let total = 0;
    for await (const batch of reader as any) {
      if (cancelled) break;
      if (!columns.length) columns.push(...batch.schema.fields.map((f: any) => f.name));
      for (let i = 0; i < batch.numRows; i++) {
        total++;
        if (rows.length < LIMIT) rows.push(columns.map((_, c) => batch.getChildAt(c)?.get(i)));
      }
    }
    if (cancelled) {
      setStatus(say('cancelled', 'Query cancelled.'), 'error');
      return;
    }
    last = { columns, rows };
    result.innerHTML =
      `<table><thead><tr>${columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead><tbody>` +
      rows.map((r) => `<tr>${r.map((v) => `<td>${esc(show(v))}</td>`).join('')}</tr>`).join('') +
      '</tbody></table>';
    csvBtn.disabled = false;
    const ms = (performance.now() - t0).toFixed(0);
    setStatus(total > LIMIT ? say('truncated', '{total} rows in {ms} ms; showing the first {limit}.', { total, ms, limit: LIMIT }) : say('done', '{total} row(s) in {ms} ms.', { total, ms }));
    document.body.dataset.consoleState = 'ready';
  } catch (e) {
    result.innerHTML = '';
    last = null;
    csvBtn.disabled = true;
    setStatus(say('error', 'Error: {message}', { message: (e as Error).message }), 'error');
    document.body.dataset.consoleState = 'error';
  } finally {
    runBtn.disabled = false;
    cancelBtn.disabled = true;
  }
}

document.querySelector('#console')!.addEventListener('submit', (e) => {
  e.preventDefault();
  run();
});
textarea.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run();
});
cancelBtn.addEventListener('click', async () => {
  cancelled = true;
  const { browserClient } = await import('../db/browser.ts');
  await browserClient().cancel().catch(() => false);
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
  textarea.value = q;
  run();
}
export {};
