// `PORT=… npx tsx scripts/look-interact.ts outDir`: on a phone (390 px), change one control of every figure
// on the given pages (its next option, or the option named in CHOICES) and screenshot the redrawn figure.
import { chromium } from '@playwright/test';
import sharp from 'sharp';
import { mkdirSync } from 'node:fs';

const out = process.argv[2] ?? '/tmp/look-interact';
const base = `http://127.0.0.1:${process.env.PORT ?? 4321}`;
const pages = (process.env.PAGES ?? '/chapters/01-background/,/chapters/02-competency-model/,/chapters/03-competency-today/,/chapters/04-training-needs/').split(',');
const scheme = (process.env.SCHEME ?? 'light') as 'light' | 'dark';
const width = Number(process.env.WIDTH ?? 390);
// a control and value worth seeing redrawn, per figure (else the first control's next option)
const CHOICES: Record<string, [string, string]> = {
  'gap-heatmap': ['dept', 'petition_office'],
  'ipa-quadrants': ['county', 'h_county'],
  'competency-model': ['dimension', 'working_skills'],
  'dimension-by-group': ['group', 'education'],
  'group-distribution': ['group', 'rank'],
  'turnover-by-group': ['group', 'recruitment'],
};
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const seen = new Set<string>();
for (const p of pages) {
  const page = await browser.newPage({ viewport: { width, height: 844 }, colorScheme: scheme });
  await page.addInitScript((t) => localStorage.setItem('theme', t), scheme);
  await page.goto(base + p);
  for (const id of await page.locator('figure[data-figure-id]').evaluateAll((fs) => fs.map((f) => f.id))) {
    if (seen.has(id)) continue;
    seen.add(id);
    const fig = page.locator(`figure#${id}`);
    const [name, value] = CHOICES[id] ?? (await fig.locator('select').first().evaluate((s: HTMLSelectElement) => [s.name, s.options[(s.selectedIndex + 1) % s.options.length].value]));
    await fig.evaluate((f) => (f.dataset.state = 'loading'));
    await fig.locator(`select[name="${name}"]`).selectOption(value);
    try {
      await page.waitForFunction((i) => document.getElementById(i)?.dataset.state === 'ready', id, { timeout: 120_000 });
    } catch {
      console.log(id, 'NOT READY', await fig.getAttribute('data-state'));
    }
    await page.waitForTimeout(200);
    const file = `${out}/${id}${p.startsWith('/zh/') ? '-zh' : ''}-${scheme}.png`;
    const buf = await fig.screenshot();
    const m = await sharp(buf).metadata();
    // tall figures: cut into 900 px strips side by side
    const strips = Math.ceil(m.height! / 900);
    const comps = [];
    for (let s = 0; s < strips; s++) comps.push({ input: await sharp(buf).extract({ left: 0, top: s * 900, width: m.width!, height: Math.min(900, m.height! - s * 900) }).toBuffer(), left: s * (m.width! + 10), top: 0 });
    await sharp({ create: { width: strips * (m.width! + 10), height: Math.min(900, m.height!), channels: 3, background: '#ff00ff' } }).composite(comps).png().toFile(file);
    console.log(file, `${name}=${value}`);
  }
  await page.close();
}
await browser.close();
