/**
 * Loaded on every page with figures; kept tiny. The heavy part (DuckDB-WASM, Plot, the figure
 * specs) is imported only on the first interaction, or at once when the URL carries a view.
 */
import { messages } from '../messages.ts';

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

for (const fig of document.querySelectorAll<HTMLElement>('figure[data-figure-id]')) {
  const id = fig.dataset.figureId!;
  fig.querySelector('form.controls')?.addEventListener('submit', (e) => e.preventDefault());
  fig.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).closest('form.controls')) load().then((h) => h.update(fig)).catch(() => {});
  });
  fig.addEventListener('click', (e) => {
    const btn = (e.target as HTMLElement).closest<HTMLElement>('[data-action]');
    if (btn) load().then((h) => h.action(fig, btn.dataset.action!)).catch(() => {});
  });
  const keys = [...new URLSearchParams(location.search).keys()];
  if (keys.some((k) => k.startsWith(id + '.'))) load().then((h) => h.restoreFromURL(fig)).catch(() => {});
}
