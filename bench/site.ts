/**
 * Browser benchmark of one chapter page: serves a copy of dist/ whose data/ folder holds the
 * given Parquet files (the static SVGs stay those of the build; the browser queries the new data).
 */
import { chromium } from '@playwright/test';
import { serveStatic } from './static-server.ts';
import { writeFileSync } from 'node:fs';
import { compareAggregates } from '../src/lib/compare/aggregate.ts';
import { nodeClient } from '../src/lib/db/node.ts';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';

const PAGE = '/chapters/03-competency-today/';
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

export async function benchSite(dataDir: string, label: string, port = 4411) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-site-'));
  cpSync('dist', root, { recursive: true });
  for (const f of ['respondents.parquet', 'competency.parquet', 'codebook.json']) cpSync(path.join(dataDir, f), path.join(root, 'data', f));
  // a static server that answers Range requests like a static host
  // the comparison explorer's aggregate table, rebuilt for this data
  const t0agg = performance.now();
  const agg = await compareAggregates((sql) => nodeClient(dataDir).query(sql), JSON.parse(readFileSync(path.join(dataDir, 'codebook.json'), 'utf8')));
  const aggMs = performance.now() - t0agg;
  writeFileSync(path.join(root, 'data', 'compare.json'), JSON.stringify(agg));
  const server = await serveStatic(root, port);
  try {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const page = await browser.newPage();
    const base = `http://127.0.0.1:${port}`;
    let bytes = 0;
    page.on('response', async (res) => {
      if (res.url().includes('.parquet') && res.request().method() === 'GET') bytes += Number((await res.allHeaders())['content-length'] ?? 0);
    });
    await page.goto(base + PAGE, { waitUntil: 'load' });
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').filter((e: any) => e.initiatorType === 'script').map((e) => new URL(e.name).pathname));
    const jsGzip = scripts.reduce((s, p) => s + gzipSync(readFileSync(path.join(root, p))).length, 0);
    const fig = page.locator('figure#competency-profile');
    const select = fig.locator('select[name=county]');
    const t0 = Date.now();
    await select.selectOption('h_county');
    await page.waitForFunction(() => document.querySelector('figure#competency-profile')?.getAttribute('data-state') === 'ready', null, { timeout: 120000 });
    const firstMs = Date.now() - t0;
    const firstBytes = bytes;
    const options = ['l_county', 'q_county', 'z_urban', 'g_district', 'b_county', 'all', 'h_county', 'c_county', 'd_county', 'e_county', 'f_county'];
    const times: number[] = [];
    const perQueryBytes: number[] = [];
    for (let i = 0; i < 22; i++) {
      const before = bytes;
      await page.evaluate(() => document.querySelector('figure#competency-profile')!.setAttribute('data-state', 'loading'));
      await select.selectOption(options[i % options.length]);
      await page.waitForFunction(() => document.querySelector('figure#competency-profile')?.getAttribute('data-state') === 'ready', null, { timeout: 120000 });
      times.push(Number(await fig.getAttribute('data-render-ms')));
      perQueryBytes.push(bytes - before);
    }
    console.log(`-- ${label}`);
    console.log(`   JS before interaction: ${(jsGzip / 1024).toFixed(1)} KB gzip (${scripts.length} script(s))`);
    console.log(`   first control change → redrawn (DuckDB-WASM start + query): ${firstMs} ms; Parquet bytes read: ${(firstBytes / 1024).toFixed(0)} KB`);
    console.log(`   re-query + redraw after a change: median ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms (n=${times.length})`);
    console.log(`   Parquet bytes per query after start: median ${(pct(perQueryBytes, 0.5) / 1024).toFixed(1)} KB`);
    // /compare/: selection change → updated view
    await page.goto(base + '/compare/', { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('#compare-view')?.getAttribute('data-state') === 'ready');
    const ctimes: number[] = [];
    const renders: number[] = [];
    const picks = ['b_county', 'c_county', 'd_county', 'e_county', 'f_county'];
    for (let i = 0; i < 20; i++) {
      const value = picks[i % picks.length];
      const ms = await page.evaluate(async (v) => {
        const box = document.querySelector<HTMLInputElement>(`input[name=g][value=${v}]`)!;
        const t = performance.now();
        box.click();
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        return performance.now() - t;
      }, value);
      ctimes.push(ms);
      renders.push(Number(await page.locator('#compare-view').getAttribute('data-render-ms')));
    }
    console.log(`   /compare/: aggregate table built in ${aggMs.toFixed(0)} ms (build time); selection change → updated view (to next frame): median ${pct(ctimes, 0.5).toFixed(1)} ms, p95 ${pct(ctimes, 0.95).toFixed(1)} ms; render alone median ${pct(renders, 0.5).toFixed(1)} ms`);
    await browser.close();
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
}
