import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  output: 'static',
  site: 'http://127.0.0.1:4321',
  integrations: [mdx()],
  build: { inlineStylesheets: 'never' },
  vite: {
    // DuckDB-WASM ships its own worker and wasm; Vite copies them (hashed) via ?url imports.
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    build: { assetsInlineLimit: 0 },
  },
});
