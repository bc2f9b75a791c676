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
 *     (the figure warms up on intent, src/lib/figures/boot.ts); the time is change → redrawn.
 * A change or a link reads the build's results (lib/figures/results.ts, rebuilt here for the data
 * swapped in); the "engine path" lines force DuckDB-WASM (`__figureSource = 'engine'`), as for a
 * view the results do not hold. Then warm re-query + redraw (median, p95), both paths, and JS loaded
 * before interaction.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { serveStatic } from '../src/lib/serve/static.mjs';
import { readdirSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { buildResults } from '../src/lib/figures/render-static.ts';
import { compareAggregates } from '../src/lib/compare/aggregate.ts';
import { nodeClient } from '../src/lib/db/node.ts';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';

const PAGE = '/chapters/03-competency-today/';
const FIG = 'competency-profile';
const INTENT_MS = 1500;
const REPEAT = Number(process.env.BENCH_COLD_REPEAT ?? 3);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const median = (xs: number[]) => pct(xs, 0.5);
/** BENCH_WARM_ONLY=1 (`npm run bench -- --warm-only`): only the warm re-query + redraw and /compare/ */
const warmOnly = () => process.env.BENCH_WARM_ONLY === '1';
const THROTTLE = { offline: false, latency: 40, downloadThroughput: (20e6 / 8), uploadThroughput: (20e6 / 8) };

async function freshPage(browser: Browser, throttled: boolean, engine = false): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  if (engine) await page.addInitScript('globalThis.__figureSource = "engine"');
  // tsx keeps function names (esbuild keepNames): functions passed to page.evaluate may call __name
  await page.addInitScript('globalThis.__name = (f) => f');
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
async function coldFigure(browser: Browser, base: string, throttled: boolean, intent: boolean, engine = false): Promise<number> {
  const page = await freshPage(browser, throttled, engine);
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

/** coldLink's runs, measured from the page's DOMContentLoaded (the page itself loaded, as for a first change) */
const sinceLoaded: number[] = [];
/**
 * chapter page opened from a shared link with a figure state: navigation start → the linked view drawn
 * (the figure's first `show` painted, data-paint-ms set), ms. The figure code, codebook and results (or,
 * on the engine path, the engine) load at once (boot.ts).
 */
async function coldLink(browser: Browser, base: string, throttled: boolean, engine = false): Promise<number> {
  const page = await freshPage(browser, throttled, engine);
  await page.goto(`${base}${PAGE}?${FIG}.county=h_county&${FIG}.dept=township_office`, { waitUntil: 'commit' });
  const fig = `figure#${FIG}`;
  await page.waitForFunction((s) => {
    const f = document.querySelector<HTMLElement>(s);
    return f?.dataset.state === 'ready' && f.dataset.paintMs !== undefined;
  }, fig, { timeout: 180_000 });
  const ms = await page.evaluate((s) => {
    const f = document.querySelector<HTMLElement>(s)!;
    // the view is the link's: its controls say so (the bench would otherwise time the static default)
    if (f.querySelector<HTMLSelectElement>('select[name=county]')!.value !== 'h_county') return [NaN, NaN];
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return [performance.now(), performance.now() - nav.domContentLoadedEventEnd];
  }, fig);
  sinceLoaded.push(ms[1]);
  await page.context().close();
  return ms[0];
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
  const served = { requests: 0 };
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-site-'));
  cpSync(process.env.BENCH_DIST ?? 'dist', root, { recursive: true });
  // the data files of this size (their precompressed copies of the default build would be stale)
  for (const f of ['respondents.parquet', 'competency_cube.parquet', 'dimension_cube.parquet', 'groups.parquet', 'codebook.json']) {
    // (a data folder built before the cubes existed has none: the dist of that time does not read them)
    if (!existsSync(path.join(dataDir, f))) continue;
    cpSync(path.join(dataDir, f), path.join(root, 'data', f));
    for (const ext of ['.br', '.gz']) rmSync(path.join(root, 'data', f + ext), { force: true });
  }
  const t0agg = performance.now();
  const agg = await compareAggregates((sql) => nodeClient(dataDir).query(sql), JSON.parse(readFileSync(path.join(dataDir, 'codebook.json'), 'utf8')));
  const aggMs = performance.now() - t0agg;
  writeFileSync(path.join(root, 'data', 'compare.json'), JSON.stringify(agg));
  for (const ext of ['.br', '.gz']) rmSync(path.join(root, 'data', 'compare.json' + ext), { force: true });
  // each figure's results for this data, as the site build makes them (served precompressed there: brotli here too)
  const t0res = performance.now();
  let resultBytes = 0;
  const resultsDir = path.join(root, 'data', 'figures');
  for (const f of readdirSync(resultsDir).filter((f) => f.endsWith('.json'))) {
    const id = f.replace(/\.json$/, '');
    const def = (await import(`../src/figures/${id}/figure.ts`)).figure;
    const text = JSON.stringify(await buildResults(def, dataDir));
    writeFileSync(path.join(resultsDir, f), text);
    const br = brotliCompressSync(text);
    writeFileSync(path.join(resultsDir, f + '.br'), br);
    rmSync(path.join(resultsDir, f + '.gz'), { force: true });
    resultBytes += br.length;
  }
  const resMs = performance.now() - t0res;
  const plain = await serveStatic({ root, port, compression: false });
  const packed = await serveStatic({ root, port: port + 5, compression: true });
  const basePlain = `http://127.0.0.1:${port}`;
  const base = `http://127.0.0.1:${port + 5}`;
  // Parquet requests the server answers (the worker's range reads; Playwright does not see all of them)
  packed.on('request', (req: { url?: string; method?: string }) => {
    if (req.url?.includes('.parquet')) served.requests++;
  });
  try {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    console.log(`-- ${label}   (load: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`);
    console.log(`   figure results (every view of every figure with controls) built in ${(resMs / 1000).toFixed(1)} s, ${(resultBytes / 1024).toFixed(0)} KB brotli in all`);
    if (!warmOnly()) console.log(`   JS before interaction: chapter ${await jsBefore(browser, base, PAGE, root)}; /compare/ ${await jsBefore(browser, base, '/compare/', root)}; /data/sql/ ${await jsBefore(browser, base, '/data/sql/', root)}`);
    const runs = async (f: () => Promise<number>) => {
      const xs: number[] = [];
      for (let i = 0; i < REPEAT; i++) xs.push(await f());
      return `${median(xs).toFixed(0)} ms [${xs.map((x) => x.toFixed(0)).join(', ')}]`;
    };
    for (const throttled of warmOnly() ? [] : [false, true]) {
      const link = throttled ? '20 Mbps/40 ms' : 'localhost';
      console.log(`   cold first interaction, ${link} (median of ${REPEAT}, fresh cache each):`);
      console.log(`     chapter figure  before (identity, no intent): ${await runs(() => coldFigure(browser, basePlain, throttled, false))}`);
      console.log(`     chapter figure  br, no intent:                 ${await runs(() => coldFigure(browser, base, throttled, false))}`);
      console.log(`     chapter figure  br + intent (${INTENT_MS} ms hover):   ${await runs(() => coldFigure(browser, base, throttled, true))}`);
      sinceLoaded.length = 0;
      console.log(`     shared link with state, br (navigation → view): ${await runs(() => coldLink(browser, base, throttled))}`);
      console.log(`       of which after the page's DOMContentLoaded:   ${median(sinceLoaded).toFixed(0)} ms [${sinceLoaded.map((x) => x.toFixed(0)).join(', ')}]`);
      console.log(`     engine path (a view not in the results), br, no intent: ${await runs(() => coldFigure(browser, base, throttled, false, true))}`);
      console.log(`     engine path, shared link with state, br:        ${await runs(() => coldLink(browser, base, throttled, true))}`);
      console.log(`     SQL console     before (identity):             ${await runs(() => coldConsole(browser, basePlain, throttled))}`);
      console.log(`     SQL console     br:                            ${await runs(() => coldConsole(browser, base, throttled))}`);
    }

    // warm: re-query + redraw per figure kind, Parquet bytes per query, where the time goes
    const page = await freshPage(browser, false);
    console.log('   warm, from the results (what a reader gets):');
    for (const line of await warmFigures(page, base, served)) console.log(line);
    const enginePage = await freshPage(browser, false, true);
    console.log('   warm, engine path (DuckDB-WASM, for views the results do not hold):');
    for (const line of await warmFigures(enginePage, base, served)) console.log(line);
    await enginePage.context().close();
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

/**
 * The figure kinds timed warm: a dot plot over the competency table (the issue's figure), a heatmap,
 * the IPA scatter (label placement) and a group breakdown over the protected aggregate table.
 * `steps`: the controls changed one at a time; only options the figure offers (not disabled) are used.
 */
const WARM_FIGURES: { page: string; fig: string; controls: string[] }[] = [
  { page: '/chapters/03-competency-today/', fig: 'competency-profile', controls: ['county', 'dept'] },
  { page: '/chapters/04-training-needs/', fig: 'gap-heatmap', controls: ['dept'] },
  { page: '/chapters/04-training-needs/', fig: 'ipa-quadrants', controls: ['county', 'dept'] },
  { page: '/chapters/03-competency-today/', fig: 'dimension-by-group', controls: ['group', 'county'] },
];
const WARM_STEPS = Number(process.env.BENCH_WARM_STEPS ?? 24);

interface Change {
  /** change → figure ready (data-state), script only: what data-render-ms measured before */
  renderMs: number;
  /** change event dispatched → the next animation frame after ready (style, layout included) */
  frameMs: number;
  /** update start → the task after the first frame that shows the new view (data-paint-ms; NaN before it existed) */
  paintMs: number;
  queryMs: number;
  steps: Record<string, number>;
  bytes: number;
  requests: number;
}

/** one control change in the page, timed there (no Playwright round trip inside the measurement) */
async function change(page: Page, fig: string, name: string, value: string): Promise<Omit<Change, 'bytes' | 'requests'>> {
  return page.evaluate(
    async ({ fig, name, value }) => {
      const f = document.querySelector<HTMLElement>(`figure#${fig}`)!;
      const sel = f.querySelector<HTMLSelectElement>(`form.controls select[name=${name}]`)!;
      performance.clearMeasures();
      f.dataset.state = 'pending';
      sel.value = value;
      const t0 = performance.now();
      sel.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          const s = f.dataset.state;
          if (s === 'ready') return resolve(), true;
          if (s === 'error') return reject(new Error(f.querySelector('.status')?.textContent ?? 'error')), true;
          return false;
        };
        if (check()) return;
        const mo = new MutationObserver(() => check() && mo.disconnect());
        mo.observe(f, { attributes: true, attributeFilter: ['data-state'] });
        setTimeout(() => (mo.disconnect(), reject(new Error('timeout'))), 120_000);
      });
      const frameMs = await new Promise<number>((r) => requestAnimationFrame(() => r(performance.now() - t0)));
      const steps: Record<string, number> = {};
      for (const m of performance.getEntriesByType('measure')) if (m.name.startsWith('fig:')) steps[m.name.slice(4)] = (steps[m.name.slice(4)] ?? 0) + m.duration;
      return { renderMs: Number(f.dataset.renderMs), paintMs: Number(f.dataset.paintMs ?? NaN), frameMs, queryMs: Number(f.dataset.queryMs ?? NaN), steps };
    },
    { fig, name, value },
  );
}

/** the sequence of single-control changes: each control in turn cycles through the options it offers */
async function plan(page: Page, fig: string, controls: string[], n: number): Promise<[string, string][]> {
  const options = await page.evaluate(
    ({ fig, controls }) =>
      controls.map((c) => [...document.querySelectorAll<HTMLOptionElement>(`figure#${fig} form.controls select[name=${c}] option`)].map((o) => o.value)),
    { fig, controls },
  );
  const out: [string, string][] = [];
  // outer control: a few values; inner control: all its values (distinct combinations, no repeats)
  const [inner, outer] = [0, controls.length - 1];
  for (const ov of controls.length > 1 ? options[outer].slice(0, 4) : ['-']) {
    if (controls.length > 1) out.push([controls[outer], ov]);
    for (const iv of options[inner]) out.push([controls[inner], iv]);
  }
  return out.slice(0, n);
}

async function warmFigures(page: Page, base: string, served: { requests: number }): Promise<string[]> {
  let bytes = 0;
  page.on('response', async (res) => {
    if (res.url().includes('.parquet') && res.request().method() === 'GET') bytes += Number((await res.allHeaders())['content-length'] ?? 0);
  });
  const lines: string[] = [];
  const all: Record<string, number[]> = {};
  let current = '';
  for (const { page: url, fig, controls } of WARM_FIGURES) {
    if (url !== current) {
      await page.goto(base + url, { waitUntil: 'load' });
      current = url;
    }
    await page.locator(`figure#${fig}`).scrollIntoViewIfNeeded();
    // first change starts the engine (not timed); then distinct combinations, then a revisit of the first ones
    const steps = await plan(page, fig, controls, WARM_STEPS);
    const disabled = (name: string, value: string) =>
      page.evaluate(({ fig, name, value }) => !!document.querySelector<HTMLOptionElement>(`figure#${fig} select[name=${name}] option[value="${value}"]`)?.disabled, { fig, name, value });
    const first = steps.find(([n]) => n === controls[0])!;
    const firstOther = (await page.evaluate(({ fig, name }) => [...document.querySelectorAll<HTMLOptionElement>(`figure#${fig} select[name=${name}] option`)].map((o) => o.value), { fig, name: first[0] })).find((v) => v !== first[1])!;
    const b0 = bytes;
    await change(page, fig, first[0], firstOther);
    const firstBytes = bytes - b0;
    const runs: Change[] = [];
    const seen = new Set<string>();
    for (const [name, value] of steps) {
      if (await disabled(name, value)) continue;
      const before = bytes;
      const reqs = served.requests;
      const r = await change(page, fig, name, value);
      const key = JSON.stringify(await page.evaluate((fig) => [...document.querySelectorAll<HTMLSelectElement>(`figure#${fig} form.controls select`)].map((s) => s.value), fig));
      if (seen.has(key)) continue; // a combination seen before (the first one, or a repeat): not a re-query
      seen.add(key);
      runs.push({ ...r, bytes: bytes - before, requests: served.requests - reqs });
    }
    const revisit: number[] = [];
    for (const [name, value] of steps.slice(0, 8)) if (!(await disabled(name, value))) revisit.push((await change(page, fig, name, value)).renderMs);
    const stat = (xs: number[]) => `median ${median(xs).toFixed(1)}, p95 ${pct(xs, 0.95).toFixed(1)}`;
    const render = runs.map((r) => r.renderMs);
    (all[fig] ??= []).push(...render);
    lines.push(
      `   ${fig.padEnd(19)} warm re-query + redraw (n=${runs.length} distinct views): ${stat(render)} ms; painted ${stat(runs.map((r) => r.paintMs))} ms; change to frame after ready ${stat(runs.map((r) => r.frameMs))} ms; ` +
        `query ${stat(runs.map((r) => r.queryMs))} ms; revisit ${median(revisit).toFixed(1)} ms; Parquet: first ${(firstBytes / 1024).toFixed(0)} KB, then median ${(median(runs.map((r) => r.bytes)) / 1024).toFixed(1)} KB and ${median(runs.map((r) => r.requests))} HTTP requests per query`,
    );
    const names = [...new Set(runs.flatMap((r) => Object.keys(r.steps)))];
    const order = ['empty-options', 'codebook', 'params', 'sql', 'query', 'bind', 'prepare', 'execute', 'arrow-to-rows', 'close', 'suppress', 'width', 'plot', 'labels', 'dom-chart', 'table-html', 'dom-table', 'notes', 'url', 'total'];
    names.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    lines.push(`     steps (median ms): ${names.map((n) => `${n} ${median(runs.map((r) => r.steps[n] ?? 0)).toFixed(1)}`).join(', ')}`);
  }
  return lines;
}
