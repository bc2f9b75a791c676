// The Chinese edition (/zh/…): every English page has a Chinese twin, figures re-query and restore
// from the URL in Chinese, the language switch keeps the view, and no visible Latin-letter words
// remain outside code, SQL, units, method and tool names and numbers. (Rendering, axe and
// "no other host" run for every page, /zh/ included, in figures.spec.ts.)
import { test, expect, type Page } from '@playwright/test';
import { builtPages, watchExternal } from './helpers';
import { nodeClient } from '../../src/lib/db/node';
import { figure as profile } from '../../src/figures/competency-profile/figure';
import { figure as turnover } from '../../src/figures/turnover-by-group/figure';

const pages = builtPages();
const english = pages.filter((p) => !p.startsWith('/zh/'));
const chinese = pages.filter((p) => p.startsWith('/zh/'));

/** Latin-letter words allowed in Chinese text: methods, statistics, units, file formats and tools. */
const ALLOWED = new Set(
  ('AHP IPA SQL Borich MWDS Bonferroni KMO Bartlett Cronbach McDonald Wilson Welch Holm Saaty OLS VIF SE CI RI CR AVE df ' +
    'CSV SVG PNG JSON Parquet DuckDB DuckDB-WASM WebAssembly JavaScript Python CLI Node MIT SHA KB MB HTTP IP ' +
    'Ctrl Enter LIMIT psych bfi minres ln var max R CFI TLI RMSEA SRMR HTMT lavaan semTools Fisher Kaiser Hu Bentler Fornell Larcker Henseler Ringle Sarstedt').split(' '),
);

/** Visible text of the page outside code, SQL and English-language citations, as words with Latin letters. */
async function latinWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // <noscript> content is a raw text node while scripts run (not shown); it is checked with JS off below
    const skip = 'code, pre, script, style, textarea, noscript, .references, [lang="en"]';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (el.closest(skip)) continue;
      // visible: rendered and not hidden (closed <details> content is visible once opened, so it counts)
      if (el.closest('[hidden]') || getComputedStyle(el).display === 'none') continue;
      for (const m of n.textContent!.matchAll(/[A-Za-z][A-Za-z-]*/g)) out.push(m[0].replace(/-+$/, ''));
    }
    // attributes a reader meets: aria-label, alt, placeholder, title
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')) {
      // charts are aria-hidden (their wrapper carries the alt text), so Plot's internal labels are not read
      if (el.closest('code, pre, [lang="en"], [aria-hidden="true"]')) continue;
      for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
        const v = el.getAttribute(a);
        if (v) for (const m of v.matchAll(/[A-Za-z][A-Za-z-]*/g)) out.push(m[0]);
      }
    }
    return out;
  });
}

test('every English page has a Chinese twin under /zh/, and vice versa', () => {
  expect(chinese.length).toBeGreaterThanOrEqual(13);
  expect(chinese.map((p) => p.replace(/^\/zh/, '')).sort()).toEqual([...english].sort());
});

for (const p of chinese) {
  test(`${p}: lang, hreflang, switch, and no stray Latin-letter words`, async ({ page }) => {
    await page.goto(p);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    const bare = p.replace(/^\/zh/, '');
    expect(await page.locator('link[rel=alternate][hreflang=en]').getAttribute('href')).toMatch(new RegExp(`${bare.replace(/\//g, '\\/')}$`));
    expect(await page.locator('link[rel=alternate][hreflang=zh-CN]').getAttribute('href')).toMatch(new RegExp(`${p.replace(/\//g, '\\/')}$`));
    await expect(page.locator('a[data-lang-switch]')).toHaveAttribute('href', bare);
    // open every table and SQL box so their text is checked too
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const words = await latinWords(page);
    const stray = [...new Set(words.filter((w) => w.length > 1 && !ALLOWED.has(w)))];
    expect(stray, `Latin-letter words on ${p}`).toEqual([]);
  });
}

