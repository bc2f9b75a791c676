import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { nodeClient } from '../../src/lib/db/node';

const sql = async <T = Record<string, any>>(q: string) => nodeClient('public/data').query<T>(q);
const mean = async (q: string) => (await sql<{ v: number }>(q))[0].v;
const ready = async (page: import('@playwright/test').Page) => expect(page.locator('#compare-view')).toHaveAttribute('data-state', 'ready');

test('choosing counties shows them side by side, with numbers equal to DuckDB in Node', async ({ page }) => {
  await page.goto('/compare/');
  await ready(page);
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
  expect(dim).toBeCloseTo(await mean("SELECT m_sum / m_n AS v FROM groups WHERE scope = 'all' AND by_var = 'county' AND grp = 'h_county' AND measure = 'dim_working_skills'"), 10);
});

test('on wide screens the chosen groups sit side by side; on a phone they stack without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/compare/');
  await ready(page);
  const tops = await page.locator('.compare-group').evaluateAll((s) => s.map((x) => Math.round(x.getBoundingClientRect().top)));
  expect(new Set(tops.slice(0, 2)).size).toBe(1);
  await page.setViewportSize({ width: 390, height: 844 });
  const lefts = await page.locator('.compare-group').evaluateAll((s) => s.map((x) => Math.round(x.getBoundingClientRect().left)));
  expect(new Set(lefts).size).toBe(1);
  const { sw, vw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, vw: window.innerWidth }));
  expect(sw).toBeLessThanOrEqual(vw);
});

test('the caterpillar chart of every measure ranks the counties as SQL does, with the chosen ones highlighted', async ({ page }) => {
  await page.goto('/compare/?by=county&g=h_county,q_county');
  await ready(page);
  const measures = await page.locator('svg.caterpillar').evaluateAll((s) => s.map((x) => x.getAttribute('data-measure')!));
  expect(measures.length).toBeGreaterThanOrEqual(10);
  for (const m of measures) {
    const drawn = await page.locator(`svg.caterpillar[data-measure="${m}"] g.row`).evaluateAll((s) => s.map((x) => x.getAttribute('data-group')));
    const ranked = (await sql<{ grp: string }>(`SELECT grp FROM groups WHERE scope = 'all' AND by_var = 'county' AND measure = '${m}' AND grp IS NOT NULL AND grp NOT LIKE '%+%' AND NOT withheld AND m_n >= 2 ORDER BY m_sum / m_n DESC, grp`)).map((r) => r.grp);
    expect(drawn, m).toEqual(ranked);
    const chosen = await page.locator(`svg.caterpillar[data-measure="${m}"] g.row.chosen`).evaluateAll((s) => s.map((x) => x.getAttribute('data-group')).sort());
    expect(chosen).toEqual(['h_county', 'q_county']);
  }
});

test('verdicts and intervals agree for every measure and chosen group; differences are from the survey mean', async ({ page }) => {
  await page.goto('/compare/');
  await ready(page);
  const rows = await page.locator('.compare-group tr[data-verdict]').evaluateAll((trs) =>
    trs.map((tr) => ({ group: tr.closest('.compare-group')!.getAttribute('data-group')!, measure: tr.getAttribute('data-measure')!, verdict: tr.getAttribute('data-verdict')!, words: tr.querySelector('td.words')!.textContent!, diff: Number(tr.querySelector('td[data-diff]')!.getAttribute('data-diff')), lo: Number(tr.querySelector('td[data-diff]')!.getAttribute('data-lo')), hi: Number(tr.querySelector('td[data-diff]')!.getAttribute('data-hi')) })),
  );
  expect(rows.length).toBeGreaterThanOrEqual(3 * 10);
  let different = 0;
  for (const r of rows) {
    const excludesZero = r.lo > 0 || r.hi < 0;
    expect(r.verdict !== 'none', `${r.group} ${r.measure}`).toBe(excludesZero);
    expect(r.words.includes('no clear difference'), `${r.group} ${r.measure}`).toBe(!excludesZero);
    if (excludesZero) different++;
    expect(r.lo).toBeLessThanOrEqual(r.diff);
    expect(r.hi).toBeGreaterThanOrEqual(r.diff);
    // the difference is the group's mean minus the survey mean, both from the published moments
    const expected = await mean(`SELECT g.m_sum / g.m_n - t.m_sum / t.m_n AS v FROM groups g, groups t WHERE g.scope = 'all' AND g.by_var = 'county' AND g.grp = '${r.group}' AND g.measure = '${r.measure}' AND t.scope = 'all' AND t.by_var = '_total' AND t.measure = '${r.measure}'`);
    expect(r.diff, `${r.group} ${r.measure}`).toBeCloseTo(expected, 10);
  }
  // the default data has real differences: the test would not pass on an all-"no difference" page
  expect(different).toBeGreaterThan(0);
  // the chart draws the same interval around each chosen group's mean
  for (const r of rows.slice(0, 5)) {
    const g = page.locator(`svg.caterpillar[data-measure="${r.measure}"] g.row[data-group="${r.group}"]`);
    await expect(g).toHaveClass(new RegExp(`v-${r.verdict}`));
  }
});

