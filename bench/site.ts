/**
 * Browser benchmark per page kind, against a copy of dist/ whose data/ folder holds the given
 * Parquet files (the static SVGs stay those of the build; the browser queries the new data), served
 * by the report's own static server (src/lib/serve/static.mjs) with and without its precompressed files.
 *
 * Cold first interaction (fresh browser context, empty cache), per page kind, on localhost and on a
 * simulated 20 Mbps / 40 ms link (CDP Network.emulateNetworkConditions):
 *   - "before": identity files, the change made at once (no intent seen: the engine starts on the change);
 *   - "br": precompressed files, change at once;
 *   - "br+intent": precompressed, the pointer rests on the controls INTENT_MS before the change
 *     (the engine starts on intent, src/lib/figures/boot.ts); the time is change → redrawn.
 * Then warm re-query + redraw (median, p95) and JS loaded before interaction.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { serveStatic } from '../src/lib/serve/static.mjs';
import { writeFileSync } from 'node:fs';
import { compareAggregates } from '../src/lib/compare/aggregate.ts';
import { nodeClient } from '../src/lib/db/node.ts';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';

const PAGE = '/chapters/03-competency-today/';
const FIG = 'competency-profile';
const INTENT_MS = 1500;
const REPEAT = Number(process.env.BENCH_COLD_REPEAT ?? 3);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const median = (xs: number[]) => pct(xs, 0.5);
const THROTTLE = { offline: false, latency: 40, downloadThroughput: (20e6 / 8), uploadThroughput: (20e6 / 8) };

async function freshPage(browser: Browser, throttled: boolean): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  if (throttled) {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  }
  return page;
}

const waitReady = (page: Page, sel: string) =>
  page.waitForFunction((s) => document.querySelector(s)?.getAttribute('data-state') === 'ready', sel, { timeout: 180_000 });

/** chapter page: cold first change of a figure control → redrawn, ms */
async function coldFigure(browser: Browser, base: string, throttled: boolean, intent: boolean): Promise<number> {
  const page = await freshPage(browser, throttled);
  await page.goto(base + PAGE, { waitUntil: 'load' });
  const fig = `figure#${FIG}`;
  if (intent) {
    await page.locator(`${fig} form.controls`).hover();
    await page.waitForTimeout(INTENT_MS);
  }
  const t0 = await page.evaluate((s) => {
    const sel = document.querySelector<HTMLSelectElement>(`${s} select[name=county]`)!;
    sel.value = 'h_county';
    const t = performance.now();
    sel.dispatchEvent(new Event('change', { bubbles: true }));
    return t;
  }, fig);
  await waitReady(page, fig);
  const t1 = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
  await page.context().close();
  return t1 - t0;
}

/** SQL console: cold first query → result, ms */
async function coldConsole(browser: Browser, base: string, throttled: boolean): Promise<number> {
  const page = await freshPage(browser, throttled);
  await page.goto(base + '/data/sql/', { waitUntil: 'load' });
  await page.fill('#sql', 'SELECT county, count(*) AS n FROM respondents GROUP BY county');
  const t0 = Date.now();
  await page.click('#run');
  await page.waitForFunction(() => document.body.dataset.consoleState && document.body.dataset.consoleState !== 'running', null, { timeout: 180_000 });
  const ms = Date.now() - t0;
  await page.context().close();
  return ms;
}

async function jsBefore(browser: Browser, base: string, url: string, root: string) {
  const page = await freshPage(browser, false);
  await page.goto(base + url, { waitUntil: 'load' });
  await page.waitForTimeout(200);
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').filter((e: any) => e.initiatorType === 'script').map((e) => new URL(e.name).pathname));
  const kb = scripts.reduce((s, p) => s + gzipSync(readFileSync(path.join(root, p))).length, 0) / 1024;
  await page.context().close();
  return `${kb.toFixed(1)} KB gzip (${scripts.length})`;
}

