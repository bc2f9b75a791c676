/**
 * Phones first-class (issue #13), at 390 px, light and dark:
 * - no page scrolls sideways;
 * - in every figure's default view no two text labels overlap (rotated labels compared as rotated boxes);
 * - every county × department / sample × county combination without respondents — found here with
 *   DuckDB over the published Parquet, not from the page — says so in words, in English and Chinese,
 *   and the controls mark those options.
 */
import { expect, test, type Page } from '@playwright/test';
import { builtPages, allFigures } from './helpers';
import { nodeClient } from '../../src/lib/db/node';
import { publishedCodebook } from '../../src/lib/figures/render-static';

const PHONE = { width: 390, height: 844 };
const THEMES = ['light', 'dark'] as const;

async function setTheme(page: Page, theme: (typeof THEMES)[number]) {
  await page.emulateMedia({ colorScheme: theme });
  await page.addInitScript((t) => localStorage.setItem('theme', t), theme);
}

/** pairs of visible text elements (per chart) whose boxes overlap by more than 1 px, as "a | b" */
async function overlappingLabels(page: Page, plant = false): Promise<string[]> {
  return page.evaluate((plant) => {
    if (plant) {
      // the checker's own check: two labels planted on top of each other must be found
      for (const s of [...document.querySelectorAll<SVGSVGElement>('figure[data-figure-id] .chart svg')].filter((x) => x.getBoundingClientRect().width > 0).slice(0, 1))
        for (const dx of [0, 30]) {
          const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
          Object.entries({ x: String(40 + dx), y: '40', 'font-size': '13' }).forEach(([k, v]) => t.setAttribute(k, v));
          t.textContent = 'planted overlapping label';
          s.append(t);
        }
    }
    type P = { x: number; y: number };
    const out: string[] = [];
    const corners = (t: SVGGraphicsElement): P[] | null => {
      const b = t.getBBox();
      const m = t.getScreenCTM();
      if (!m || b.width === 0 || b.height === 0) return null;
      // shrink by 1 px: glyph boxes of neighbouring tick labels may touch
      const pts = [[b.x + 1, b.y + 1], [b.x + b.width - 1, b.y + 1], [b.x + b.width - 1, b.y + b.height - 1], [b.x + 1, b.y + b.height - 1]];
      return pts.map(([x, y]) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f }));
    };
    // separating axis test for two convex quadrilaterals
    const separated = (a: P[], b: P[]) => {
      for (const poly of [a, b])
        for (let i = 0; i < 4; i++) {
          const p = poly[i], q = poly[(i + 1) % 4];
          const nx = q.y - p.y, ny = p.x - q.x;
          const proj = (ps: P[]) => ps.map((r) => r.x * nx + r.y * ny);
          const pa = proj(a), pb = proj(b);
          if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return true;
        }
      return false;
    };
    for (const svg of document.querySelectorAll<SVGSVGElement>('figure[data-figure-id] .chart svg')) {
      if (svg.getBoundingClientRect().width === 0) continue; // the rendering CSS hides at this width
      const texts = [...svg.querySelectorAll<SVGTextElement>('text')].filter((t) => t.textContent!.trim());
      const boxes = texts.map((t) => ({ t, c: corners(t) })).filter((x) => x.c) as { t: SVGTextElement; c: P[] }[];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          if (boxes[i].t.contains(boxes[j].t) || boxes[j].t.contains(boxes[i].t)) continue;
          if (!separated(boxes[i].c, boxes[j].c)) out.push(`${svg.closest('figure')!.id}: "${boxes[i].t.textContent}" | "${boxes[j].t.textContent}"`);
        }
    }
    return out;
  }, plant);
}

