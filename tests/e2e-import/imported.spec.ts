// The real-data path end to end (issue #10): the one command (`npm start -- --import … --mapping … --no-serve
// --out-dir out/import-ci`, run by playwright.config.ts) on the second fixture export — XLSX, two cities in one
// file, counties and departments not in the codebook, one item per competency, several questions not asked.
// Every page renders in Chromium without a page error; what was not measured says so; k holds.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const OUT = process.env.E2E_IMPORT_OUT ?? 'out/import-ci';
const DIST = path.join(OUT, 'dist');

function pagesOf(dir: string): string[] {
  if (!existsSync(dir)) throw new Error(`${dir} is missing: the imported-survey web server did not build it`);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== '_astro') walk(p);
      else if (e.name === 'index.html') out.push(('/' + path.relative(dir, d).replace(/\\/g, '/') + '/').replace(/\/+/g, '/'));
    }
  };
  walk(dir);
  return out.sort();
}

const pages = pagesOf(DIST);
const mapping = readFileSync('tests/fixtures/import-county/mapping.yaml', 'utf8');

test('the imported site has the home page, every chapter, compare and data pages', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/compare/');
  expect(pages).toContain('/data/');
  expect(pages.filter((p) => p.startsWith('/chapters/')).length).toBe(readdirSync('src/content/chapters').length);
});

for (const p of pages) {
  test(`imported ${p}: renders with no page error, shows the survey's own banner, no synthetic claim`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // console errors, except the browser's own note on a missing resource: those are checked by URL below (the site has no favicon)
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`HTTP ${r.status()} ${r.url()}`);
    });
    await page.goto(p);
    await expect(page.locator('.survey-notice')).toContainText('East Lake and West Ridge grassroots cadre survey 2025');
    await expect(page.locator('.survey-notice')).toContainText('2025-03-01');
    await expect(page.locator('.synthetic-notice')).toHaveCount(0);
    await expect(page.locator('.synthetic-tag')).toHaveCount(0);
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\bNaN\b|\bundefined\b|\[object Object\]/);
    // every drawn figure has data marks; every undrawn one says it was not measured
    for (const fig of await page.locator('figure[data-figure-id]').all()) expect(await fig.locator('.chart svg *, .chart td').count()).toBeGreaterThan(0);
    // …in the page's language (the Chinese edition of the imported survey too)
    const notMeasured = p.startsWith('/zh/') ? '本次调查未测量' : 'Not measured in this survey';
    for (const fig of await page.locator('figure[data-absent-figure]').all()) await expect(fig.locator('.not-measured')).toContainText(notMeasured);
    await page.waitForTimeout(200);
    expect(errors).toEqual([]);
  });
}

test('figures and numbers without data say so, in the static HTML', async ({ page }) => {
  await page.goto('/chapters/05-training-supply/');
  // formats received and Kirkpatrick levels were not asked
  await expect(page.locator('figure[data-absent-figure="training-formats"] .not-measured')).toContainText('Format received');
  await expect(page.locator('figure[data-absent-figure="kirkpatrick-levels"] .not-measured')).toContainText('Not measured in this survey');
  // barriers were asked (4 of 7 options): drawn, with the options not offered named
  await expect(page.locator('figure[data-figure-id="training-barriers"] .absent-note')).toContainText("attended on someone else's behalf");
  await page.goto('/chapters/07-careers/');
  await expect(page.locator('#turnover-regression[data-state="not-measured"]')).toContainText('Need satisfaction: autonomy');
  await page.goto('/chapters/01-background/');
  // one item per scale: a score, but no reliability
  await expect(page.locator('.reliability tr[data-scale="turnover"]')).toContainText('not computable: one item');
  await expect(page.locator('.reliability tr[data-scale="turnover"] td').nth(1)).toHaveText('1 of 3');
  await expect(page.locator('#reliability-not-measured')).toContainText('Need satisfaction: autonomy');
  await expect(page.locator('#reliability-summary')).toContainText('No scale has two or more items asked');
  // a section about a group this survey does not have says so instead of its numbers
  await page.goto('/chapters/06-petition/');
  await expect(page.locator('[data-measured="no-respondents"]').first()).toHaveText('Petition staff: no respondents in this survey.');
  await page.goto('/chapters/08-recommendations/');
  await expect(page.locator('.stat[data-state="not-measured"]').first()).toHaveText('[not measured in this survey]');
});

