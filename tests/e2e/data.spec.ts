import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { nodeClient } from '../../src/lib/db/node';
import { allFigures } from './helpers';
import { figureRows } from '../../src/lib/figures/render-static';
import { toCSV } from '../../src/lib/figures/rows';

test('the SQL console returns the rows DuckDB in Node returns, and the query goes in the URL', async ({ page }) => {
  const sql = 'SELECT county, count(*)::INTEGER AS n FROM respondents GROUP BY county ORDER BY county';
  await page.goto('/data/sql/');
  await page.fill('#sql', sql);
  await page.click('#run');
  await expect(page.locator('body')).toHaveAttribute('data-console-state', 'ready', { timeout: 30_000 });
  const expected = await nodeClient('public/data').query<{ county: string; n: number }>(sql);
  const cells = await page.locator('#result tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  expect(cells).toEqual(expected.map((r) => [r.county, String(r.n)]));
  expect(decodeURIComponent(new URL(page.url()).searchParams.get('q')!)).toBe(sql);
  // the shared URL fills in the same query; it runs when the reader presses Run
  await page.goto(page.url());
  await expect(page.locator('#sql')).toHaveValue(sql);
  await expect(page.locator('body')).toHaveAttribute('data-console-state', 'idle');
  await page.click('#run');
  await expect(page.locator('body')).toHaveAttribute('data-console-state', 'ready', { timeout: 30_000 });
  expect(await page.locator('#result tbody tr').count()).toBe(expected.length);
});

test('a bad query shows its error', async ({ page }) => {
  await page.goto('/data/sql/');
  await page.fill('#sql', 'SELECT no_such_column FROM respondents');
  await page.click('#run');
  await expect(page.locator('body')).toHaveAttribute('data-console-state', 'error', { timeout: 30_000 });
  await expect(page.locator('#console-status')).toContainText('no_such_column');
});

test('large results are cut at the row limit with a clear note', async ({ page }) => {
  await page.goto('/data/sql/?q=' + encodeURIComponent('SELECT rid FROM competency'));
  await page.click('#run');
  await expect(page.locator('body')).toHaveAttribute('data-console-state', 'ready', { timeout: 30_000 });
  await expect(page.locator('#console-status')).toContainText('showing the first 1000');
  expect(await page.locator('#result tbody tr').count()).toBe(1000);
});

test('the console defines the view competency from the SQL codebook.json publishes: one row per respondent × competency, the respondents\' own scores', async ({ page }) => {
  const cb = JSON.parse(readFileSync('public/data/codebook.json', 'utf8'));
  const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8'));
  const respondents = manifest.files.find((f: any) => f.name === 'respondents.parquet').rows;
  expect(manifest.files.map((f: any) => f.name)).not.toContain('competency.parquet');
  const law = cb.competencies.find((c: any) => c.id === 'law');
  const pro = cb.scales.find((x: any) => x.id === law.proficiency).score;
  const sql = `SELECT count(*) AS n, count(*) FILTER (WHERE c.proficiency IS DISTINCT FROM r.${pro}) AS off FROM competency c JOIN respondents r USING (rid) WHERE c.competency = 'law' UNION ALL SELECT count(*), NULL FROM competency`;
  await page.goto('/data/sql/?q=' + encodeURIComponent(sql));
  await page.click('#run');
  await expect(page.locator('body')).toHaveAttribute('data-console-state', 'ready', { timeout: 30_000 });
  const cells = await page.locator('#result tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/[,\s]/g, ''))));
  expect(cells[0].slice(0, 2)).toEqual([String(respondents), '0']);
  expect(cells[1][0]).toBe(String(respondents * cb.competencies.filter((c: any) => !c.absent).length));
  // the data page prints the view's SQL for a reader's own DuckDB
  await page.goto('/data/');
  await expect(page.locator('#competency-view pre')).toContainText('CREATE VIEW competency AS');
  await expect(page.locator('#competency-view pre')).toContainText("read_parquet('respondents.parquet')");
});

test('figure downloads on the data page equal the figure rows', async ({ page, request }) => {
  for (const def of await allFigures()) {
    const res = await request.get(`/data/figures/${def.id}.csv`);
    expect(res.ok()).toBe(true);
    expect(await res.text()).toBe(toCSV(def, await figureRows(def)));
  }
  const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8'));
  await page.goto('/data/');
  for (const f of manifest.files) expect(await page.locator(`a[href="/data/${f.name}"]`).count()).toBeGreaterThanOrEqual(1);
});

test('the codebook browser filters by text and role', async ({ page }) => {
  await page.goto('/data/');
  const visible = () => page.locator('#codebook-table tbody tr:not([hidden])').count();
  const all = await visible();
  await page.fill('input[name=q]', '离职');
  expect(await visible()).toBe(3);
  await page.fill('input[name=q]', '');
  await page.selectOption('select[name=role]', 'direct_identifier');
  expect(await visible()).toBe(7);
  await page.selectOption('select[name=role]', '');
  expect(await visible()).toBe(all);
});
