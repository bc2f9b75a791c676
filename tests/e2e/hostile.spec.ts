/**
 * Hostile and broken input (issue #16): URL fuzz of every figure parameter and every /compare/
 * key, SQL-console abuse, and engine faults injected with page.route. Each case asserts what the
 * reader sees. Counts are printed at the end of each group (see the closing note of #16).
 */
import { test, expect, type Page, type Route } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { allFigures, watchExternal } from './helpers';

const PWN = 'window.__pwned=1';
/** each value is tried in every parameter of every figure on a page, and in every /compare/ key */
export const HOSTILE = [
  `<script>${PWN}</script>`,
  `"><img src=x onerror="${PWN}">`,
  `javascript:${PWN}`,
  "x' OR 1=1--",
  '‮مرحبا😀\u0000%00\u200b',
  'A'.repeat(10_000),
];

/** pages (from dist/) that together hold every figure with a control, fewest first */
async function fuzzPages(): Promise<{ page: string; figures: { id: string; params: string[] }[] }[]> {
  const defs = (await allFigures()).filter((d) => d.params.length);
  const onPage = new Map<string, string[]>();
  for (const dir of ['', ...readdirSync('dist/chapters').map((c) => `chapters/${c}/`)]) {
    const html = readFileSync(`dist/${dir}index.html`, 'utf8');
    onPage.set(`/${dir}`, [...html.matchAll(/data-figure-id="([^"]+)"/g)].map((m) => m[1]));
  }
  const left = new Set(defs.map((d) => d.id));
  const out: { page: string; figures: { id: string; params: string[] }[] }[] = [];
  while (left.size) {
    const [best] = [...onPage].sort((a, b) => b[1].filter((id) => left.has(id)).length - a[1].filter((id) => left.has(id)).length);
    const ids = best[1].filter((id) => left.has(id));
    if (!ids.length) throw new Error(`figures on no page: ${[...left].join(', ')}`);
    ids.forEach((id) => left.delete(id));
    out.push({ page: best[0], figures: best[1].flatMap((id) => defs.filter((d) => d.id === id).map((d) => ({ id, params: d.params.map((p) => p.name) }))) });
  }
  return out;
}

/** records page errors and dialogs; `check` asserts none happened and no injected script ran */
function watchScripts(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return async () => {
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  };
}

async function notWiderThanViewport(page: Page) {
  const { sw, vw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, vw: window.innerWidth }));
  expect(sw, 'page wider than the viewport').toBeLessThanOrEqual(vw);
}

