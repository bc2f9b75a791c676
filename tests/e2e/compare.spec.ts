import { test, expect } from '@playwright/test';
import { nodeClient } from '../../src/lib/db/node';

const mean = async (sql: string) => (await nodeClient('public/data').query<{ v: number }>(sql))[0].v;

test('choosing counties shows them side by side, with numbers equal to DuckDB in Node', async ({ page }) => {
  await page.goto('/compare/');
  await expect(page.locator('#compare-view')).toHaveAttribute('data-state', 'ready');
  await page.locator('input[name=g][value=q_county]').uncheck();
  await page.locator('input[name=g][value=z_urban]').check();
  await expect(page).toHaveURL(/g=h_county,l_county,z_urban/);
  const groups = await page.locator('.compare-group').evaluateAll((s) => s.map((x) => x.getAttribute('data-group')));
  expect(groups).toEqual(['h_county', 'l_county', 'z_urban']);
  const shown = Number(await page.locator('.compare-group[data-group=z_urban] tr[data-measure=turnover] td[data-mean]').getAttribute('data-mean'));
  // /compare/ reads the protected aggregate table (computed from the full records): the page's mean equals
  // the mean DuckDB in Node computes from its published moments
  expect(shown).toBeCloseTo(await mean("SELECT m_sum / m_n AS v FROM groups WHERE scope = 'all' AND by_var = 'county' AND grp = 'z_urban' AND measure = 'turnover'"), 10);
  const dim = Number(await page.locator('.compare-group[data-group=h_county] tr[data-measure=dim_working_skills] td[data-mean]').getAttribute('data-mean'));
  const expected = await mean("SELECT m_sum / m_n AS v FROM groups WHERE scope = 'all' AND by_var = 'county' AND grp = 'h_county' AND measure = 'dim_working_skills'");
  expect(dim).toBeCloseTo(expected, 10);
});

test('the ranking table sorts by any measure and the URL keeps the sort', async ({ page }) => {
  await page.goto('/compare/');
  await expect(page.locator('#compare-view')).toHaveAttribute('data-state', 'ready');
  await page.locator('#ranking-table button[data-sort=train_count]').click();
  await expect(page).toHaveURL(/sort=train_count&dir=desc/);
  const vals = (await page.locator('#ranking-table tbody td[data-measure=train_count]').allTextContents()).filter((t) => t !== 'suppressed').map(Number);
  expect(vals).toEqual([...vals].sort((a, b) => b - a));
  await page.locator('#ranking-table button[data-sort=train_count]').click();
  await expect(page).toHaveURL(/dir=asc/);
  const asc = (await page.locator('#ranking-table tbody td[data-measure=train_count]').allTextContents()).filter((t) => t !== 'suppressed').map(Number);
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
});

test('a shared URL reopens the same view', async ({ page }) => {
  await page.goto('/compare/?by=dept_type&g=petition_office,county_bureau&sort=need&dir=asc');
  await expect(page.locator('#compare-view')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('select[name=by]')).toHaveValue('dept_type');
  expect(await page.locator('.compare-group').evaluateAll((s) => s.map((x) => x.getAttribute('data-group')))).toEqual(['petition_office', 'county_bureau']);
  await expect(page.locator('input[name=g][value=petition_office]')).toBeChecked();
  await expect(page.locator('#ranking-table th:has(button[data-sort=need])')).toHaveAttribute('aria-sort', 'ascending');
});

test('a small group is suppressed everywhere', async ({ page }) => {
  // serve the page a comparison table in which one county has only 3 respondents
  await page.route('**/data/compare.json', async (route) => {
    const res = await route.fetch();
    const data = await res.json();
    const g = data.groups.find((x: any) => x.by === 'county' && x.value === 'l_county');
    Object.assign(g, { n: 0, suppressed: true, borich: null, measures: Object.fromEntries(Object.keys(g.measures).map((k) => [k, null])) });
    await route.fulfill({ response: res, body: JSON.stringify(data) });
  });
  await page.goto('/compare/?by=county&g=h_county,l_county');
  await expect(page.locator('#compare-view')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('.compare-group[data-group=l_county]')).toContainText('Suppressed: fewer than 5 respondents');
  await expect(page.locator('.compare-group[data-group=l_county] td[data-mean]')).toHaveCount(0);
  await expect(page.locator('#ranking-table tr[data-group=l_county] td[data-measure=turnover]')).toHaveText('suppressed');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#compare-csv')]);
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  expect(csv).toContain('"Linshui County",all,,,,,,,,,,suppressed');
  expect(csv).not.toMatch(/^"Linshui County",turnover/m);
});

test('the print layout puts one group per page', async ({ page }) => {
  await page.goto('/compare/');
  await page.emulateMedia({ media: 'print' });
  const breaks = await page.locator('.compare-group').evaluateAll((s) => s.map((x) => getComputedStyle(x).breakAfter));
  expect(breaks.every((b) => b === 'page')).toBe(true);
  await expect(page.locator('#compare-controls')).toBeHidden();
});
