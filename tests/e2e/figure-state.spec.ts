// One state per figure (issue #13, point 2): the caption's notes (n, withheld, empty selection) are
// written by one function, lib/figures/state.ts figureView, at build time and after every re-query;
// old links (before a figure's parameters changed) open the same view through the URL migrations.
import { test, expect, type Page } from '@playwright/test';
import { nodeClient } from '../../src/lib/db/node.ts';
import { figureSQL } from '../../src/lib/figures/sql.ts';
import { frameCombos, publishedCodebook } from '../../src/lib/figures/render-static.ts';
import { suppressSmallCells } from '../../src/lib/figures/rows.ts';
import { controlOptions } from '../../src/lib/figures/options.ts';
import { createState, figureView, withRows } from '../../src/lib/figures/state.ts';
import type { FigureDef } from '../../src/lib/figures/types.ts';
import type { Lang } from '../../src/i18n/index.ts';
import { figure as turnover } from '../../src/figures/turnover-by-group/figure.ts';
import { figure as profile } from '../../src/figures/competency-profile/figure.ts';
import { figure as groupDistribution } from '../../src/figures/group-distribution/figure.ts';

/** what the page must show for these parameters: the same function the page calls, on rows queried here with DuckDB in Node */
async function expectedView(def: FigureDef, params: Record<string, string>, lang: Lang) {
  const cb = publishedCodebook();
  const rows = suppressSmallCells(def, await nodeClient('public/data').query(figureSQL(def, cb), params), cb.k);
  return figureView(def, withRows(createState(def, cb, params), rows), cb, lang, await frameCombos(def));
}

/** HTML as the browser serialises it (quotes and apostrophes in text are not escaped there) */
const normalised = (page: Page, html: string) => page.evaluate((h) => Object.assign(document.createElement('span'), { innerHTML: h }).innerHTML, html);
const notesOf = (page: Page, id: string) => page.locator(`figure#${id} .figure-notes`).evaluate((el) => el.innerHTML);

for (const [lang, prefix] of [['en', ''], ['zh', '/zh']] as const) {
  test(`${lang}: after a re-query the n and withheld notes are what the shared function gives for the new rows`, async ({ page }) => {
    test.slow(); // DuckDB-WASM start plus a query, on a loaded machine
    const cb = publishedCodebook();
    const opening = { group: 'age_band', county: 'all' };
    const before = await expectedView(turnover, opening, lang);
    // a county whose notes differ from the opening view's, preferring one with withheld rows (so both notes change)
    const candidates = [];
    for (const c of controlOptions('county', cb).filter((o) => o.value !== 'all')) {
      const v = await expectedView(turnover, { ...opening, county: c.value }, lang);
      if (v.notesHTML !== before.notesHTML) candidates.push({ county: c.value, v });
    }
    const pick = candidates.find((c) => c.v.withheld && c.v.withheld !== before.withheld) ?? candidates[0];
    expect(pick, 'no county changes the notes').toBeTruthy();

    await page.goto(`${prefix}/chapters/07-careers/`);
    const fig = page.locator('figure#turnover-by-group');
    await expect(fig.locator('select[name=group]')).toHaveValue(opening.group);
    // build time: the same function wrote the static notes
    expect(await notesOf(page, 'turnover-by-group')).toBe(await normalised(page, before.notesHTML));

    await fig.locator('select[name=county]').selectOption(pick.county);
    await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    const after = await notesOf(page, 'turnover-by-group');
    expect(after).toBe(await normalised(page, pick.v.notesHTML));
    expect(after).not.toBe(await normalised(page, before.notesHTML)); // a note left as built would fail here
    await expect(fig.locator('.n')).toHaveAttribute('data-n', String(pick.v.n));
  });
}

test('an empty selection: the notes say 0 respondents, from the same function, and the chart says so in words', async ({ page }) => {
  test.slow();
  const cb = publishedCodebook();
  const frame = (await frameCombos(profile))!;
  const county = controlOptions('county', cb).map((o) => o.value).filter((v) => v !== 'all');
  const dept = controlOptions('dept_type', cb).map((o) => o.value).filter((v) => v !== 'all');
  const countyAt = frame.params.indexOf('county'), deptAt = frame.params.indexOf('dept');
  const empty = county.flatMap((c) => dept.map((d) => ({ county: c, dept: d }))).find((p) => !frame.present.some((r) => r[countyAt] === p.county && r[deptAt] === p.dept));
  test.skip(!empty, 'every county × department pair has respondents in this survey');
  const expected = await expectedView(profile, empty!, 'en');
  expect(expected.empty).toBeTruthy();

  // the controls disable an empty pair's second choice (frame.ts); a link still reaches it
  const fig = page.locator('figure#competency-profile');
  await page.goto(`/chapters/03-competency-today/?competency-profile.county=${empty!.county}&competency-profile.dept=${empty!.dept}`);
  await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(fig.locator('.chart .empty-selection')).toHaveText(expected.empty!);
  expect(await notesOf(page, 'competency-profile')).toBe(await normalised(page, expected.notesHTML));
  await expect(fig.locator('.n')).toHaveAttribute('data-n', '0');
});

test('a link written before group-distribution renamed its parameter (v1: group) opens the same view, and is rewritten as v2', async ({ page }) => {
  test.slow();
  const cb = publishedCodebook();
  const variable = controlOptions('group', cb).map((o) => o.value).find((v) => v !== groupDistribution.params[0].default)!;
  const county = controlOptions('county', cb).map((o) => o.value).find((v) => v !== 'all')!;
  await page.goto(`/chapters/01-background/?group-distribution.group=${variable}&group-distribution.county=${county}`);
  const fig = page.locator('figure#group-distribution');
  await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(fig.locator('select[name=variable]')).toHaveValue(variable);
  await expect(fig.locator('select[name=county]')).toHaveValue(county);
  await expect(fig.locator('.status')).toHaveText('');
  const url = new URL(page.url());
  expect(url.searchParams.get('group-distribution.v')).toBe('2');
  expect(url.searchParams.get('group-distribution.variable')).toBe(variable);
  expect(url.searchParams.has('group-distribution.group')).toBe(false);
  const expected = await expectedView(groupDistribution, { variable, county }, 'en');
  expect(await fig.locator('.table-wrap').evaluate((el) => el.innerHTML)).toBe(await normalised(page, expected.tableHTML));
  expect(await notesOf(page, 'group-distribution')).toBe(await normalised(page, expected.notesHTML));
});