test.describe('phones (390 px)', () => {
  test.use({ viewport: PHONE });
  const pages = builtPages();

  for (const theme of THEMES)
    test(`no page scrolls sideways (${theme})`, async ({ page }) => {
      test.setTimeout(240_000);
      await setTheme(page, theme);
      const wide: string[] = [];
      for (const url of pages) {
        await page.goto(url);
        const w = await page.evaluate(() => document.documentElement.scrollWidth);
        if (w > PHONE.width) wide.push(`${url}: ${w} px`);
      }
      expect(wide).toEqual([]);
    });

  test('no page scrolls sideways at the narrowest and widest common phones (360 and 414 px)', async ({ page }) => {
    test.setTimeout(240_000);
    const wide: string[] = [];
    for (const width of [360, 414]) {
      await page.setViewportSize({ width, height: 800 });
      for (const url of pages) {
        await page.goto(url);
        const w = await page.evaluate(() => document.documentElement.scrollWidth);
        if (w > width) wide.push(`${url} at ${width}: ${w} px`);
      }
    }
    expect(wide).toEqual([]);
  });

  const chapters = pages.filter((p) => /\/chapters\/[^/]+\/$/.test(p));
  for (const theme of THEMES)
    test(`no two labels overlap in any figure's default view (${theme})`, async ({ page }) => {
      test.setTimeout(240_000);
      await setTheme(page, theme);
      const found: string[] = [];
      let charts = 0;
      for (const url of chapters) {
        await page.goto(url);
        charts += await page.locator('figure[data-figure-id] .chart svg').evaluateAll((s) => s.filter((x) => x.getBoundingClientRect().width > 0).length);
        for (const o of await overlappingLabels(page)) found.push(`${url} ${o}`);
      }
      expect(charts).toBeGreaterThan(10);
      expect(found).toEqual([]);
      // and the check can fail: planted overlapping labels are reported
      expect((await overlappingLabels(page, true)).filter((o) => o.includes('planted overlapping label')).length).toBeGreaterThan(0);
    });

  test('every chart on a phone fits its box (the narrow rendering, in the static HTML)', async ({ page }) => {
    const too: string[] = [];
    for (const url of chapters.filter((u) => !u.startsWith('/zh/'))) {
      await page.goto(url);
      too.push(
        ...(await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('figure[data-figure-id] .chart')].flatMap((c) =>
            [...c.querySelectorAll('svg')].filter((s) => s.getBoundingClientRect().width > 0 && !s.closest('.legend') && s.getBoundingClientRect().width > c.clientWidth + 1).map((s) => `${c.closest('figure')!.id}: ${Math.round(s.getBoundingClientRect().width)} > ${c.clientWidth}`),
          ),
        )).map((s) => `${url} ${s}`),
      );
    }
    // no exception: career-by-group and the competency-model table both have phone layouts now
    expect(too).toEqual([]);
  });

  test('every continuous x axis on a phone keeps at least two tick labels (a scale needs two numbers)', async ({ page }) => {
    const thin: string[] = [];
    let axes = 0;
    for (const url of chapters) {
      await page.goto(url);
      const found = await page.evaluate(() =>
        [...document.querySelectorAll<SVGSVGElement>('figure[data-figure-id] .chart svg')]
          .filter((s) => s.getBoundingClientRect().width > 0)
          .flatMap((s) =>
            // one x axis per facet row at most: count each axis group's labels
            [...s.querySelectorAll('g[aria-label="x-axis tick label"]')]
              .map((g) => ({ id: s.closest('figure[data-figure-id]')!.id, n: [...g.querySelectorAll('text')].filter((t) => t.textContent!.trim()).length, numeric: [...g.querySelectorAll('text')].every((t) => /^[−-]?[\d.,]+%?$/.test(t.textContent!.trim())) }))
              .filter((a) => a.numeric),
          ),
      );
      axes += found.length;
      thin.push(...found.filter((a) => a.n < 2).map((a) => `${url} ${a.id}: ${a.n} tick label`));
    }
    expect(axes).toBeGreaterThan(10);
    expect(thin).toEqual([]);
  });

  test('the competency model table fits the figure at 360 and 414 px, opening view and with a county and a dimension chosen', async ({ page }) => {
    test.slow(); // two views need the browser engine
    const fits = async () =>
      page.locator('#competency-model .explorer-wrap').evaluate((w) => ({ wrap: w.clientWidth, table: Math.ceil(w.querySelector('table')!.getBoundingClientRect().width), rows: w.querySelectorAll('tbody tr').length }));
    for (const width of [360, 414]) {
      await page.setViewportSize({ width, height: 800 });
      for (const lang of ['', '/zh']) {
        await page.goto(`${lang}/chapters/02-competency-model/`);
        const r = await fits();
        expect(r.rows, `${width} ${lang}`).toBeGreaterThan(15);
        expect(r.table, `${width} ${lang || 'en'} opening view`).toBeLessThanOrEqual(r.wrap + 1);
      }
      await page.goto('/chapters/02-competency-model/?competency-model.county=h_county&competency-model.dimension=working_skills');
      const fig = page.locator('figure#competency-model');
      await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
      await expect(fig.locator('tr.item').first()).toBeVisible();
      await expect(fig.locator('.bench').first()).toBeVisible();
      const r = await fits();
      expect(r.table, `${width} county + dimension`).toBeLessThanOrEqual(r.wrap + 1);
    }
  });

  test('tables on a phone: captions stay within their box, numbers are not split across lines, Chinese cells are not squeezed', async ({ page }) => {
    test.setTimeout(240_000);
    const bad: string[] = [];
    let tables = 0;
    for (const url of pages) {
      await page.goto(url);
      const found = await page.evaluate(() => {
        const out: string[] = [];
        const visible = (e: Element) => e.getBoundingClientRect().width > 0;
        const lines = (e: Element) => {
          const r = document.createRange();
          r.selectNodeContents(e);
          return new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))).size;
        };
        const ts = [...document.querySelectorAll('main table')].filter(visible);
        for (const t of ts) {
          const box = t.closest('.table-wrap') ?? t.parentElement!;
          const cap = t.querySelector('caption');
          if (cap && cap.getBoundingClientRect().right > box.getBoundingClientRect().right + 1) out.push(`caption runs out of its box: "${cap.textContent!.slice(0, 40)}"`);
          for (const c of t.querySelectorAll<HTMLElement>('th, td')) {
            const text = c.textContent!.trim();
            if (!visible(c) || !text) continue;
            if (/^[−-]?[\d.,]+(%| KB)?$/.test(text) && lines(c) > 1) out.push(`number split across lines: "${text}"`);
            // a Chinese cell at least three characters wide (its content box, at its font size); cells a
            // table reflowed into blocks on phones (the training plan) are not columns, and its header
            // row is kept for screen readers only (visually hidden)
            const cs = getComputedStyle(c);
            if (cs.display !== 'table-cell') continue;
            const head = c.closest('thead');
            if (head && getComputedStyle(head).clipPath !== 'none') continue;
            const inner = c.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
            if (/[\u4e00-\u9fff]{3}/.test(text) && inner < 2.9 * parseFloat(cs.fontSize)) out.push(`Chinese cell squeezed to ${Math.round(inner)} px: "${text.slice(0, 12)}"`);
          }
        }
        return { n: ts.length, out };
      });
      tables += found.n;
      bad.push(...[...new Set(found.out)].map((o) => `${url} ${o}`));
    }
    expect(tables).toBeGreaterThan(10);
    expect(bad).toEqual([]);
  });

  test('career-by-group is laid out for the phone in the static HTML and after a redraw with ten counties', async ({ page }) => {
    test.slow();
    await page.goto('/chapters/07-careers/');
    const fig = page.locator('figure#career-by-group');
    const fits = () =>
      fig.evaluate((f) => {
        const c = f.querySelector<HTMLElement>('.chart')!;
        const s = [...c.querySelectorAll('svg')].filter((x) => x.getBoundingClientRect().width > 0 && !x.closest('.legend'));
        return { n: s.length, widest: Math.max(...s.map((x) => x.getBoundingClientRect().width)), box: c.clientWidth, scroll: c.scrollWidth };
      });
    const before = await fits();
    expect(before.n).toBe(1);
    expect(before.widest).toBeLessThanOrEqual(before.box + 1);
    expect(before.scroll).toBeLessThanOrEqual(before.box + 1);
    await fig.locator('select[name="group"]').selectOption('county');
    await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
    const after = await fits();
    expect(after.widest).toBeLessThanOrEqual(after.box + 1);
    expect(after.scroll).toBeLessThanOrEqual(after.box + 1);
    // every county's row is drawn and no two labels overlap in the redrawn chart
    for (const name of ['H County', 'Fengyi County']) await expect(fig.locator('.chart svg text', { hasText: name })).toHaveCount(1);
    expect(await overlappingLabels(page)).toEqual([]);
  });

  test('a table that scrolls inside its box keeps its caption within the visible width (en, zh)', async ({ page }) => {
    for (const url of ['/chapters/07-careers/', '/zh/chapters/07-careers/']) {
      await page.goto(url);
      const wrap = page.locator('.table-wrap.regression');
      const m = await wrap.evaluate((w) => ({ box: w.clientWidth, table: w.querySelector('table')!.getBoundingClientRect().width, caption: w.querySelector('caption')!.getBoundingClientRect().width }));
      // the table itself is wider than a phone (it scrolls), which is what makes the check meaningful
      expect(m.table, url).toBeGreaterThan(m.box);
      expect(m.caption, url).toBeLessThanOrEqual(m.box + 1);
    }
  });

  test('/compare/ table of all groups: each group name on one line, the page still does not scroll sideways (en, zh)', async ({ page }) => {
    for (const url of ['/compare/', '/zh/compare/']) {
      await page.goto(url);
      await page.locator('button.table-toggle').click();
      const m = await page.locator('#ranking-table').evaluate((t) => ({
        // the line boxes of each name's text (Chinese names broke one character a line)
        names: [...t.querySelectorAll<HTMLElement>('tbody td:first-child, tbody th:first-child')].map((c) => {
          const r = document.createRange();
          r.selectNodeContents(c);
          return { text: c.textContent, lines: new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size };
        }),
      }));
      expect(m.names.length, url).toBeGreaterThan(3);
      expect(m.names.filter((n) => n.lines > 1).map((n) => n.text), url).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(390);
    }
  });

  test('the training plan reads as one block per priority on a phone, each cell under its column name', async ({ page }) => {
    for (const [url, label] of [['/chapters/08-recommendations/', 'Format'], ['/zh/chapters/08-recommendations/', '培训方式']] as const) {
      await page.goto(url);
      const chart = page.locator('figure#training-plan .chart');
      const m = await chart.evaluate((c) => ({ box: c.clientWidth, scroll: c.scrollWidth, rows: c.querySelectorAll('tbody tr[role="row"]').length }));
      expect(m.rows).toBe(5);
      expect(m.scroll, url).toBeLessThanOrEqual(m.box + 1);
      const before = await chart.locator('tbody tr').first().locator('td').nth(3).evaluate((td) => getComputedStyle(td, '::before').content);
      expect(before).toContain(label);
    }
  });

  test('the codebook on /data/ reads as one card per variable on a phone and on a 1280 px desktop: nothing scrolls sideways, no column is lost (en, zh)', async ({ page }) => {
    for (const [url, width] of [['/data/', PHONE.width], ['/zh/data/', PHONE.width], ['/data/', 1280], ['/zh/data/', 1280]] as const) {
      await page.setViewportSize({ width, height: PHONE.height });
      await page.goto(url);
      const wrap = page.locator('.table-wrap.codebook');
      // it is painted only near the viewport (content-visibility): bring it there before measuring
      await wrap.scrollIntoViewIfNeeded();
      const m = await wrap.evaluate((w) => {
        const heads = [...w.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
        const rows = [...w.querySelectorAll<HTMLTableRowElement>('tbody tr')];
        // every filled cell of every row is shown, and a cell not at the card's head carries its column's name
        const lost = rows.flatMap((r) => [...r.cells].filter((c) => c.textContent!.trim() && c.getBoundingClientRect().height === 0).map((c) => `${r.cells[0].textContent}: ${c.textContent}`));
        const unnamed = rows.flatMap((r) =>
          [...r.cells].filter((c, i) => i > 0 && !c.classList.contains('label') && c.textContent!.trim()).filter((c) => !heads.includes(c.dataset.label ?? '')).map((c) => `${r.cells[0].textContent}: ${c.textContent}`),
        );
        const before = getComputedStyle(rows[0].cells[1], '::before').content;
        return { box: w.clientWidth, scroll: w.scrollWidth, rows: rows.length, cols: heads.length, lost, unnamed, before };
      });
      expect(m.rows, url).toBeGreaterThan(100);
      expect(m.cols, url).toBeGreaterThanOrEqual(8);
      expect(m.scroll, `${url} at ${width} px: the codebook scrolls sideways inside its box`).toBeLessThanOrEqual(m.box + 1);
      expect(m.lost, url).toEqual([]);
      expect(m.unnamed, url).toEqual([]);
      expect(m.before, url).toContain(url.startsWith('/zh/') ? '发布名' : 'Published as');
      // the filter still hides cards (a hidden row must not be shown as a card)
      await page.locator('form.codebook-filter input[name="q"]').fill('turnover');
      const shown = await wrap.evaluate((w) => [...w.querySelectorAll('tbody tr')].filter((r) => r.getBoundingClientRect().height > 0).length);
      expect(shown, url).toBeGreaterThan(0);
      expect(shown, url).toBeLessThan(m.rows);
    }
  });

  test('Kirkpatrick level labels on a phone: at most two lines each, inside the chart (en, zh)', async ({ page }) => {
    for (const url of ['/chapters/05-training-supply/', '/zh/chapters/05-training-supply/']) {
      await page.goto(url);
      const m = await page.locator('figure#kirkpatrick-levels .chart').evaluate((c) => {
        const svg = [...c.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0 && !s.closest('.legend'))!;
        const box = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll('text')].filter((t) => /Level|层/.test(t.textContent!));
        return {
          labels: texts.length,
          lines: texts.map((t) => Math.max(1, t.querySelectorAll('tspan').length)),
          outside: texts.filter((t) => { const r = t.getBoundingClientRect(); return r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1; }).map((t) => t.textContent),
        };
      });
      expect(m.labels, url).toBe(4);
      expect(Math.max(...m.lines), `${url}: a level label wraps to ${Math.max(...m.lines)} lines`).toBeLessThanOrEqual(2);
      expect(m.outside, url).toEqual([]);
    }
  });

  test('a missing page answers 404 with the bilingual page, Chinese first under the Chinese header on /zh/ addresses, laid out for the phone', async ({ page }) => {
    for (const url of ['/no-such-page/', '/zh/no-such-page/', '/chapters/no-such-chapter/', '/zh/chapters/no-such-chapter/']) {
      const zh = url.startsWith('/zh/');
      const res = await page.goto(url);
      expect(res!.status(), url).toBe(404);
      await expect(page.locator('html'), url).toHaveAttribute('lang', zh ? 'zh-CN' : 'en');
      await expect(page.locator('main h1'), url).toHaveText(zh ? '页面未找到' : 'Page not found');
      await expect(page.locator('main section[lang="zh-CN"] :is(h1, h2)')).toHaveText('页面未找到');
      await expect(page.locator('main section[lang="en"] :is(h1, h2)')).toHaveText('Page not found');
      await expect(page.locator('main section[lang="zh-CN"] a[href="/zh/"]')).toHaveCount(1);
      await expect(page.locator('main section[lang="en"] a[href="/"]')).toHaveCount(1);
      // header and footer in the address's language
      await expect(page.locator('header.site-header nav a').first(), url).toHaveText(zh ? '首页' : 'Home');
      await expect(page.locator('header.site-header nav a').first(), url).toHaveAttribute('href', zh ? '/zh/' : '/');
      if (zh) expect(await page.locator('footer.site-footer').innerText(), url).toMatch(/[\u4e00-\u9fff]/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(PHONE.width);
    }
  });
});