test('counties and departments come from the data with the mapping\'s labels; a figure re-queries live', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const fig = page.locator('figure[data-figure-id="competency-profile"]');
  const county = fig.locator('select[name="county"]');
  const labels = await county.locator('option').allTextContents();
  expect(labels).toEqual(expect.arrayContaining(['Donghu County', '南山区', '西岭县']));
  expect(labels.join()).not.toMatch(/H County|Linshui/);
  await county.selectOption({ label: 'Donghu County' });
  await expect(fig).toHaveAttribute('data-state', /ready|done|live/, { timeout: 30_000 });
  await expect(fig.locator('.status')).not.toHaveAttribute('data-kind', 'error');
  // group controls offer only what was measured
  const group = page.locator('figure[data-figure-id="turnover-by-group"] select[name="group"] option');
  const groups = await group.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(groups).toContain('county');
  expect(groups).not.toContain('leader');
  expect(groups).not.toContain('recruitment');
  expect(errors).toEqual([]);
});

test('published files: k holds, no identifier or unmapped column, manifest has published checksums only', async ({ request }) => {
  const disclosure = await (await request.get('/data/disclosure.json')).json();
  expect(disclosure.kAchieved).toBeGreaterThanOrEqual(disclosure.k);
  expect(disclosure.k).toBeGreaterThanOrEqual(5);
  const csv = await (await request.get('/data/respondents.csv')).text();
  expect(csv).not.toContain('1390000'); // the unmapped phone column
  expect(csv).not.toContain('203.0.113.'); // the IP column
  expect(csv).not.toContain('希望多些实操培训'); // the unmapped free-text column
  const manifestText = await (await request.get('/data/manifest.json')).text();
  const manifest = JSON.parse(manifestText);
  expect(manifest.source.kind).toBe('import');
  const exportHash = createHash('sha256').update(readFileSync('out/import-county-export.xlsx')).digest('hex');
  const mappingHash = createHash('sha256').update(mapping).digest('hex');
  expect(manifestText).not.toContain(exportHash);
  expect(manifestText).not.toContain(mappingHash);
  // every checksum in the manifest is of a file published beside it
  for (const f of manifest.files) {
    const body = await (await request.get(`/data/${f.name}`)).body();
    expect(createHash('sha256').update(body).digest('hex'), f.name).toBe(f.sha256);
  }
  // the raw hashes are in the private build log, outside the published folder
  const log = JSON.parse(readFileSync(path.join(OUT, 'raw/build-log.json'), 'utf8'));
  expect(JSON.stringify(log)).toContain(exportHash);
  // codebook.json: frame values actually present, labels from the mapping or the export's text
  const cb = await (await request.get('/data/codebook.json')).json();
  const county = cb.variables.find((v: any) => v.name === 'county');
  expect(county.values.map((v: any) => v.label.en).sort()).toEqual(['Donghu County', '南山区', '西岭县'].sort());
  expect(cb.variables.find((v: any) => v.name === 'city').values.map((v: any) => v.label.zh).sort()).toEqual(['东湖市', '西岭市'].sort());
  expect(cb.variables.find((v: any) => v.name === 'leader').absent).toBe(true);
  expect(cb.scales.find((s: any) => s.id === 'pro_political').asked).toEqual(['pro_political_1']);
});

test('/compare/ starts on counties this survey has, offers only what it asked, and each county has a one-page brief', async ({ page, request }) => {
  const cb = await (await request.get('/data/codebook.json')).json();
  const codes: string[] = cb.variables.find((v: any) => v.name === 'county').values.map((v: any) => String(v.code));
  await page.goto('/compare/');
  await expect(page.locator('#compare-view')).toHaveAttribute('data-state', 'ready');
  const checked = await page.locator('input[name=g]:checked').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
  expect(checked.length).toBeGreaterThanOrEqual(2);
  for (const c of checked) expect(codes).toContain(c);
  expect(await page.locator('.compare-group').evaluateAll((s) => s.map((x) => x.getAttribute('data-group')))).toEqual(checked);
  await expect(page.locator('#compare-status')).toHaveText('');
  // measures whose scales were not asked (need satisfaction, justice) are gone; asked ones are drawn
  await expect(page.locator('svg.caterpillar[data-measure="need"], svg.caterpillar[data-measure="justice"]')).toHaveCount(0);
  await expect(page.locator('.compare-group tr[data-measure="need"]')).toHaveCount(0);
  await expect(page.locator('svg.caterpillar[data-measure="turnover"]')).toHaveCount(1);
  const bys = await page.locator('select[name=by] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(bys).not.toContain('leader');
  expect(bys).not.toContain('recruitment');
  for (const c of checked) {
    await page.goto(`/compare/county/${c}/`);
    await expect(page.locator('.brief h1')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  }
});
