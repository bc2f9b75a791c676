// The county briefs (issue #14 point 4): one static page per county in the data, English and Chinese,
// each printing to exactly one A4 page with its title, data version, method note and synthetic-data mark.
import { test, expect } from '@playwright/test';
import { nodeClient } from '../../src/lib/db/node';

const sql = async <T = Record<string, any>>(q: string) => nodeClient('public/data').query<T>(q);
/** counties shown in the protected table: every one gets a brief */
const counties = async () =>
  (await sql<{ grp: string }>("SELECT grp FROM groups WHERE scope = 'all' AND by_var = 'county' AND measure = '_n' AND grp IS NOT NULL AND grp NOT LIKE '%+%' AND NOT withheld ORDER BY grp")).map((r) => r.grp);
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

test('every county in the data has a brief, in both editions, and /compare/ links to each', async ({ page, request }) => {
  const codes = await counties();
  expect(codes.length).toBeGreaterThanOrEqual(2);
  for (const c of codes) {
    for (const p of [`/compare/county/${c}/`, `/zh/compare/county/${c}/`]) expect((await request.get(p)).status(), p).toBe(200);
  }
  await page.goto('/compare/');
  const linked = await page.locator('.brief-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/')[3]).sort());
  expect(linked).toEqual(codes);
});

for (const lang of ['en', 'zh'] as const) {
  test(`every ${lang} county brief prints to one A4 page with title, data version, method note and synthetic mark`, async ({ page }) => {
    test.setTimeout(120_000);
    for (const c of await counties()) {
      await page.goto(`${lang === 'zh' ? '/zh' : ''}/compare/county/${c}/`);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.brief h1')).toBeVisible();
      await expect(page.locator('.brief .compare-method')).toBeVisible();
      await expect(page.locator('.brief .data-version')).toBeVisible();
      await expect(page.locator('.synthetic-notice')).toBeVisible();
      await expect(page.locator('.brief-synthetic')).toBeVisible();
      const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
      expect(pdfPages(pdf), `${lang} ${c}`).toBe(1);
      await page.emulateMedia({ media: 'screen' });
    }
  });
}

test('a brief states the same verdicts as /compare/ and its numbers equal the published moments', async ({ page }) => {
  const code = (await counties())[0];
  await page.goto(`/compare/county/${code}/`);
  const headline = await page.locator('.headline-grid > div').evaluateAll((ds) => ds.map((d) => ({ measure: d.getAttribute('data-measure')!, verdict: d.getAttribute('data-verdict')!, value: d.querySelector('.value')?.textContent ?? '' })));
  expect(headline.length).toBe(5);
  const ranks = await page.locator('.headline-grid > div').evaluateAll((ds) => ds.map((d) => ({ measure: d.getAttribute('data-measure')!, rank: Number(d.querySelector('.rank')?.getAttribute('data-rank')) })));
  const strengths = await page.locator('.brief-strengths li').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-measure')!));
  const gaps = await page.locator('.brief-gaps li').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-measure')!));
  await page.goto(`/compare/?by=county&g=${code},${(await counties())[1]}`);
  await expect(page.locator('#compare-view')).toHaveAttribute('data-state', 'ready');
  const card = page.locator(`.compare-group[data-group="${code}"]`);
  for (const h of headline) await expect(card.locator(`tr[data-measure="${h.measure}"]`)).toHaveAttribute('data-verdict', h.verdict);
  for (const m of [...strengths, ...gaps]) expect(await card.locator(`tr[data-measure="${m}"]`).getAttribute('data-verdict')).not.toBe('none');
  // each headline's rank among the counties is its place in the SQL ranking (highest mean first)
  for (const { measure, rank } of ranks) {
    const order = (await sql<{ grp: string }>(`SELECT grp FROM groups WHERE scope = 'all' AND by_var = 'county' AND measure = '${measure}' AND grp IS NOT NULL AND grp NOT LIKE '%+%' AND NOT withheld AND m_n >= 2 ORDER BY m_sum / m_n DESC, grp`)).map((r) => r.grp);
    expect(rank, measure).toBe(order.indexOf(code) + 1);
  }
  // the headline turnover value is the county's mean from the published moments
  const turnover = headline.find((h) => h.measure === 'turnover');
  if (turnover) {
    const [{ v }] = await sql<{ v: number }>(`SELECT m_sum / m_n AS v FROM groups WHERE scope = 'all' AND by_var = 'county' AND grp = '${code}' AND measure = 'turnover'`);
    expect(turnover.value).toBe(v.toFixed(2));
  }
});
