import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPages, watchExternal } from './helpers';
import { nodeClient } from '../../src/lib/db/node';
import { figure as profile } from '../../src/figures/competency-profile/figure';
import { figure as turnover } from '../../src/figures/turnover-by-group/figure';

const pages = builtPages();

test('the site has a home page and chapters', () => {
  expect(pages).toContain('/');
  expect(pages.filter((p) => p.startsWith('/chapters/')).length).toBeGreaterThanOrEqual(2);
});

for (const p of pages) {
  test(`page ${p} renders its figures, says the data is synthetic, and calls no other host`, async ({ page, baseURL }) => {
    const external = watchExternal(page, baseURL!);
    await page.goto(p);
    await expect(page.locator('.synthetic-notice')).toContainText(p.startsWith('/zh/') ? '合成数据' : 'Synthetic data');
    const figs = page.locator('figure[data-figure-id]');
    const count = await figs.count();
    for (let i = 0; i < count; i++) {
      const fig = figs.nth(i);
      expect(await fig.getAttribute('id')).toBe(await fig.getAttribute('data-figure-id'));
      await expect(fig.locator('.chart svg, .chart table').first()).toBeVisible();
      expect(await fig.locator('.chart svg *, .chart td').count()).toBeGreaterThan(10);
      // data marks are drawn, and inside the chart (a mis-set scale would put them off-canvas)
      const marks = fig.locator('.chart svg g[aria-label=dot] circle, .chart svg g[aria-label=bar] rect, .chart svg g[aria-label=cell] rect, .chart svg g[aria-label=link] path, .chart td');
      expect(await marks.count(), `${await fig.getAttribute('id')}: no data marks`).toBeGreaterThan(0);
      const outside = await fig.locator('.chart svg g[aria-label=dot] circle').evaluateAll((cs) =>
        cs.filter((c) => {
          const svg = (c as SVGCircleElement).ownerSVGElement!;
          const w = svg.viewBox.baseVal?.width || svg.width.baseVal.value;
          const cx = Number(c.getAttribute('cx') ?? 0) + (c.parentElement?.getAttribute('transform')?.match(/translate\(([-\d.]+)/) ? Number(RegExp.$1) : 0);
          return cx < 0 || cx > w;
        }).length,
      );
      expect(outside, `${await fig.getAttribute('id')}: dots outside the chart`).toBe(0);
    }
    expect(external).toEqual([]);
  });

  test(`page ${p} has no serious or critical accessibility violations`, async ({ page }) => {
    await page.goto(p);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}

test('changing a control re-queries in the browser and the table equals DuckDB in Node', async ({ page, baseURL }) => {
  const external = watchExternal(page, baseURL!);
  await page.goto('/chapters/03-competency-today/');
  const fig = page.locator('figure#competency-profile');
  await fig.locator('select[name=county]').selectOption('h_county');
  await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(page).toHaveURL(/competency-profile\.county=h_county/);
  const expected = await nodeClient('public/data').query<any>(profile.sql as string, { county: 'h_county', dept: 'all' });
  const rows = await fig.locator('.table-wrap tbody tr').all();
  expect(rows.length).toBe(expected.length);
  const firstCells = await rows[0].locator('td').allTextContents();
  expect(firstCells[1]).toBe(String(expected[0].n));
  expect(firstCells[2]).toBe(expected[0].proficiency.toFixed(2));
  expect(firstCells[6]).toBe(expected[0].gap.toFixed(2));
  expect(external).toEqual([]);
});

test('a shared URL restores the view', async ({ page }) => {
  await page.goto('/chapters/07-careers/?turnover-by-group.group=education&turnover-by-group.county=h_county');
  const fig = page.locator('figure#turnover-by-group');
  await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(fig.locator('select[name=group]')).toHaveValue('education');
  await expect(fig.locator('select[name=county]')).toHaveValue('h_county');
  const expected = await nodeClient('public/data').query<any>(turnover.sql as string, { group: 'education', county: 'h_county' });
  const ns = await fig.locator('.table-wrap tbody tr td[data-col=n]').allTextContents();
  expect(ns).toEqual(expected.map((r: any) => (r.n >= 5 ? String(r.n) : '<5')));
});

test('a value that is not allowed in the URL is refused, not queried', async ({ page }) => {
  await page.goto("/chapters/07-careers/?turnover-by-group.county=x'%20OR%201=1--");
  const fig = page.locator('figure#turnover-by-group');
  await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(fig.locator('.status')).toContainText('Ignored invalid setting');
  await expect(fig.locator('select[name=county]')).toHaveValue('all');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the static SVGs and tables are in the page', async ({ page }) => {
    await page.goto('/chapters/04-training-needs/');
    await expect(page.locator('figure#gap-heatmap .chart svg').first()).toBeVisible();
    expect(await page.locator('figure#gap-heatmap .table-wrap tbody tr').count()).toBeGreaterThan(10);
  });
});

test('when the data file is missing the figure keeps its chart and says what went wrong', async ({ page }) => {
  await page.route('**/data/respondents.parquet', (route) => route.fulfill({ status: 404, body: 'gone' }));
  // a change the build's results do not hold (the file is gone too), so the engine reads the Parquet
  await page.route('**/data/figures/*.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/chapters/07-careers/');
  const fig = page.locator('figure#turnover-by-group');
  await fig.locator('select[name=group]').selectOption('gender');
  await expect(fig).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
  await expect(fig.locator('.status')).toContainText('respondents.parquet is missing');
  await expect(fig.locator('.chart svg').first()).toBeVisible();
});

test('CSV download equals the table', async ({ page }) => {
  await page.goto('/chapters/07-careers/');
  const fig = page.locator('figure#turnover-by-group');
  const [download] = await Promise.all([page.waitForEvent('download'), fig.locator('button[data-action=csv]').click()]);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const lines = text.trim().split('\n');
  // code columns as before, each coded column followed by its label in the page's language
  expect(lines[0]).toBe('grp,grp_label,n,turnover,lo,hi,suppressed');
  expect(lines.length - 1).toBe(await fig.locator('.table-wrap tbody tr').count());
  const firstN = await fig.locator('.table-wrap tbody tr').first().locator('td[data-col=n]').textContent();
  expect(lines[1].split(',')[2]).toBe(firstN);
});

test('a view seen before (answered from the result cache) and quick successive changes show the right rows', async ({ page }) => {
  test.slow(); // several re-queries on a shared machine
  // the engine's path (a figure whose views the build's results do not hold): its cache and its late answers
  await page.addInitScript(() => ((window as any).__figureSource = 'engine'));
  await page.goto('/chapters/03-competency-today/');
  const fig = page.locator('figure#competency-profile');
  const ns = () => fig.locator('.table-wrap tbody tr td[data-col=n]').allTextContents();
  const expectedNs = async (county: string, dept: string) =>
    (await nodeClient('public/data').query<any>(profile.sql as string, { county, dept })).map((r: any) => (r.n >= 5 ? String(r.n) : '<5'));
  const choose = async (name: string, value: string) => {
    await fig.evaluate((f) => (f.dataset.state = 'pending'));
    await fig.locator(`select[name=${name}]`).selectOption(value);
    await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  };
  await choose('county', 'h_county');
  const h = await ns();
  expect(h).toEqual(await expectedNs('h_county', 'all'));
  await choose('county', 'l_county');
  expect(await ns()).toEqual(await expectedNs('l_county', 'all'));
  expect(await ns()).not.toEqual(h);
  // back to a view seen before: the same rows as the first time, and the URL says so
  await choose('county', 'h_county');
  expect(await ns()).toEqual(h);
  await expect(page).toHaveURL(/competency-profile\.county=h_county/);
  // two changes without waiting, the second a view seen before (answered at once from the cache): the
  // figure ends on the second; the first one's answer, arriving later from the engine, is not drawn over it
  await fig.evaluate((f) => (f.dataset.state = 'pending'));
  await fig.locator('select[name=county]').selectOption('q_county');
  await fig.locator('select[name=county]').selectOption('l_county');
  await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const l = await expectedNs('l_county', 'all');
  await expect.poll(ns, { timeout: 30_000 }).toEqual(l);
  // still so once the engine has answered the first change
  await page.waitForTimeout(3000);
  expect(await ns()).toEqual(l);
  await expect(page).toHaveURL(/competency-profile\.county=l_county/);
});
