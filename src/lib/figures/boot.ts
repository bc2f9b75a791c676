/**
 * Loaded on every page with figures; kept tiny. The heavy part (DuckDB-WASM, Plot, the figure
 * specs) is imported only on the first interaction, or at once when the URL carries a view.
 */
type Hydrate = typeof import('./hydrate.ts');
let loading: Promise<Hydrate> | null = null;
const load = () => (loading ??= import('./hydrate.ts'));

for (const fig of document.querySelectorAll<HTMLElement>('figure[data-figure-id]')) {
  const id = fig.dataset.figureId!;
  fig.querySelector('form.controls')?.addEventListener('submit', (e) => e.preventDefault());
  fig.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).closest('form.controls')) load().then((h) => h.update(fig));
  });
  fig.addEventListener('click', (e) => {
    const btn = (e.target as HTMLElement).closest<HTMLElement>('[data-action]');
    if (btn) load().then((h) => h.action(fig, btn.dataset.action!));
  });
  const keys = [...new URLSearchParams(location.search).keys()];
  if (keys.some((k) => k.startsWith(id + '.'))) load().then((h) => h.restoreFromURL(fig));
}
