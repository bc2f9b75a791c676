import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { dictionaryProblems } from './src/i18n/check.ts';
import { fileURLToPath } from 'node:url';
import { existsSync, renameSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { readHeaders } from './src/lib/headers.mjs';
import { precompress } from './src/lib/precompress.mjs';

/** A missing, empty or unused dictionary key fails the build (src/i18n). */
const i18nCheck = {
  name: 'i18n-dictionary-check',
  hooks: {
    'astro:build:start': () => {
      const problems = dictionaryProblems();
      if (problems.length) throw new Error(`UI dictionaries (src/i18n):\n  ${problems.join('\n  ')}`);
    },
  },
};

/**
 * Astro writes src/pages/zh/404.astro to zh/404/index.html (only the root 404 gets a .html name): move it to
 * zh/404.html, where static hosts look for the 404 page of /zh/… (docs/hosting.md). Runs before precompress.
 */
const zhNotFound = {
  name: 'zh-404',
  hooks: {
    'astro:build:done': ({ dir }) => {
      const root = fileURLToPath(dir);
      const from = path.join(root, 'zh', '404', 'index.html');
      if (!existsSync(from)) return;
      renameSync(from, path.join(root, 'zh', '404.html'));
      rmdirSync(path.join(root, 'zh', '404'));
    },
  },
};

/** Brotli and gzip copies of the engine, data and pages for the server to send (src/lib/precompress.mjs). */
const precompressed = {
  name: 'precompress',
  hooks: {
    'astro:build:done': ({ dir, logger }) => {
      const t0 = performance.now();
      const files = precompress(fileURLToPath(dir), { cacheDir: '.cache/precompress' });
      const sum = (k) => files.reduce((s, f) => s + (f[k] ?? f.bytes), 0);
      logger.info(`${files.length} files precompressed in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${(sum('bytes') / 1e6).toFixed(1)} MB → ${(sum('br') / 1e6).toFixed(1)} MB br, ${(sum('gz') / 1e6).toFixed(1)} MB gzip`);
    },
  },
};

export default defineConfig({
  output: 'static',
  // REPORT_OUT_DIR lets tests build a second copy of the site from other data (REPORT_DATA_DIR)
  outDir: process.env.REPORT_OUT_DIR ?? './dist',
  // REPORT_PUBLIC_DIR: the static files (with data/) of that other copy, e.g. the imported survey's
  publicDir: process.env.REPORT_PUBLIC_DIR ?? './public',
  site: 'http://127.0.0.1:4321',
  integrations: [mdx(), i18nCheck, zhNotFound, precompressed],
  // the security headers of public/_headers, served by `astro preview` too (docs/hosting.md)
  server: { headers: readHeaders('./public/_headers') },
  build: { inlineStylesheets: 'never' },
  vite: {
    // DuckDB-WASM ships its own worker and wasm; Vite copies them (hashed) via ?url imports.
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    build: { assetsInlineLimit: 0 },
  },
});
