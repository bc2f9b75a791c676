/** Browser side of /compare/: state from the URL, controls, re-render, CSV, print. */
import type { CompareData } from './aggregate.ts';
import type { Lang } from '../../i18n/index.ts';
import { compareCSV, defaultState, MAX_GROUPS, parseState, renderCompare, stateToSearch, type CompareState } from './view.ts';
import { messages } from '../messages.ts';

const view = document.querySelector<HTMLElement>('#compare-view')!;
const form = document.querySelector<HTMLFormElement>('#compare-controls')!;
const status = document.querySelector<HTMLElement>('#compare-status')!;
const { labels, comps, lang, missing, messages: text } = JSON.parse(document.querySelector('#compare-labels')!.textContent!) as {
  labels: Record<string, Record<string, string>>;
  comps: Record<string, string>;
  /** the page's language and its messages (from the dictionary, rendered into the page) */
  lang: Lang;
  missing: string;
  messages: Record<'loadError' | 'httpError' | 'showTable' | 'hideTable', string>;
};
const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
const label = (v: string, c: string | null) => (c === null ? missing : labels[v]?.[c] ?? c);
let data: CompareData;
let state: CompareState;
/** the table of all groups stays open once opened (re-renders keep it) */
let tableOpen = false;

function groupOptions() {
  const box = document.querySelector<HTMLElement>('#group-options')!;
  const values = data.groups.filter((g) => g.by === state.by && g.value !== null).map((g) => g.value!);
  box.innerHTML = values
    .map((v) => `<label class="check"><input type="checkbox" name="g" value="${v}" ${state.groups.includes(v) ? 'checked' : ''}/> ${label(state.by, v)}</label>`)
    .join('');
  (form.elements.namedItem('by') as HTMLSelectElement).value = state.by;
}

function render(push = true) {
  const t0 = performance.now();
  view.innerHTML = renderCompare(data, state, label, (id) => comps[id] ?? id, lang);
  showTable(tableOpen);
  if (push) history.replaceState(null, '', location.pathname + stateToSearch(state));
  view.dataset.state = 'ready';
  view.dataset.renderMs = (performance.now() - t0).toFixed(2);
}

/**
 * The aggregate table (compare.json) is fetched and parsed only when it is needed: at once for a shared
 * link with a state in its query string, otherwise on the first sign of intent (pointer over or focus in
 * the controls or the view) or on the first change. Until then the build-time HTML is the default view and
 * nothing runs on load but these listeners (issue #13: the main thread stays free while the page loads).
 */
async function start() {
  const res = await fetch('/data/compare.json');
  if (!res.ok) throw new Error(fill(text.httpError, { status: res.status }));
  data = await res.json();
  view.dataset.data = 'loaded';
  if (location.search === '') {
    // the page as built shows the default state: nothing to redraw, and the controls the reader may be
    // about to click are not replaced
    state = defaultState(data);
    status.textContent = '';
    view.dataset.state = 'ready';
    return;
  }
  const parsed = parseState(location.search, data);
  state = parsed.state;
  const notes: string[] = [];
  if (parsed.rejected.length) notes.push(messages.compareIgnored(parsed.rejected));
  if (parsed.duplicates.length) notes.push(messages.compareDuplicate(parsed.duplicates));
  if (parsed.dropped.length) notes.push(messages.compareTooMany(MAX_GROUPS, parsed.dropped));
  if (parsed.tooFew) notes.push(messages.compareTooFew);
  status.textContent = notes.join(' ');
  groupOptions();
  render(true);
}
let loading: Promise<void> | null = null;
/** the data, loaded once; a failure is shown and the next use tries again */
function ensureData(): Promise<void> {
  return (loading ??= start().catch((e) => {
    loading = null;
    status.textContent = fill(text.loadError, { message: (e as Error).message });
    view.dataset.state = 'error';
    throw e;
  }));
}
const quiet = () => ensureData().catch(() => undefined);

form.addEventListener('submit', (e) => e.preventDefault());
form.addEventListener('change', async (e) => {
  const t = e.target as HTMLInputElement;
  try {
    await ensureData();
  } catch {
    return;
  }
  if (t.name === 'by') {
    state = { ...state, by: t.value, groups: [] };
    state = parseState(stateToSearch(state), data).state;
    groupOptions();
  } else if (t.name === 'g') {
    const picked = [...form.querySelectorAll<HTMLInputElement>('input[name=g]:checked')].map((x) => x.value);
    if (picked.length > MAX_GROUPS) {
      t.checked = false;
      status.textContent = messages.compareAtMost(MAX_GROUPS);
      return;
    }
    status.textContent = picked.length < 2 ? messages.compareTooFew : '';
    state = { ...state, groups: picked };
  }
  render();
});
function showTable(open: boolean) {
  tableOpen = open;
  const toggle = view.querySelector<HTMLButtonElement>('.table-toggle');
  view.querySelector('#ranking-body')?.classList.toggle('collapsed', !open);
  if (toggle) {
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? text.hideTable : text.showTable;
  }
}
view.addEventListener('click', async (e) => {
  if ((e.target as HTMLElement).closest('.table-toggle')) return showTable(!tableOpen);
  const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-sort]');
  if (!b) return;
  try {
    await ensureData();
  } catch {
    return;
  }
  const key = b.dataset.sort!;
  state = { ...state, sort: key, dir: state.sort === key && state.dir === 'desc' ? 'asc' : 'desc' };
  render();
});
document.querySelector('#compare-csv')!.addEventListener('click', async () => {
  try {
    await ensureData();
  } catch {
    return;
  }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([compareCSV(data, state, label)], { type: 'text/csv' }));
  a.download = `compare-${state.by}-${state.groups.join('-')}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
});
document.querySelector('#compare-print')!.addEventListener('click', () => window.print());
// intent: the reader points at or tabs into the controls or the view
for (const el of [form, view]) for (const ev of ['pointerover', 'focusin', 'touchstart']) el.addEventListener(ev, quiet, { once: true, passive: true });
if (location.search !== '') quiet();
else {
  // the static view is the default state's, and every control answers from here on
  tableOpen = !view.querySelector('#ranking-body')?.classList.contains('collapsed');
  view.dataset.state = 'ready';
}