export async function benchSite(dataDir: string, label: string, port = 4411) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-site-'));
  cpSync('dist', root, { recursive: true });
  // the data files of this size (their precompressed copies of the default build would be stale)
  for (const f of ['respondents.parquet', 'competency.parquet', 'codebook.json']) {
    cpSync(path.join(dataDir, f), path.join(root, 'data', f));
    for (const ext of ['.br', '.gz']) rmSync(path.join(root, 'data', f + ext), { force: true });
  }
  const t0agg = performance.now();
  const agg = await compareAggregates((sql) => nodeClient(dataDir).query(sql), JSON.parse(readFileSync(path.join(dataDir, 'codebook.json'), 'utf8')));
  const aggMs = performance.now() - t0agg;
  writeFileSync(path.join(root, 'data', 'compare.json'), JSON.stringify(agg));
  for (const ext of ['.br', '.gz']) rmSync(path.join(root, 'data', 'compare.json' + ext), { force: true });
  const plain = await serveStatic({ root, port, compression: false });
  const packed = await serveStatic({ root, port: port + 5, compression: true });
  const basePlain = `http://127.0.0.1:${port}`;
  const base = `http://127.0.0.1:${port + 5}`;
  try {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    console.log(`-- ${label}   (load: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`);
    console.log(`   JS before interaction: chapter ${await jsBefore(browser, base, PAGE, root)}; /compare/ ${await jsBefore(browser, base, '/compare/', root)}; /data/sql/ ${await jsBefore(browser, base, '/data/sql/', root)}`);
    const runs = async (f: () => Promise<number>) => {
      const xs: number[] = [];
      for (let i = 0; i < REPEAT; i++) xs.push(await f());
      return `${median(xs).toFixed(0)} ms [${xs.map((x) => x.toFixed(0)).join(', ')}]`;
    };
    for (const throttled of [false, true]) {
      const link = throttled ? '20 Mbps/40 ms' : 'localhost';
      console.log(`   cold first interaction, ${link} (median of ${REPEAT}, fresh cache each):`);
      console.log(`     chapter figure  before (identity, no intent): ${await runs(() => coldFigure(browser, basePlain, throttled, false))}`);
      console.log(`     chapter figure  br, no intent:                 ${await runs(() => coldFigure(browser, base, throttled, false))}`);
      console.log(`     chapter figure  br + intent (${INTENT_MS} ms hover):   ${await runs(() => coldFigure(browser, base, throttled, true))}`);
      console.log(`     SQL console     before (identity):             ${await runs(() => coldConsole(browser, basePlain, throttled))}`);
      console.log(`     SQL console     br:                            ${await runs(() => coldConsole(browser, base, throttled))}`);
    }

    // warm: re-query + redraw on the chapter page, Parquet bytes per query
    const page = await freshPage(browser, false);
    let bytes = 0;
    page.on('response', async (res) => {
      if (res.url().includes('.parquet') && res.request().method() === 'GET') bytes += Number((await res.allHeaders())['content-length'] ?? 0);
    });
    await page.goto(base + PAGE, { waitUntil: 'load' });
    const fig = page.locator(`figure#${FIG}`);
    const select = fig.locator('select[name=county]');
    await select.selectOption('h_county');
    await waitReady(page, `figure#${FIG}`);
    const firstBytes = bytes;
    const options = ['l_county', 'q_county', 'z_urban', 'g_district', 'b_county', 'all', 'h_county', 'c_county', 'd_county', 'e_county', 'f_county'];
    const times: number[] = [];
    const queryTimes: number[] = [];
    const perQueryBytes: number[] = [];
    for (let i = 0; i < 22; i++) {
      const before = bytes;
      await page.evaluate((s) => document.querySelector(s)!.setAttribute('data-state', 'loading'), `figure#${FIG}`);
      await select.selectOption(options[i % options.length]);
      await waitReady(page, `figure#${FIG}`);
      times.push(Number(await fig.getAttribute('data-render-ms')));
      queryTimes.push(Number(await fig.getAttribute('data-query-ms')));
      perQueryBytes.push(bytes - before);
    }
    console.log(`   chapter: warm re-query + redraw: median ${median(times).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms (n=${times.length}), of which the DuckDB-WASM query median ${median(queryTimes).toFixed(1)} ms, p95 ${pct(queryTimes, 0.95).toFixed(1)} ms; Parquet read: first query ${(firstBytes / 1024).toFixed(0)} KB, then median ${(median(perQueryBytes) / 1024).toFixed(1)} KB per query`);
    // /compare/: selection change → updated view
    await page.goto(base + '/compare/', { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('#compare-view')?.getAttribute('data-state') === 'ready');
    // the aggregate table loads on intent (src/lib/compare/client.ts): point at the controls first
    await page.locator('#compare-controls').hover();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#compare-view')?.dataset.data === 'loaded');
    const ctimes: number[] = [];
    const renders: number[] = [];
    const picks = ['b_county', 'c_county', 'd_county', 'e_county', 'f_county'];
    for (let i = 0; i < 20; i++) {
      const value = picks[i % picks.length];
      const ms = await page.evaluate(async (v) => {
        const box = document.querySelector<HTMLInputElement>(`input[name=g][value=${v}]`);
        if (!box) return NaN;
        const t = performance.now();
        box.click();
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        return performance.now() - t;
      }, value);
      ctimes.push(ms);
      renders.push(Number(await page.locator('#compare-view').getAttribute('data-render-ms')));
    }
    console.log(`   /compare/: aggregate table built in ${aggMs.toFixed(0)} ms (build time); selection change → updated view (to next frame): median ${median(ctimes).toFixed(1)} ms, p95 ${pct(ctimes, 0.95).toFixed(1)} ms; render alone median ${median(renders).toFixed(1)} ms`);
    await browser.close();
  } finally {
    plain.close();
    packed.close();
    rmSync(root, { recursive: true, force: true });
  }
}