test('the English pages link to their Chinese twin with hreflang', async ({ page }) => {
  await page.goto('/chapters/07-careers/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('a[data-lang-switch]')).toHaveAttribute('href', '/zh/chapters/07-careers/');
  expect(await page.locator('link[rel=alternate][hreflang=zh-CN]').getAttribute('href')).toMatch(/\/zh\/chapters\/07-careers\/$/);
});

test('Chinese: changing a control re-queries in the browser, in Chinese, and the table equals DuckDB in Node', async ({ page, baseURL }) => {
  const external = watchExternal(page, baseURL!);
  await page.goto('/zh/chapters/03-competency-today/');
  const fig = page.locator('figure#competency-profile');
  await expect(fig.locator('select[name=county] option[value=all]')).toHaveText('全部县（区）');
  await fig.locator('select[name=county]').selectOption('h_county');
  await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(page).toHaveURL(/competency-profile\.county=h_county/);
  const expected = await nodeClient('public/data').query<any>(profile.sql as string, { county: 'h_county', dept: 'all' });
  const rows = await fig.locator('.table-wrap tbody tr').all();
  expect(rows.length).toBe(expected.length);
  const cells = await rows[0].locator('td').allTextContents();
  expect(cells[1]).toBe(String(expected[0].n));
  expect(cells[2]).toBe(expected[0].proficiency.toFixed(2));
  expect(cells[0]).toMatch(/[\u4e00-\u9fff]/);
  await expect(fig.locator('.table-wrap thead')).toContainText('现有水平（均值）');
  await expect(fig.locator('.n')).toContainText('每行至多');
  // the redrawn chart is Chinese too
  await expect(fig.locator('.chart')).toContainText('重要程度');
  expect(external).toEqual([]);
});

test('Chinese: a shared URL restores the view', async ({ page }) => {
  await page.goto('/zh/chapters/07-careers/?turnover-by-group.group=education&turnover-by-group.county=h_county');
  const fig = page.locator('figure#turnover-by-group');
  await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(fig.locator('select[name=group]')).toHaveValue('education');
  await expect(fig.locator('select[name=county]')).toHaveValue('h_county');
  const expected = await nodeClient('public/data').query<any>(turnover.sql as string, { group: 'education', county: 'h_county' });
  const ns = await fig.locator('.table-wrap tbody tr td[data-col=n]').allTextContents();
  expect(ns).toEqual(expected.map((r: any) => (r.n >= 5 ? String(r.n) : '<5')));
});

test('Chinese: a value that is not allowed is refused with a Chinese message', async ({ page }) => {
  await page.goto("/zh/chapters/07-careers/?turnover-by-group.county=x'%20OR%201=1--");
  const fig = page.locator('figure#turnover-by-group');
  await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(fig.locator('.status')).toContainText('已忽略无效设置');
  await expect(fig.locator('select[name=county]')).toHaveValue('all');
});

test('the language switch keeps the figure state in the query string and the anchor', async ({ page }) => {
  await page.goto('/chapters/07-careers/');
  const fig = page.locator('figure#turnover-by-group');
  await fig.locator('select[name=group]').selectOption('gender');
  await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.locator('a[data-lang-switch]').click();
  await expect(page).toHaveURL(/\/zh\/chapters\/07-careers\/\?turnover-by-group\.v=1&turnover-by-group\.group=gender#turnover-by-group$/);
  const zfig = page.locator('figure#turnover-by-group');
  await expect(zfig).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(zfig.locator('select[name=group]')).toHaveValue('gender');
  await expect(zfig.locator('.table-wrap tbody')).toContainText('男');
  // and back
  await page.locator('a[data-lang-switch]').click();
  await expect(page).toHaveURL(/\/chapters\/07-careers\/\?turnover-by-group\.v=1&turnover-by-group\.group=gender#turnover-by-group$/);
  expect(new URL(page.url()).pathname).toBe('/chapters/07-careers/');
});

test('Chinese downloads: CSV keeps codes and adds Chinese labels; SVG carries title, source and synthetic mark in Chinese', async ({ page }) => {
  await page.goto('/zh/chapters/07-careers/');
  const fig = page.locator('figure#turnover-by-group');
  const read = async (action: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), fig.locator(`button[data-action=${action}]`).click()]);
    return (await download.createReadStream()).toArray().then((c) => Buffer.concat(c));
  };
  const csv = (await read('csv')).toString('utf8').trim().split('\n');
  expect(csv[0]).toBe('grp,grp_label,n,turnover,lo,hi,suppressed');
  expect(csv.some((l) => l.startsWith('18-29,18–29岁,'))).toBe(true);
  const svg = (await read('svg')).toString('utf8');
  expect(svg).toContain('各群体的离职倾向');
  expect(svg).toContain('资料来源：');
  expect(svg).toContain('合成数据');
  expect(svg).toContain('Noto Sans CJK SC');
  const png = await read('png');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.length).toBeGreaterThan(5000);
});