test('the table of all groups is one click away, sorts by any measure with the sorted column first, and the URL keeps the sort', async ({ page }) => {
  await page.goto('/compare/');
  await ready(page);
  await expect(page.locator('#ranking-table')).toBeHidden();
  await page.locator('.table-toggle').click();
  await expect(page.locator('#ranking-table')).toBeVisible();
  await page.locator('#ranking-table button[data-sort=train_count]').click();
  await expect(page).toHaveURL(/sort=train_count&dir=desc/);
  await expect(page.locator('#ranking-table thead th').nth(2)).toHaveAttribute('aria-sort', 'descending');
  const vals = (await page.locator('#ranking-table tbody td[data-measure=train_count]').allTextContents()).filter((t) => t !== 'suppressed').map(Number);
  expect(vals).toEqual([...vals].sort((a, b) => b - a));
  await page.locator('#ranking-table button[data-sort=train_count]').click();
  await expect(page).toHaveURL(/dir=asc/);
  const asc = (await page.locator('#ranking-table tbody td[data-measure=train_count]').allTextContents()).filter((t) => t !== 'suppressed').map(Number);
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
});

for (const width of [390, 1280]) {
  test(`at ${width} px, a control scrolled into view stays where it is (nothing above it changes size as it comes near)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/compare/');
    await ready(page);
    const toggle = page.locator('.table-toggle');
    await toggle.scrollIntoViewIfNeeded();
    const y0 = await toggle.evaluate((el) => el.getBoundingClientRect().top);
    // two frames: time for anything newly near the viewport to be laid out
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
    const y1 = await toggle.evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(y1 - y0)).toBeLessThan(1);
  });
}

test('a shared URL reopens the same view', async ({ page }) => {
  await page.goto('/compare/?by=dept_type&g=petition_office,county_bureau&sort=need&dir=asc');
  await ready(page);
  await expect(page.locator('select[name=by]')).toHaveValue('dept_type');
  expect(await page.locator('.compare-group').evaluateAll((s) => s.map((x) => x.getAttribute('data-group')))).toEqual(['petition_office', 'county_bureau']);
  await expect(page.locator('input[name=g][value=petition_office]')).toBeChecked();
  await expect(page.locator('#ranking-table th:has(button[data-sort=need])')).toHaveAttribute('aria-sort', 'ascending');
  expect(await page.locator('svg.caterpillar[data-measure=need] g.row.chosen').evaluateAll((s) => s.map((x) => x.getAttribute('data-group')).sort())).toEqual(['county_bureau', 'petition_office']);
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
  await ready(page);
  await expect(page.locator('.compare-group[data-group=l_county]')).toContainText('Suppressed: fewer than 5 respondents');
  await expect(page.locator('.compare-group[data-group=l_county] td[data-mean]')).toHaveCount(0);
  await expect(page.locator('svg.caterpillar g.row[data-group=l_county]')).toHaveCount(0);
  await expect(page.locator('#ranking-table tr[data-group=l_county] td[data-measure=turnover]')).toHaveText('suppressed');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#compare-csv')]);
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  expect(csv).toContain('"Linshui County",all,,,,,,,,,,,suppressed');
  expect(csv).not.toMatch(/^"Linshui County",turnover/m);
});

test('a group with answers missing from more than 5% of it says so next to the number', async ({ page }) => {
  await page.route('**/data/compare.json', async (route) => {
    const res = await route.fetch();
    const data = await res.json();
    const g = data.groups.find((x: any) => x.by === 'county' && x.value === 'h_county');
    const m = g.measures.turnover;
    // a tenth of the group's answers missing (scale the moments so the mean stays the same)
    const keep = Math.floor(g.n * 0.9);
    g.measures.turnover = { n: keep, sum: (m.sum * keep) / m.n, sumsq: (m.sumsq * keep) / m.n };
    await route.fulfill({ response: res, body: JSON.stringify(data) });
  });
  await page.goto('/compare/?by=county&g=h_county,l_county');
  await ready(page);
  const n = Number((await page.locator('.compare-group[data-group=h_county] .n').textContent())!.match(/\d+/)![0]);
  await expect(page.locator('.compare-group[data-group=h_county] tr[data-measure=turnover] .answers-note')).toHaveText(`(answers from ${Math.floor(n * 0.9)} of ${n})`);
  await expect(page.locator('.compare-group[data-group=l_county] tr[data-measure=turnover] .answers-note')).toHaveCount(0);
});

test('print: every column header, the method note and the data version print; controls do not', async ({ page }) => {
  await page.goto('/compare/');
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#compare-controls')).toBeHidden();
  await expect(page.locator('.compare-method')).toBeVisible();
  await expect(page.locator('.compare-method')).toContainText('survey mean');
  await expect(page.locator('.data-version')).toBeVisible();
  await expect(page.locator('.data-version')).toContainText(/v\d/);
  for (const th of await page.locator('#ranking-table thead th, .compare-table thead th').all()) {
    await expect(th).toBeVisible();
    expect((await th.innerText()).trim().length).toBeGreaterThan(0);
  }
  await expect(page.locator('svg.caterpillar').first()).toBeVisible();
  // on an A4-wide page (210 mm − margins ≈ 700 px) no column of the table of all groups is cut off
  await page.setViewportSize({ width: 700, height: 1000 });
  const cut = await page.locator('#ranking-table thead th').evaluateAll((ths) => {
    const right = document.querySelector('main')!.getBoundingClientRect().right;
    return ths.filter((th) => th.getBoundingClientRect().right > right + 1).map((th) => th.textContent);
  });
  expect(cut).toEqual([]);
});

test('/compare/ after interaction and /zh/compare/ are axe clean', async ({ page }) => {
  // axe over every chart mark takes tens of seconds on a shared two-core machine
  test.setTimeout(240_000);
  for (const p of ['/compare/', '/zh/compare/']) {
    await page.goto(p);
    await ready(page);
    await page.locator('.table-toggle').click();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  }
});

test('change since the previous wave: a county surveyed once says so; a county with two waves gets changes whose verdicts agree with their intervals', async ({ page }) => {
  const years = await sql<{ county: string; y: string }>("SELECT county, CAST(survey_year AS VARCHAR) AS y FROM respondents GROUP BY ALL ORDER BY ALL");
  await page.goto('/compare/?by=county&g=h_county,z_urban');
  await ready(page);
  const h = years.filter((r) => r.county === 'h_county').map((r) => r.y);
  expect(h).toHaveLength(1);
  await expect(page.locator('.change .change-none[data-group=h_county]')).toContainText(`surveyed in ${h[0]} only`);
  // a comparison table in which H County has two waves (moments of two real groups)
  await page.route('**/data/compare.json', async (route) => {
    const res = await route.fetch();
    const data = await res.json();
    const grp = (v: string) => data.groups.find((x: any) => x.by === 'county' && x.value === v);
    data.waves.years.h_county = ['2024', '2025'];
    data.waves.byCounty.push({ ...grp('l_county'), by: 'h_county', value: '2024' }, { ...grp('h_county'), by: 'h_county', value: '2025' });
    await route.fulfill({ response: res, body: JSON.stringify(data) });
  });
  await page.goto('/compare/?by=county&g=h_county,z_urban');
  await ready(page);
  const rows = await page.locator('.change-table[data-group=h_county] tr[data-verdict]').evaluateAll((trs) => trs.map((tr) => ({ measure: tr.getAttribute('data-measure')!, verdict: tr.getAttribute('data-verdict')!, diff: Number(tr.querySelector('td[data-diff]')!.getAttribute('data-diff')), lo: Number(tr.querySelector('td[data-diff]')!.getAttribute('data-lo')), hi: Number(tr.querySelector('td[data-diff]')!.getAttribute('data-hi')) })));
  expect(rows.length).toBeGreaterThanOrEqual(10);
  for (const r of rows) {
    expect(r.verdict !== 'none', r.measure).toBe(r.lo > 0 || r.hi < 0);
    const [{ v }] = await sql<{ v: number }>(`SELECT max(CASE WHEN grp = 'h_county' THEN m_sum / m_n END) - max(CASE WHEN grp = 'l_county' THEN m_sum / m_n END) AS v FROM groups WHERE scope = 'all' AND by_var = 'county' AND measure = '${r.measure}'`);
    expect(r.diff, r.measure).toBeCloseTo(v, 10);
  }
  expect(rows.some((r) => r.verdict !== 'none')).toBe(true);
});