test.describe('URL fuzz', () => {
  test.describe.configure({ mode: 'parallel' });
  test.use({ viewport: { width: 390, height: 844 } });
  const pages = fuzzPages();
  /** pages needed to reach every figure with a control (8 today); a failing count says to raise it */
  const SLOTS = 8;

  for (let slot = 0; slot < SLOTS; slot++) {
    test(`figure parameters, page set ${slot + 1}: hostile values are refused, echoed short, never run, never blank a figure`, async ({ page, baseURL }) => {
      // six page loads, each starting DuckDB: 40–45 s on a lightly shared 2-core machine, over 60 s under load
      test.slow();
      const sets = await pages;
      expect(sets.length, 'more pages needed than test slots: raise the slot count').toBeLessThanOrEqual(SLOTS);
      test.skip(slot >= sets.length, 'fewer pages needed');
      const { page: path, figures } = sets[slot];
      let tried = 0;
      for (const value of HOSTILE) {
        const external = watchExternal(page, baseURL!);
        const check = watchScripts(page);
        const sp = new URLSearchParams();
        // a 10,000-character value goes in one parameter of one figure (servers cap request headers near 16 KB)
        for (const f of figures) for (const p of value.length > 1000 ? (f === figures[0] ? f.params.slice(0, 1) : []) : f.params) sp.set(`${f.id}.${p}`, value);
        await page.goto(`${path}?${sp}`);
        tried++;
        for (const f of figures.filter((x) => x.params.some((p) => sp.has(`${x.id}.${p}`)))) {
          const fig = page.locator(`figure#${f.id}`);
          await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
          const status = (await fig.locator('.status').textContent())!;
          expect(status).toContain('Ignored invalid setting');
          // the value is echoed at most 80 characters (+ "…") per parameter
          expect(status.length).toBeLessThan(120 * f.params.length + 80);
          expect(await fig.locator('.chart svg *, .chart td').count(), `${f.id} blank`).toBeGreaterThan(10);
          for (const p of f.params) if (sp.has(`${f.id}.${p}`)) expect(await fig.locator(`select[name=${p}]`).inputValue()).toBe(await fig.locator(`select[name=${p}]`).getAttribute('data-default'));
        }
        await notWiderThanViewport(page);
        await check();
        expect(external).toEqual([]);
        page.removeAllListeners('pageerror');
        page.removeAllListeners('dialog');
        page.removeAllListeners('request');
      }
      console.log(`[hostile] ${path}: ${tried} URLs × ${figures.reduce((a, f) => a + f.params.length, 0)} parameters, all refused with a message`);
    });
  }

  test('/compare/ keys: hostile values are refused with a visible, wrapped message', async ({ page }) => {
    // one page load per hostile value and key: near the 60 s timeout on a loaded two-core machine
    test.slow();
    const check = watchScripts(page);
    let tried = 0;
    for (const value of HOSTILE) {
      for (const key of ['by', 'g', 'sort', 'dir']) {
        const sp = new URLSearchParams({ by: 'county', g: 'h_county,l_county', sort: 'turnover', dir: 'asc' });
        sp.set(key, value);
        await page.goto(`/compare/?${sp}`);
        tried++;
        await expect(page.locator('#compare-view')).toHaveAttribute('data-state', 'ready');
        const status = page.locator('#compare-status');
        await expect(status).toContainText('Ignored invalid setting');
        expect((await status.textContent())!.length).toBeLessThan(200);
        expect(await page.locator('.compare-group').count()).toBeGreaterThanOrEqual(2);
        await notWiderThanViewport(page);
      }
    }
    await check();
    console.log(`[hostile] /compare/: ${tried} URLs, all refused with a message`);
  });
});