test('Chinese /zh/compare/: a control change re-renders in Chinese and keeps URL state', async ({ page, baseURL }) => {
  const external = watchExternal(page, baseURL!);
  await page.goto('/zh/compare/?by=dept_type&g=petition_office,county_bureau');
  await expect(page.locator('#compare-view')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('select[name=by]')).toHaveValue('dept_type');
  await expect(page.locator('.compare-group[data-group=petition_office] h3')).toHaveText('信访部门');
  await expect(page.locator('.compare-table').first()).toContainText('离职意向');
  await page.locator('input[name=g][value=township_office]').check();
  await expect(page).toHaveURL(/g=[a-z_,]*township_office/);
  for (const g of ['petition_office', 'county_bureau']) expect(new URL(page.url()).searchParams.get('g')!.split(',')).toContain(g);
  expect(await page.locator('.compare-group').count()).toBe(3);
  await page.locator('input[name=g]:checked').first().uncheck();
  await page.locator('input[name=g]:checked').first().uncheck();
  await expect(page.locator('#compare-status')).toHaveText('请至少选择两组进行比较。');
  expect(external).toEqual([]);
});

test('Chinese /zh/data/sql/: a query runs and reports in Chinese', async ({ page }) => {
  await page.goto('/zh/data/sql/?q=' + encodeURIComponent('SELECT county, count(*) AS n FROM respondents GROUP BY county ORDER BY county'));
  // a query from a link is not run on load (#16): the reader is told so, in Chinese, and presses Run
  await expect(page.locator('#console-status')).toContainText('此查询来自链接');
  await page.locator('#run').click();
  await expect(page.locator('body')).toHaveAttribute('data-console-state', 'ready', { timeout: 30_000 });
  await expect(page.locator('#console-status')).toContainText('毫秒');
  await page.locator('#sql').fill('SELECT no_such_column FROM respondents');
  await page.locator('#run').click();
  await expect(page.locator('body')).toHaveAttribute('data-console-state', 'error', { timeout: 30_000 });
  await expect(page.locator('#console-status')).toContainText('错误：');
});

test('Chinese /zh/data/: the codebook browser filters and counts in Chinese', async ({ page }) => {
  await page.goto('/zh/data/');
  const out = page.locator('form.codebook-filter output');
  await expect(out).toContainText('个变量');
  await page.locator('form.codebook-filter input[name=q]').fill('离职');
  await expect(out).toHaveText(/^[1-9]\d* 个变量$/);
  expect(await page.locator('#codebook-table tbody tr:not([hidden])').count()).toBeGreaterThan(0);
});

test('English inside the Chinese edition (the references) is set in the English font and not justified', async ({ page }) => {
  await page.goto('/zh/chapters/09-appendix/');
  const m = await page.locator('.references li', { hasText: 'goal pursuits' }).evaluate((li) => {
    const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf('\u201c');
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + 1);
      return { quoteEm: r.getBoundingClientRect().width / parseFloat(getComputedStyle(li).fontSize), align: getComputedStyle(li).textAlign };
    }
    return null;
  });
  expect(m, 'a reference with a curly quote').not.toBeNull();
  expect(m!.align).not.toBe('justify');
  // a CJK font sets the curly quote full width (1 em): "The “what” and “why”"
  expect(m!.quoteEm).toBeLessThan(0.6);
});

