/** The address of a published data file (under the site's base), for the page and the engine. No engine code: figures import it without loading DuckDB-WASM. */
export function dataUrl(file: string): string {
  const base = (import.meta.env.BASE_URL ?? '/').replace(/\/$/, '');
  return new URL(`${base}/data/${file}`, window.location.href).href;
}

/** The published codebook: fetched by a link as the page starts (boot.ts) and by the figure code (hydrate.ts), once. */
export const codebookUrl = (): string => dataUrl('codebook.json');

/** A figure's build-time results (lib/figures/results.ts), published by src/pages/data/figures/[id].json.ts. */
export const resultsUrl = (figureId: string): string => dataUrl(`figures/${figureId}.json`);
