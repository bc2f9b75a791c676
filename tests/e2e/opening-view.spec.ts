// <Figure params>: a figure opens on the view its prose describes (build-time SVG, table and controls),
// the URL omits that opening view, and a shared URL still overrides it.
import { test, expect } from '@playwright/test';
import { nodeClient } from '../../src/lib/db/node.ts';
import { figure as barriers } from '../../src/figures/training-barriers/figure.ts';
import { figureSQL } from '../../src/lib/figures/sql.ts';
import { publishedCodebook } from '../../src/lib/figures/render-static.ts';

const nCells = (fig: import('@playwright/test').Locator) => fig.locator('.table-wrap tbody tr td[data-col=n]').allTextContents();
const expectedNs = async (params: Record<string, string>) =>
  (await nodeClient('public/data').query<any>(figureSQL(barriers, publishedCodebook()), params)).map((r: any) => (r.n >= publishedCodebook().k ? String(r.n) : `<${publishedCodebook().k}`));

test('chapter 5 opens the barriers figure on the sample its text quotes, statically', async ({ page }) => {
  await page.goto('/chapters/05-training-supply/');
  const fig = page.locator('figure#training-barriers');
  await expect(fig).toHaveAttribute('data-state', 'static');
  await expect(fig.locator('select[name=sample]')).toHaveValue('training_needs');
  await expect(fig.locator('select[name=sample]')).toHaveAttribute('data-default', 'training_needs');
  // the build-time table is that sample's, not the whole survey's
  expect(await nCells(fig)).toEqual(await expectedNs({ sample: 'training_needs', county: 'all' }));
  expect(await nCells(fig)).not.toEqual(await expectedNs({ sample: 'all', county: 'all' }));
});

test('the URL omits the opening view and a shared URL overrides it', async ({ page }) => {
  await page.goto('/chapters/05-training-supply/');
  const fig = page.locator('figure#training-barriers');
  await fig.locator('select[name=county]').selectOption('l_county');
  await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const url = new URL(page.url());
  expect(url.searchParams.get('training-barriers.county')).toBe('l_county');
  expect(url.searchParams.has('training-barriers.sample')).toBe(false);
  expect(await nCells(fig)).toEqual(await expectedNs({ sample: 'training_needs', county: 'l_county' }));

  // a link to the whole survey: the URL wins over the opening view
  await page.goto('/chapters/05-training-supply/?training-barriers.sample=all');
  await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(fig.locator('select[name=sample]')).toHaveValue('all');
  expect(await nCells(fig)).toEqual(await expectedNs({ sample: 'all', county: 'all' }));

  // a link that sets only the county keeps the opening sample; an invalid sample falls back to it
  await page.goto('/chapters/05-training-supply/?training-barriers.county=h_county&training-barriers.sample=nowhere');
  await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(fig.locator('.status')).toContainText('Ignored invalid setting');
  await expect(fig.locator('select[name=sample]')).toHaveValue('training_needs');
  await expect(fig.locator('select[name=county]')).toHaveValue('h_county');
});

test("chapter 7's smallest-sample section opens its figure on that sample's county", async ({ page }) => {
  await page.goto('/chapters/07-careers/');
  const [{ county }] = await nodeClient('public/data').query<any>(
    "SELECT county FROM respondents WHERE sample = (SELECT sample FROM respondents WHERE sample IS NOT NULL GROUP BY sample ORDER BY count(*) ASC, sample LIMIT 1) GROUP BY county ORDER BY count(*) DESC, county LIMIT 1",
  );
  await expect(page.locator('figure#dept-scales select[name=county]')).toHaveValue(county);
  expect(county).not.toBe('all');
});