test('the appendix command reads as typed (real hyphens) and keeps each option on one line on a phone (en, zh)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of ['/chapters/09-appendix/', '/zh/chapters/09-appendix/']) {
    await page.goto(url);
    const code = page.locator('main code', { hasText: 'npm run analyze' });
    await expect(code, url).toHaveText('npm run analyze -- public/data/respondents.parquet --codebook public/data/codebook.json --format table');
    for (const opt of await code.locator('.nowrap').all()) {
      const lines = await opt.evaluate((e) => e.getClientRects().length);
      expect(lines, `${url}: ${await opt.textContent()} split across lines`).toBe(1);
    }
    expect(await code.locator('.nowrap').count(), url).toBe(2);
  }
});

test('Chinese county brief: list items are not justified (a wrapped interval spread the line above apart)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/zh/compare/county/z_urban/');
  const aligns = await page.locator('.brief li').evaluateAll((lis) => [...new Set(lis.map((li) => getComputedStyle(li).textAlign))]);
  expect(aligns.length).toBeGreaterThan(0);
  expect(aligns).not.toContain('justify');
});

test('the sitemap lists both editions with alternates', async ({ request }) => {
  const xml = await (await request.get('/sitemap.xml')).text();
  expect(xml).toContain('/zh/chapters/07-careers/</loc>');
  expect(xml).toContain('hreflang="zh-CN"');
  expect((xml.match(/<loc>/g) ?? []).length).toBe(english.length * 2);
});

test('Chinese charts: no axis label is cut at the left edge or overlaps its neighbour', async ({ page }) => {
  const problems: string[] = [];
  for (const p of chinese.filter((x) => x === '/zh/' || x.startsWith('/zh/chapters/'))) {
    await page.goto(p);
    const found = await page.evaluate(() => {
      const out: string[] = [];
      for (const svg of document.querySelectorAll<SVGSVGElement>('figure[data-figure-id] .chart svg')) {
        const box = svg.getBoundingClientRect();
        if (box.width < 100) continue; // legend swatches
        const id = svg.closest('figure[data-figure-id]')!.id;
        for (const g of svg.querySelectorAll('g[aria-label="y-axis tick label"], g[aria-label="fy-axis tick label"]')) {
          const texts = [...g.querySelectorAll('text')].map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0);
          for (const r of texts) if (r.left < box.left - 1 || r.right > box.right + 1) out.push(`${id}: label outside the chart (${Math.round(r.left - box.left)} px)`);
          const sorted = texts.sort((a, b) => a.top - b.top);
          for (let i = 1; i < sorted.length; i++) if (sorted[i].top < sorted[i - 1].bottom - 2 && sorted[i].left < sorted[i - 1].right && sorted[i].right > sorted[i - 1].left) out.push(`${id}: labels overlap`);
        }
      }
      return out;
    });
    problems.push(...found.map((f) => `${p} ${f}`));
  }
  expect([...new Set(problems)]).toEqual([]);
});

test.describe('Chinese, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the no-script notes and the engine messages are in Chinese', async ({ page }) => {
    for (const [p, sel, text] of [
      ['/zh/chapters/07-careers/', 'figure#turnover-by-group .noscript-note', '这些控件需要 JavaScript'],
      ['/zh/data/sql/', '.noscript-note', 'SQL 控制台需要 JavaScript'],
      ['/zh/compare/', '.noscript-note', '选择组别和排序需要 JavaScript'],
    ] as const) {
      await page.goto(p);
      await expect(page.locator(sel)).toContainText(text);
      const words = (await page.locator(sel).first().innerText()).match(/[A-Za-z][A-Za-z-]*/g) ?? [];
      expect(words.filter((w) => !['JavaScript', 'SQL', 'DuckDB'].includes(w))).toEqual([]);
    }
  });
});
