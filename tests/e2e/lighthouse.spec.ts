/**
 * What Lighthouse checks that can be checked without timing (issue #13): every page in both editions
 * has its language, a title, a meta description, a favicon that loads, is not hidden from search
 * engines and names its links; pages load with no console error or failed request; /compare/ does no
 * data work on load (the aggregate table is fetched on intent), /data/ runs no script beyond its filter.
 * Lighthouse itself (scores, total blocking time) is measured by `npm run bench -- --lighthouse-only`.
 */
import { test, expect, type Page } from '@playwright/test';
import { builtPages } from './helpers';

const pages = builtPages();
const kinds = ['/', '/chapters/03-competency-today/', '/compare/', '/compare/county/h_county/', '/data/', '/data/sql/'];
const attr = (html: string, re: RegExp) => re.exec(html)?.[1];

test('every page, en and zh, states its language, title and a meta description, links a favicon, and is indexable', async ({ request }) => {
  test.slow();
  expect(pages.filter((p) => p.startsWith('/zh/')).length).toBeGreaterThanOrEqual(6);
  const descriptions = new Map<string, string>();
  for (const p of pages) {
    const res = await request.get(p);
    expect(res.status(), p).toBe(200);
    const html = await res.text();
    expect(attr(html, /<html[^>]*\slang="([^"]+)"/), p).toBe(p.startsWith('/zh/') ? 'zh-CN' : 'en');
    const title = attr(html, /<title>([^<]*)<\/title>/);
    expect(title?.trim().length, `${p} title`).toBeGreaterThan(5);
    const description = attr(html, /<meta name="description" content="([^"]*)"/);
    // a sentence: 20+ characters in English, 8+ Chinese characters in Chinese
    if (p.startsWith('/zh/')) expect(description?.match(/[\u4e00-\u9fff]/g)?.length ?? 0, `${p} meta description`).toBeGreaterThanOrEqual(8);
    else expect(description?.trim().length ?? 0, `${p} meta description`).toBeGreaterThan(20);
    descriptions.set(p, description!);
    expect(html, `${p} robots`).not.toMatch(/<meta name="robots" content="[^"]*noindex/);
    const icon = attr(html, /<link rel="icon" href="([^"]+)"/);
    expect(icon, `${p} favicon`).toBeTruthy();
    // link text Lighthouse calls non-descriptive
    const vague = [...html.matchAll(/<a\b[^>]*>([^<]*)<\/a>/g)].map((m) => m[1].trim().toLowerCase()).filter((t) => ['click here', 'here', 'more', 'read more', 'link', 'this', '点击这里', '这里', '更多'].includes(t));
    expect(vague, `${p} link text`).toEqual([]);
  }
  // no two pages of one edition share a description
  for (const zh of [false, true]) {
    const ds = [...descriptions].filter(([p]) => p.startsWith('/zh/') === zh).map(([, d]) => d);
    expect(new Set(ds).size, zh ? 'zh descriptions' : 'en descriptions').toBe(ds.length);
  }
  // the Chinese twin of a page has its own (Chinese) description
  expect(descriptions.get('/zh/compare/')).not.toBe(descriptions.get('/compare/'));
  expect(descriptions.get('/zh/compare/')).toMatch(/[\u4e00-\u9fff]/);
  expect((await request.get('/favicon.svg')).status()).toBe(200);
});

async function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  // a request the next navigation cancels (ERR_ABORTED) is not a failure of the page
  page.on('requestfailed', (r) => { if (!r.failure()?.errorText.includes('ERR_ABORTED')) problems.push(`failed ${r.url()} ${r.failure()?.errorText}`); });
  return problems;
}

for (const lang of ['', '/zh'] as const) {
  test(`each page kind${lang ? ' (zh)' : ''} loads with no console error and no failed request`, async ({ page }) => {
    test.slow();
    const problems = await watch(page);
    for (const p of kinds) {
      await page.goto(lang + p, { waitUntil: 'load' });
      await page.waitForTimeout(300);
    }
    expect(problems).toEqual([]);
  });
}

test('/compare/ does no data work on load: the aggregate table is fetched on intent, and the first change still answers', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/data/compare.json')) fetched.push(r.url()); });
  await page.goto('/compare/', { waitUntil: 'load' });
  await expect(page.locator('#compare-view')).toHaveAttribute('data-state', 'ready');
  await page.waitForTimeout(500);
  expect(fetched).toEqual([]);
  // the build-time view is the default state's: the first three shown counties are checked and drawn
  const checked = await page.locator('input[name=g]:checked').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
  const drawn = await page.locator('.compare-group').evaluateAll((s) => s.map((x) => x.getAttribute('data-group')));
  expect(drawn).toEqual(checked);
  // pointing at the controls loads the table
  await page.locator('#compare-controls').hover();
  await expect(page.locator('#compare-view')).toHaveAttribute('data-data', 'loaded');
  expect(fetched).toHaveLength(1);
  const other = await page.locator('input[name=g]:not(:checked)').first().getAttribute('value');
  await page.locator(`input[name=g][value="${other}"]`).check();
  await expect(page).toHaveURL(new RegExp(`g=[^&]*${other}`));
  await expect(page.locator(`.compare-group[data-group="${other}"]`)).toBeVisible();
  expect(fetched).toHaveLength(1);
});

test('/compare/: a change made before any intent was seen (keyboard) loads the table and redraws', async ({ page }) => {
  await page.goto('/compare/', { waitUntil: 'load' });
  await expect(page.locator('#compare-view')).toHaveAttribute('data-state', 'ready');
  await page.evaluate(() => {
    const box = document.querySelector<HTMLInputElement>('input[name=g]:checked')!;
    box.checked = false;
    box.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.locator('#compare-view')).toHaveAttribute('data-data', 'loaded');
  await expect(page.locator('.compare-group')).toHaveCount(2);
  await expect(page.locator('#compare-status')).toHaveText('');
});

test('/data/ runs one small script on load and requests no data file', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/data/', { waitUntil: 'load' });
  await page.waitForTimeout(300);
  expect(requested.filter((p) => /\.(parquet|json|wasm)$/.test(p))).toEqual([]);
  const scripts = requested.filter((p) => p.endsWith('.js'));
  expect(scripts.length).toBeLessThanOrEqual(3);
});

test('on a phone the chapter list\'s links, each chapter\'s "on this page" links and the county brief\'s links to similar counties are touch targets of at least 24 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const chapters = await page.locator('a[href*="/chapters/"]').evaluateAll((as) => [...new Set(as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))]);
  expect(chapters.length).toBeGreaterThan(0);
  const onThisPage = chapters.flatMap((c) => [[c, 'nav.on-this-page li a'], ['/zh' + c, 'nav.on-this-page li a']]);
  for (const [p, sel] of [...onThisPage, ['/compare/county/h_county/', '.brief-similar a'], ['/zh/compare/county/h_county/', '.brief-similar a'], ['/data/', 'nav.toc li a'], ['/zh/data/', 'nav.toc li a']]) {
    await page.goto(p);
    const heights = await page.locator(sel).evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height));
    expect(heights.length, p).toBeGreaterThan(0);
    expect(Math.min(...heights), `${p} ${sel}`).toBeGreaterThanOrEqual(24);
  }
});