test.describe('empty selections', () => {
  test('every combination without respondents says so in words; its options are marked (en and zh)', async ({ page }) => {
    test.setTimeout(240_000);
    const cb = publishedCodebook();
    const column: Record<string, string> = { county: 'county', dept_type: 'dept_type', sample: 'sample' };
    const db = nodeClient(process.env.REPORT_DATA_DIR ?? 'public/data');
    const figs = (await allFigures()).filter((f) => f.params.filter((p) => column[p.kind]).length >= 2);
    expect(figs.length).toBeGreaterThanOrEqual(5);
    const pages = builtPages().filter((p) => /\/chapters\//.test(p));
    let checked = 0;
    for (const def of figs) {
      const frame = def.params.filter((p) => column[p.kind]);
      const cols = frame.map((p) => column[p.kind]);
      const values = (kind: string) => (cb.variables.find((v) => v.name === column[kind])?.values ?? []).map((v) => String(v.code));
      // the empty pairs, counted independently of the site: all codebook pairs minus those in the data
      const present = new Set((await db.query(`SELECT DISTINCT ${cols.join(', ')} FROM respondents`, {})).map((r: any) => cols.map((c) => String(r[c])).join('|')));
      const empty: string[][] = [];
      for (const a of values(frame[0].kind)) for (const b of values(frame[1].kind)) if (!present.has(`${a}|${b}`)) empty.push([a, b]);
      // find the page the figure is on
      let url = '';
      for (const p of pages.filter((u) => !u.startsWith('/zh/'))) {
        await page.goto(p);
        if (await page.locator(`figure#${def.id}`).count()) {
          url = p;
          break;
        }
      }
      expect(url, def.id).not.toBe('');
      for (const lang of ['en', 'zh']) {
        const combos = lang === 'en' ? empty : empty.slice(0, 3);
        await page.goto(lang === 'en' ? url : '/zh' + url);
        const fig = page.locator(`figure#${def.id}`);
        for (const combo of combos) {
          await fig.evaluate((f, [names, vals]) => {
            f.dataset.state = 'loading';
            names.forEach((n, i) => {
              const sel = f.querySelector<HTMLSelectElement>(`select[name="${n}"]`)!;
              sel.value = vals[i];
            });
            f.querySelector(`select[name="${names[0]}"]`)!.dispatchEvent(new Event('change', { bubbles: true }));
          }, [frame.map((p) => p.name), combo] as const);
          await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
          const msg = fig.locator('.chart .empty-selection');
          await expect(msg, `${def.id} ${combo}`).toHaveText(lang === 'en' ? /^No respondents (in|from) .+\.$/ : /没有.*受访者/);
          expect(await fig.locator('.chart svg, .chart table').count()).toBe(0);
          // the other control marks the chosen combination's partner as empty
          const partner = fig.locator(`select[name="${frame[1].name}"] option[value="${combo[1]}"]`);
          await expect(partner).toHaveAttribute('data-empty', '');
          checked++;
        }
        if (lang === 'en' && combos.length) {
          // a combination with respondents draws a chart again, without the message
          const [a, b] = [...present][0].split('|');
          await fig.evaluate((f, [names, vals]) => {
            f.dataset.state = 'loading';
            names.forEach((n, i) => (f.querySelector<HTMLSelectElement>(`select[name="${n}"]`)!.value = vals[i]));
            f.querySelector(`select[name="${names[0]}"]`)!.dispatchEvent(new Event('change', { bubbles: true }));
          }, [frame.map((p) => p.name), [a, b]] as const);
          await expect(fig).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
          await expect(fig.locator('.chart .empty-selection')).toHaveCount(0);
          await expect(fig.locator(def.kind === 'table' ? '.chart table' : '.chart svg').first()).toBeVisible();
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  test('the brief’s example reads as asked: H County’s petition office', async ({ page }) => {
    await page.goto('/chapters/03-competency-today/?competency-profile.county=h_county&competency-profile.dept=petition_office');
    const fig = page.locator('figure#competency-profile');
    await expect(fig.locator('.chart .empty-selection')).toHaveText("No respondents in H County's petition (letters-and-visits) office.", { timeout: 60_000 });
  });
});

test.describe('engine start', () => {
  test('nothing heavy loads for a reader who does not come near a control; pointer on controls fetches the figure\'s results, sent compressed, and no engine', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 300 });
    const heavy: { path: string; encoding?: string; type?: string; status: number }[] = [];
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (/\.wasm$|\/data\/figures\/.*\.json$/.test(path)) heavy.push({ path, encoding: r.headers()['content-encoding'], type: r.headers()['content-type'], status: r.status() });
    });
    await page.goto('/chapters/03-competency-today/');
    await page.waitForTimeout(2000);
    // the top of the page shows no figure controls: no engine, no results, no figure code
    expect(heavy).toEqual([]);
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /hydrate/.test(e.name)))).toBe(false);
    const controls = page.locator('figure#competency-profile form.controls');
    await controls.scrollIntoViewIfNeeded();
    await controls.hover();
    await expect.poll(() => heavy.filter((w) => w.status === 200).length, { timeout: 60_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1500);
    const got = heavy.filter((w) => w.status === 200);
    expect(got.map((w) => w.path)).toEqual(['/data/figures/competency-profile.json']);
    expect(got[0].encoding).toBe('br');
    expect(got[0].type).toMatch(/^application\/json/);
    // the change is drawn from them
    await page.locator('figure#competency-profile select[name=county]').selectOption('g_district');
    await expect(page.locator('figure#competency-profile')).toHaveAttribute('data-source', 'results', { timeout: 30_000 });
    expect(heavy.filter((w) => w.path.endsWith('.wasm'))).toEqual([]);
  });

  test('where the results cannot answer, intent starts the engine, sent compressed as application/wasm', async ({ page }) => {
    await page.route('**/data/figures/*.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    const wasm: { encoding?: string; type?: string; status: number }[] = [];
    page.on('response', (r) => {
      if (/\.wasm$/.test(new URL(r.url()).pathname)) wasm.push({ encoding: r.headers()['content-encoding'], type: r.headers()['content-type'], status: r.status() });
    });
    await page.goto('/chapters/03-competency-today/');
    const controls = page.locator('figure#competency-profile form.controls');
    await controls.scrollIntoViewIfNeeded();
    await controls.hover();
    await expect.poll(() => wasm.filter((w) => w.status === 200).length, { timeout: 60_000 }).toBeGreaterThan(0);
    const full = wasm.find((w) => w.status === 200)!;
    expect(full.encoding).toBe('br');
    expect(full.type).toBe('application/wasm');
  });
});
