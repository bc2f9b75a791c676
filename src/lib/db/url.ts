/** The address of a published data file (under the site's base), for the page and the engine. No engine code: figures import it without loading DuckDB-WASM. */
export function dataUrl(file: string): string {
  const base = (import.meta.env.BASE_URL ?? '/').replace(/\/$/, '');
  return new URL(`${base}/data/${file}`, window.location.href).href;
}
