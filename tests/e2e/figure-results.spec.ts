// The build's results (lib/figures/results.ts, /data/figures/<id>.json): a change or a shared link is
// drawn from them without the engine, and what they draw is what DuckDB-WASM draws for the same view
// (the independent check: the build ran the SQL with DuckDB in Node, the page here runs it in WASM).
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { allFigures, builtPages } from './helpers';
import { publishedCodebook } from '../../src/lib/figures/render-static.ts';
import { controlCombos, viewKey } from '../../src/lib/figures/results.ts';
import type { FigureDef } from '../../src/lib/figures/types.ts';

/** the first English page that shows each figure */
function pagesOf(ids: string[]): Map<string, string[]> {
  const byPage = new Map<string, string[]>();
  for (const p of builtPages().filter((p) => !p.startsWith('/zh/'))) {
    const html = readFileSync(`dist${p}index.html`, 'utf8');
    for (const id of ids)
      if (html.includes(`data-figure-id="${id}"`) && ![...byPage.values()].flat().includes(id)) byPage.set(p, [...(byPage.get(p) ?? []), id]);
  }
  return byPage;
}

/** a view other than the opening one that the results hold (so it has respondents): every parameter changed where it can be */
function otherView(def: FigureDef, opening: Record<string, string>): Record<string, string> {
  const file = JSON.parse(readFileSync(`dist/data/figures/${def.id}.json`, 'utf8'));
  const combos = controlCombos(def, publishedCodebook()).filter((c) => file.views[viewKey(def, c)]);
  const changed = (c: Record<string, string>) => def.params.filter((p) => c[p.name] !== opening[p.name]).length;
  // the most changed, then the middle of the menu (not always its first county)
  const best = Math.max(...combos.map(changed));
  const pool = combos.filter((c) => changed(c) === best);
  return pool[Math.floor(pool.length / 2)];
}

/** what a figure shows: table, notes, status and the chart's text (Plot's class names differ between renderings) */
const shownOf = (page: Page, id: string) =>
  page.locator(`figure#${id}`).evaluate((f) => ({
    table: f.querySelector('.table-wrap')!.innerHTML,
    notes: f.querySelector('.figure-notes')!.innerHTML,
    status: f.querySelector('.status')!.textContent,
    chart: [...f.querySelectorAll('.chart text, .chart td, .chart th, .chart .empty-selection')].map((t) => t.textContent).join('|'),
    marks: f.querySelectorAll('.chart rect, .chart circle, .chart path, .chart line').length,
  }));

async function changeTo(page: Page, id: string, view: Record<string, string>) {
  const fig = page.locator(`figure#${id}`);
  for (const [name, value] of Object.entries(view)) {
    const sel = fig.locator(`select[name=${name}]`);
    if ((await sel.inputValue()) !== value) {
      await sel.selectOption(value);
      await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    }
  }
}

test('every figure with controls: a view drawn from the build\'s results equals the one DuckDB-WASM draws', async ({ browser }) => {
  test.setTimeout(300_000);
  const defs = (await allFigures()).filter((d) => {
    try {
      return d.params.length > 0 && !!readFileSync(`dist/data/figures/${d.id}.json`);
    } catch {
      return false;
    }
  });
  expect(defs.length).toBeGreaterThanOrEqual(10);
  let compared = 0;
  for (const [path, ids] of pagesOf(defs.map((d) => d.id))) {
    const engine = await browser.newPage();
    await engine.addInitScript(() => ((window as any).__figureSource = 'engine'));
    const results = await browser.newPage();
    const wasm: string[] = [];
    results.on('request', (r) => void (/\.wasm$/.test(new URL(r.url()).pathname) && wasm.push(r.url())));
    await engine.goto(path);
    await results.goto(path);
    for (const id of ids) {
      const def = defs.find((d) => d.id === id)!;
      const opening = await results.locator(`figure#${id}`).evaluate((f) => Object.fromEntries([...f.querySelectorAll('select')].map((s) => [s.name, s.value])));
      const view = otherView(def, opening);
      await changeTo(engine, id, view);
      await changeTo(results, id, view);
      await expect(engine.locator(`figure#${id}`)).toHaveAttribute('data-source', 'engine');
      await expect(results.locator(`figure#${id}`)).toHaveAttribute('data-source', 'results');
      const [a, b] = [await shownOf(engine, id), await shownOf(results, id)];
      expect(b, `${id} ${JSON.stringify(view)}`).toEqual(a);
      expect(a.table.length).toBeGreaterThan(100);
      compared++;
    }
    expect(wasm, `${path}: the results page started the engine`).toEqual([]);
    await engine.close();
    await results.close();
  }
  expect(compared).toBe(defs.length);
});

test('a shared link with state is drawn from the results: no engine, no DuckDB code', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (r) => void loaded.push(new URL(r.url()).pathname));
  await page.goto('/chapters/03-competency-today/?competency-profile.county=h_county&competency-profile.dept=township_office');
  const fig = page.locator('figure#competency-profile');
  await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(fig).toHaveAttribute('data-source', 'results');
  await expect(fig.locator('select[name=county]')).toHaveValue('h_county');
  await expect(fig.locator('select[name=dept]')).toHaveValue('township_office');
  expect(loaded.filter((p) => /\.wasm$|duckdb|\/browser\.[\w-]+\.js$|\.parquet$/.test(p))).toEqual([]);
  expect(loaded).toContain('/data/figures/competency-profile.json');
});

test('a stale, broken or missing results file is not read: the engine answers the change', async ({ page }) => {
  test.slow(); // three engine starts
  const real = JSON.parse(readFileSync('dist/data/figures/turnover-by-group.json', 'utf8'));
  const variants: [string, (route: any) => Promise<void>][] = [
    ['built with another k', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...real, k: real.k + 5 }) })],
    ['not JSON', (r) => r.fulfill({ contentType: 'application/json', body: '{"figure": "turnover-by' })],
    ['missing', (r) => r.fulfill({ status: 404, body: 'gone' })],
  ];
  for (const [what, handler] of variants) {
    await page.unrouteAll();
    await page.route('**/data/figures/turnover-by-group.json', handler);
    await page.goto('/chapters/07-careers/');
    const fig = page.locator('figure#turnover-by-group');
    await fig.locator('select[name=group]').selectOption('gender');
    await expect(fig, what).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    await expect(fig, what).toHaveAttribute('data-source', 'engine');
    await expect(fig.locator('.status'), what).toHaveText('');
  }
});
