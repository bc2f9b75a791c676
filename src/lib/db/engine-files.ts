/**
 * The DuckDB-WASM engine's two files, self-hosted from the build (Vite `?url`: hashed names under /_astro/).
 * One place for both users: the browser client (src/lib/db/browser.ts) starts the engine from them, and
 * the page head (src/layouts/Base.astro → public/head.js) preloads them when a shared link carries a
 * figure's state, so their download starts while the page is still parsing.
 */
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';

export const ENGINE_FILES = { wasm: ehWasm, worker: ehWorker } as const;
