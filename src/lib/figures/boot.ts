/**
 * Loaded on every page with figures; kept tiny. The heavy part (DuckDB-WASM, Plot, the figure
 * specs) is imported only on the first interaction, or at once when the URL carries a view.
 *
 * Warm-up on intent (issue #13): when a reader shows they may use a figure's controls — the
 * controls stay in view for INTENT_DWELL_MS, or the pointer or focus reaches them — the figure code,
 * the codebook and that figure's build-time results (a few KB: results.ts) load in the background,
 * so the first change draws at once; the engine starts only for a figure whose views the results do
 * not hold. Readers who only scroll past, or who asked to save data, download nothing.
 */
import { messages } from '../messages.ts';
import { markEmptyOptions } from './frame.ts';
import { fetchJSON } from './fetch-once.ts';
import { codebookUrl, resultsUrl } from '../db/url.ts';

type Hydrate = typeof import('./hydrate.ts');
let loading: Promise<Hydrate> | null = null;
const load = () => {
  loading ??= import('./hydrate.ts');
  loading.catch(() => {
    loading = null;
    for (const fig of document.querySelectorAll<HTMLElement>('figure[data-figure-id] .status'))
      Object.assign(fig, { textContent: messages.interactiveUnavailable }).dataset.kind = 'error';
  });
  return loading;
};

/** how long controls must stay on screen before their figure is warmed up */
export const INTENT_DWELL_MS = 700;
const warmed = new WeakSet<Element>();
const warm = (fig: HTMLElement) => {
  if (warmed.has(fig)) return;
  warmed.add(fig);
  load().then((h) => h.warm(fig)).catch(() => {});
};
const saveData = (navigator as any).connection?.saveData === true;
const dwell = new Map<Element, ReturnType<typeof setTimeout>>();
const seen =
  !saveData && 'IntersectionObserver' in window
    ? new IntersectionObserver((entries) => {
        for (const e of entries) {
          clearTimeout(dwell.get(e.target));
          if (e.isIntersecting) dwell.set(e.target, setTimeout(() => (seen?.unobserve(e.target), warm(e.target.closest('figure')!)), INTENT_DWELL_MS));
        }
      })
    : null;

for (const fig of document.querySelectorAll<HTMLElement>('figure[data-figure-id]')) {
  const id = fig.dataset.figureId!;
  const controls = fig.querySelector('form.controls');
  controls?.addEventListener('submit', (e) => e.preventDefault());
  if (controls) {
    seen?.observe(controls);
    controls.addEventListener('pointerenter', () => warm(fig), { once: true });
    controls.addEventListener('focusin', () => warm(fig), { once: true });
  }
  markEmptyOptions(fig);
  fig.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).closest('form.controls')) markEmptyOptions(fig);
    if ((e.target as HTMLElement).closest('form.controls')) load().then((h) => h.update(fig)).catch(() => {});
  });
  fig.addEventListener('click', (e) => {
    const btn = (e.target as HTMLElement).closest<HTMLElement>('[data-action]');
    if (btn) load().then((h) => h.action(fig, btn.dataset.action!)).catch(() => {});
  });
  const keys = [...new URLSearchParams(location.search).keys()];
  if (keys.some((k) => k.startsWith(id + '.'))) {
    // a link: what the view needs is fetched now, beside the figure code rather than after it
    fetchJSON(codebookUrl());
    if (fig.dataset.results !== undefined) fetchJSON(resultsUrl(id));
    load().then((h) => h.restoreFromURL(fig)).catch(() => {});
  }
}