test.describe('/compare/ group lists', () => {
  const groups = async (page: Page) => page.locator('.compare-group').evaluateAll((s) => s.map((x) => x.getAttribute('data-group')));
  test('duplicates, more than six, one group and an invalid direction each say so', async ({ page }) => {
    await page.goto('/compare/?by=county&g=h_county,h_county,h_county,l_county');
    await expect(page.locator('#compare-view')).toHaveAttribute('data-state', 'ready');
    expect(await groups(page)).toEqual(['h_county', 'l_county']);
    await expect(page.locator('#compare-status')).toContainText('Each group can be picked once; ignored the repeated h_county');
    await expect(page).toHaveURL(/g=h_county,l_county&/);

    const all = await page.locator('input[name=g]').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
    expect(all.length).toBeGreaterThan(6);
    await page.goto(`/compare/?by=county&g=${all.join(',')}`);
    await expect(page.locator('#compare-view')).toHaveAttribute('data-state', 'ready');
    expect(await groups(page)).toEqual(all.slice(0, 6));
    await expect(page.locator('#compare-status')).toContainText(`At most 6 groups at a time; left out ${all.slice(6).join(', ')}`);

    await page.goto('/compare/?by=county&g=l_county');
    await expect(page.locator('#compare-view')).toHaveAttribute('data-state', 'ready');
    await expect(page.locator('#compare-status')).toContainText('Pick at least two groups to compare.');

    await page.goto('/compare/?by=county&g=h_county,l_county&dir=sideways');
    await expect(page.locator('#compare-view')).toHaveAttribute('data-state', 'ready');
    await expect(page.locator('#compare-status')).toContainText('dir=sideways');
  });

  test('group checkboxes are at least 24 × 24 px', async ({ page }) => {
    await page.goto('/compare/');
    const sizes = await page.locator('input[name=g]').evaluateAll((xs) => xs.map((x) => x.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
  });
});

// ---------------------------------------------------------------- SQL console

async function runSQL(page: Page, sql: string) {
  await page.fill('#sql', sql);
  await page.click('#run');
  await expect(page.locator('body')).not.toHaveAttribute('data-console-state', 'running', { timeout: 60_000 });
  return { state: await page.locator('body').getAttribute('data-console-state'), status: (await page.locator('#console-status').textContent())! };
}

test.describe('SQL console abuse', () => {
  test('a query in a link fills the editor but is not run, and contacts no other host', async ({ page, baseURL }) => {
    const external = watchExternal(page, baseURL!);
    const sql = "SELECT count(*) FROM read_parquet('http://other-host.example/x.parquet')";
    await page.goto('/data/sql/?q=' + encodeURIComponent(sql));
    await expect(page.locator('#sql')).toHaveValue(sql);
    await expect(page.locator('#console-status')).toHaveText('This query came from a link. Read it, then press Run to run it.');
    await page.waitForTimeout(1500);
    expect(await page.locator('#result').innerHTML()).toBe('');
    await page.click('#run');
    await expect(page.locator('body')).toHaveAttribute('data-console-state', 'error');
    await expect(page.locator('#console-status')).toContainText('Reading files or addresses (read_parquet()) is not allowed');
    expect(external).toEqual([]);
  });

  test('remote access, ATTACH, COPY, INSTALL/LOAD, EXPORT, SET, long SQL, a huge cell and DROP VIEW each end in a clear message, and the console keeps working', async ({ page, baseURL }) => {
    const external = watchExternal(page, baseURL!);
    const check = watchScripts(page);
    await page.goto('/data/sql/');
    const cases: [string, RegExp][] = [
      ["SELECT count(*) FROM read_parquet('http://other-host.example/x.parquet')", /read_parquet\(\)\) is not allowed/],
      ["SELECT * FROM 'https://other-host.example/x.csv'", /Reading files or addresses \('https:\/\/other-host/],
      ["COPY (SELECT 1) TO 'http://other-host.example/out.csv'", /COPY is not allowed in this console/],
      ["ATTACH 'http://other-host.example/missing.duckdb' AS x", /ATTACH is not allowed in this console/],
      ['INSTALL httpfs', /INSTALL is not allowed/],
      ['LOAD httpfs', /LOAD is not allowed/],
      ["EXPORT DATABASE '/tmp/x'", /EXPORT is not allowed/],
      ['SET enable_external_access = true', /SET is not allowed/],
      ["SELECT * FROM read_csv_auto('/etc/passwd')", /read_csv_auto\(\)\) is not allowed/],
      ['SELECT 1; DROP VIEW respondents', /Run one statement at a time/],
      ['DROP VIEW respondents', /The published view respondents cannot be dropped or changed/],
      ['PREPARE x AS DROP VIEW competency', /The published view competency cannot be dropped or changed/],
      ['SELECT ' + "'x'".padEnd(64_000, ' ') + ' AS big', /characters long; the console accepts at most 8,000/],
      ['SELECT ' + Array.from({ length: 5000 }, (_, i) => `${i} AS c${i}`).join(', '), /the console accepts at most 8,000/],
    ];
    for (const [sql, re] of cases) {
      const r = await runSQL(page, sql);
      expect(r.state, sql.slice(0, 60)).toBe('error');
      expect(r.status, sql.slice(0, 60)).toMatch(re);
    }
    // a 50 MB cell: shown cut, the tab stays responsive, the CSV has it whole
    const t0 = Date.now();
    const big = await runSQL(page, "SELECT repeat('x', 50000000) AS s, 1 AS n");
    expect(big.state).toBe('ready');
    expect(big.status).toContain('Long values are cut to 200 characters on screen');
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect((await page.locator('#result td').first().textContent())!.length).toBeLessThanOrEqual(201);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
    expect(csv.length).toBe('s,n\n'.length + 50_000_000 + ',1\n'.length);
    // the examples still work: the views are intact
    await page.selectOption('#examples', '0');
    const ex = await runSQL(page, await page.locator('#sql').inputValue());
    expect(ex.state).toBe('ready');
    expect(await page.locator('#result tbody tr').count()).toBeGreaterThan(0);
    expect(external).toEqual([]);
    await check();
    console.log(`[hostile] console: ${cases.length + 2} cases`);
  });

  test('the console engine runs with external access disabled and its configuration locked', async ({ page }) => {
    await page.goto('/data/sql/');
    const settings = await runSQL(page, "SELECT value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration') ORDER BY name");
    expect(settings.state).toBe('ready');
    expect(await page.locator('#result tbody td').allTextContents()).toEqual(['false', 'true']);
  });

  test('Cancel gives one message and a query that ignores it is stopped with its engine', async ({ page }) => {
    await page.goto('/data/sql/');
    await runSQL(page, 'SELECT 1');
    await page.fill('#sql', 'SELECT count(*) FROM range(20000000000) t(i) WHERE i % 7 = 3');
    await page.click('#run');
    await expect(page.locator('body')).toHaveAttribute('data-console-state', 'running');
    await page.waitForTimeout(300);
    await page.click('#cancel');
    await expect(page.locator('#console-status')).toHaveText('Query cancelled.');
    await page.waitForTimeout(4000);
    await expect(page.locator('#console-status')).toHaveText('Query cancelled.');
    const after = await runSQL(page, 'SELECT count(*) AS n FROM respondents');
    expect(after.state).toBe('ready');
  });

  test('a hung query times out: the engine is stopped and restarted, and the reader is told', async ({ page }) => {
    await page.addInitScript(() => ((window as any).__engineTimeouts = { query: 3000 }));
    await page.goto('/data/sql/');
    await runSQL(page, 'SELECT 1');
    const r = await runSQL(page, 'SELECT count(*) FROM range(20000000000) t(i) WHERE i % 7 = 3');
    expect(r.state).toBe('error');
    expect(r.status).toBe('The query did not finish within 3 seconds, so the engine was stopped and restarted.');
    const after = await runSQL(page, 'SELECT count(*) AS n FROM respondents');
    expect(after.state).toBe('ready');
  });
});

// ---------------------------------------------------------------- worker confinement

/**
 * A second local server for the confinement test, on E2E_PORT + 1: it records every request to
 * /beacon…, and proxies everything else to the site with the Content-Security-Policy removed from
 * the header, the <meta> tag or both (`mode`), so that the same /data/sql/ page can be loaded with
 * and without the policy.
 *
 * Why not page.route() for the control page: a document delivered by route.fulfill() has no IP
 * address space, so Chromium's local-network-access checks treat it as public and block its
 * requests to 127.0.0.1 with net::ERR_FAILED, with or without any CSP. A control built that way
 * blocks the beacon too and cannot tell the policy from that block. Served from a real loopback
 * server, the control page's beacon does go out.
 */
async function sideServer(baseURL: string) {
  const port = Number(process.env.E2E_PORT ?? 4399) + 1;
  const hits: string[] = [];
  const state = { strip: 'both' as 'header' | 'meta' | 'both' | 'frame' };
  const server = http.createServer((req, res) => {
    if (req.url!.startsWith('/framer')) {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(`<!doctype html><title>framer</title><iframe name="victim" src="${new URL(req.url!, 'http://x').searchParams.get('src')}" width="800" height="600"></iframe>`);
    }
    if (req.url!.startsWith('/beacon')) {
      hits.push(req.url!);
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' });
      return res.end('ok');
    }
    const up = http.request(new URL(req.url!, baseURL), { method: req.method, headers: { ...req.headers, host: new URL(baseURL).host, 'accept-encoding': 'identity' } }, (r) => {
      const headers = { ...r.headers };
      if (state.strip !== 'meta') delete headers['content-security-policy'];
      if (state.strip === 'frame') delete headers['x-frame-options'];
      if (!/text\/html/.test(String(headers['content-type']))) {
        res.writeHead(r.statusCode!, headers);
        return void r.pipe(res);
      }
      const chunks: Buffer[] = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => {
        let html = Buffer.concat(chunks).toString('utf8');
        if (state.strip !== 'header') html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
        delete headers['content-length'];
        delete headers['etag'];
        res.writeHead(r.statusCode!, headers);
        res.end(html);
      });
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { hits, state, origin: `http://127.0.0.1:${port}`, beacon: `http://localhost:${port}/beacon`, close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) };
}

/** Starts the console's engine, then tries to reach `beacon` from inside the DuckDB worker (fetch and a synchronous XHR, as DuckDB's HTTP reader does). */
async function beaconFromEngineWorker(page: Page, url: string, beacon: string) {
  await page.goto(url);
  expect((await runSQL(page, 'SELECT count(*) AS n FROM respondents')).state).toBe('ready');
  const workers = page.workers().filter((w) => w.url().startsWith('blob:'));
  expect(workers, 'one DuckDB worker, created from a blob: URL').toHaveLength(1);
  return workers[0].evaluate(async (target) => {
    const violations: string[] = [];
    self.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    let fetched = 'blocked', xhr = 'blocked';
    try {
      fetched = String((await fetch(`${target}-fetch`)).status);
    } catch { /* blocked */ }
    try {
      const x = new XMLHttpRequest();
      x.open('GET', `${target}-xhr`, false);
      x.send();
      xhr = String(x.status);
    } catch { /* blocked */ }
    await new Promise((r) => setTimeout(r, 300));
    return { fetched, xhr, violations };
  }, beacon);
}

test.describe('confinement: the engine worker, framing, the published views', () => {
  test('the DuckDB worker cannot reach another origin because of the site\'s policy; without it, the same request goes out', async ({ page, baseURL }) => {
    test.slow(); // four page deliveries, each starting the 18 MB engine (through the side server for three of them)
    const side = await sideServer(baseURL!);
    try {
      // the page as served: the CSP header (public/_headers) and the <meta> tag
      const served = await beaconFromEngineWorker(page, '/data/sql/', `${side.beacon}/served`);
      expect(served.fetched).toBe('blocked');
      expect(served.xhr).toBe('blocked');
      expect(served.violations).toEqual(expect.arrayContaining([`connect-src ${side.beacon}/served-fetch`, `connect-src ${side.beacon}/served-xhr`]));
      // each delivery alone is enough: the header (hosts that read _headers), the meta tag (hosts that do not)
      for (const [strip, label] of [['meta', 'header-only'], ['header', 'meta-only']] as const) {
        side.state.strip = strip;
        const r = await beaconFromEngineWorker(page, `${side.origin}/data/sql/`, `${side.beacon}/${label}`);
        expect([r.fetched, r.xhr], label).toEqual(['blocked', 'blocked']);
        expect(r.violations, label).toEqual(expect.arrayContaining([`connect-src ${side.beacon}/${label}-fetch`, `connect-src ${side.beacon}/${label}-xhr`]));
      }
      expect(side.hits, 'no request reached the other origin under the policy').toEqual([]);
      // control: the same page with no policy at all: the same requests do go out
      side.state.strip = 'both';
      const open = await beaconFromEngineWorker(page, `${side.origin}/data/sql/`, `${side.beacon}/control`);
      expect(open.violations).toEqual([]);
      expect([open.fetched, open.xhr]).toEqual(['200', '200']);
      expect(side.hits.sort()).toEqual(['/beacon/control-fetch', '/beacon/control-xhr']);
    } finally {
      await side.close();
    }
    console.log('[hostile] worker confinement: 4 page deliveries × 2 requests (fetch, XHR) from the engine worker; 6 blocked by the CSP, 2 sent without it');
  });

  test('another site cannot frame a page (clickjacking): X-Frame-Options and frame-ancestors; without them it can', async ({ page, baseURL }) => {
    const side = await sideServer(baseURL!);
    try {
      const framed = async (src: string) => {
        await page.goto(`${side.origin}/framer?src=${encodeURIComponent(src)}`);
        const frame = page.frame({ name: 'victim' })!;
        await frame.waitForLoadState('load').catch(() => {});
        await page.waitForTimeout(500);
        return { url: frame.url(), main: await frame.locator('main').count().catch(() => 0) };
      };
      const served = await framed(`${baseURL}/data/sql/`);
      expect(served.main, 'the site rendered inside another origin\'s frame').toBe(0);
      expect(served.url).not.toContain('/data/sql/');
      side.state.strip = 'frame';
      const control = await framed(`${side.origin}/data/sql/`);
      expect(control.main).toBe(1);
    } finally {
      await side.close();
    }
  });

  test('published views dropped behind the guard\'s back are recreated, and the reader is told', async ({ page }) => {
    // the guard refuses DROP VIEW respondents (above); this worker rewrites an allowed statement into
    // that DROP inside the engine, as a bypass of the guard would
    await page.route(WORKER, async (route) => {
      const real = route.request().url() + '?real';
      await route.fulfill({
        contentType: 'text/javascript',
        body: `self.addEventListener('message', (e) => { const d = e.data && e.data.data; if (Array.isArray(d) && typeof d[1] === 'string' && d[1].includes('drop_me')) d[1] = 'DROP VIEW respondents'; });\nimportScripts(${JSON.stringify(real)});`,
      });
    });
    await page.goto('/data/sql/');
    expect((await runSQL(page, 'SELECT count(*) AS n FROM respondents')).state).toBe('ready');
    const n = await page.locator('#result tbody td').first().textContent();
    const r = await runSQL(page, 'CREATE TEMP TABLE drop_me AS SELECT 1 AS x');
    expect(r.state).toBe('ready');
    expect(r.status).toContain('The published views were restored.');
    const after = await runSQL(page, 'SELECT count(*) AS n FROM respondents');
    expect(after.state).toBe('ready');
    expect(await page.locator('#result tbody td').first().textContent()).toBe(n);
    await page.selectOption('#examples', '0');
    const ex = await runSQL(page, await page.locator('#sql').inputValue());
    expect(ex.state).toBe('ready');
  });
});

// ---------------------------------------------------------------- engine faults

const WORKER = (url: URL) => /duckdb-browser-eh\.worker\.[\w-]+\.js$/.test(url.pathname) && !url.search.includes('real');

/** a worker that runs the real one but dies with an uncaught error when a query mentions crash_me */
async function crashingWorker(route: Route) {
  const real = route.request().url() + '?real';
  await route.fulfill({
    contentType: 'text/javascript',
    body: `self.addEventListener('message', (e) => { if (JSON.stringify(e.data ?? null).includes('crash_me')) { e.stopImmediatePropagation(); throw new Error('simulated engine crash'); } });\nimportScripts(${JSON.stringify(real)});`,
  });
}

test.describe('engine faults', () => {
  const careers = '/chapters/07-careers/';
  /** a change the build's results cannot answer (their file is gone), so the engine must, and fails as expected */
  async function figureFault(page: Page, expected: RegExp | string) {
    const check = watchScripts(page);
    await page.route('**/data/figures/*.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(careers);
    const fig = page.locator('figure#turnover-by-group');
    await fig.locator('select[name=group]').selectOption('gender');
    await expect(fig).toHaveAttribute('data-state', 'error', { timeout: 45_000 });
    await expect(fig.locator('.status')).toContainText(expected);
    await expect(fig.locator('.chart svg').first()).toBeVisible();
    expect(await fig.locator('.chart svg *').count()).toBeGreaterThan(10);
    await check();
    return fig;
  }

  test('WASM 404: every figure with controls and the console say the engine could not be loaded; static charts stay', async ({ page }) => {
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await figureFault(page, 'The query engine could not be loaded (duckdb-eh.wasm: HTTP 404).');
    for (const id of ['career-by-group']) await expect(page.locator(`figure#${id} .status`)).toContainText('could not be loaded (duckdb-eh.wasm: HTTP 404)');
    await page.goto('/data/sql/');
    const r = await runSQL(page, 'SELECT 1');
    expect(r.state).toBe('error');
    expect(r.status).toBe('The query engine could not be loaded (duckdb-eh.wasm: HTTP 404).');
  });

  test('WASM 404 with the build\'s results in place: the figure changes without the engine; the console says it could not be loaded', async ({ page }) => {
    const wasm: string[] = [];
    page.on('request', (r) => void (/\.wasm$/.test(new URL(r.url()).pathname) && wasm.push(r.url())));
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(careers);
    const fig = page.locator('figure#turnover-by-group');
    await fig.locator('select[name=group]').selectOption('gender');
    await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
    await expect(fig).toHaveAttribute('data-source', 'results');
    await expect(fig.locator('.status')).toHaveText('');
    expect(wasm).toEqual([]);
    await page.goto('/data/sql/');
    const r = await runSQL(page, 'SELECT 1');
    expect(r.status).toBe('The query engine could not be loaded (duckdb-eh.wasm: HTTP 404).');
  });

  test('WASM that is not WebAssembly: the start error is shown, not a hang', async ({ page }) => {
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not wasm at all' }));
    await figureFault(page, 'The query engine failed to start (duckdb-eh.wasm is not a WebAssembly file).');
  });

  test('worker file 404 and a worker that throws while starting', async ({ page }) => {
    await page.route(WORKER, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await figureFault(page, 'The query engine could not be loaded (duckdb worker: HTTP 404).');
    await page.unroute(WORKER);
    await page.route(WORKER, (route) => route.fulfill({ contentType: 'text/javascript', body: "throw new Error('broken worker')" }));
    await figureFault(page, /The query engine failed to start \(.*broken worker\)/);
  });

  test('a worker that never answers: start-up timeout', async ({ page }) => {
    await page.addInitScript(() => ((window as any).__engineTimeouts = { start: 3000 }));
    await page.route(WORKER, (route) => route.fulfill({ contentType: 'text/javascript', body: '/* never answers */' }));
    await figureFault(page, 'The query engine did not start within 3 seconds.');
  });

  test('Parquet 404 and truncated Parquet keep the static chart with a message', async ({ page }) => {
    await page.route('**/data/respondents.parquet', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await figureFault(page, 'respondents.parquet is missing');
    await page.unroute('**/data/respondents.parquet');
    // truncated: the file this figure reads (groups.parquet; views are created when a query names them,
    // so a figure never reads a file it does not query)
    const whole = readFileSync('dist/data/groups.parquet');
    await page.route('**/data/groups.parquet', async (route) => {
      const cut = whole.subarray(0, Math.floor(whole.length / 3));
      const range = route.request().headers()['range'];
      const m = range && /bytes=(\d+)-(\d*)/.exec(range);
      if (route.request().method() === 'HEAD') return route.fulfill({ status: 200, headers: { 'content-length': String(cut.length), 'accept-ranges': 'bytes' }, body: '' });
      if (!m) return route.fulfill({ status: 200, body: cut });
      const start = Number(m[1]);
      const end = Math.min(m[2] ? Number(m[2]) : cut.length - 1, cut.length - 1);
      return route.fulfill({ status: 206, headers: { 'content-range': `bytes ${start}-${end}/${cut.length}`, 'accept-ranges': 'bytes' }, body: cut.subarray(start, end + 1) });
    });
    await figureFault(page, 'Could not update this figure');
  });

  test('the worker crashes mid-session: the console says so, restarts, and the next query runs', async ({ page }) => {
    await page.route(WORKER, crashingWorker);
    await page.goto('/data/sql/');
    expect((await runSQL(page, 'SELECT 41 + 1 AS answer')).state).toBe('ready');
    const r = await runSQL(page, 'SELECT 1 AS crash_me');
    expect(r.state).toBe('error');
    expect(r.status).toMatch(/^The query engine stopped unexpectedly \(.*simulated engine crash.*\); it has been restarted\.$/);
    const after = await runSQL(page, 'SELECT count(*) AS n FROM respondents');
    expect(after.state).toBe('ready');
    expect(Number(await page.locator('#result tbody td').first().textContent())).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- small things

test.describe('pages', () => {
  test('favicon, headers from public/_headers, notice inside a landmark', async ({ page, request }) => {
    const fav = await request.get('/favicon.svg');
    expect(fav.status()).toBe(200);
    const res = await request.get('/');
    const h = res.headers();
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBeTruthy();
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.goto('/');
    expect(await page.locator('link[rel=icon]').getAttribute('href')).toBe('/favicon.svg');
    expect(await page.locator('.synthetic-notice').evaluate((n) => !!n.closest('aside[aria-label], header, main, nav, footer, [role=region], [role=complementary], [role=banner]'))).toBe(true);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('pages with controls say the controls need JavaScript', async ({ page }) => {
      await page.goto('/chapters/07-careers/');
      await expect(page.locator('figure#turnover-by-group .noscript-note')).toContainText('These controls need JavaScript');
      await page.goto('/data/sql/');
      await expect(page.locator('.noscript-note')).toContainText('The SQL console needs JavaScript');
      await page.goto('/compare/');
      await expect(page.locator('.noscript-note')).toContainText('Choosing groups and sorting need JavaScript');
    });
  });
});
