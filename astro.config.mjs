import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { readHeaders } from './src/lib/headers.mjs';

export default defineConfig({
  output: 'static',
  // REPORT_OUT_DIR lets tests build a second copy of the site from other data (REPORT_DATA_DIR)
  outDir: process.env.REPORT_OUT_DIR ?? './dist',
  // REPORT_PUBLIC_DIR: the static files (with data/) of that other copy, e.g. the imported survey's
  publicDir: process.env.REPORT_PUBLIC_DIR ?? './public',
  site: 'http://127.0.0.1:4321',
  integrations: [mdx()],
  // the security headers of public/_headers, served by `astro preview` too (docs/hosting.md)
  server: { headers: readHeaders('./public/_headers') },
  build: { inlineStylesheets: 'never' },
  vite: {
    // DuckDB-WASM ships its own worker and wasm; Vite copies them (hashed) via ?url imports.
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    build: { assetsInlineLimit: 0 },
  },
});
