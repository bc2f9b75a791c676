// `npx tsx scripts/screenshots.ts [outDir]`: screenshots of every built page, light and dark,
// desktop and phone, against a running preview server (PORT, default 4321). For looking, not testing.
// PREFIX=/zh/ limits it to the pages under that path (e.g. the Chinese edition).
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { builtPages } from '../tests/e2e/helpers.ts';

const out = process.argv[2] ?? '/tmp/shots';
const base = `http://127.0.0.1:${process.env.PORT ?? 4321}`;
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const p of process.argv[3] ? [process.argv[3]] : builtPages().filter((x) => x.startsWith(process.env.PREFIX ?? '/'))) {
  for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport, colorScheme: scheme });
      await page.goto(base + p);
      // long pages skip laying out what is off screen (content-visibility: auto); a full-page shot shows it all
      await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
      const name = `${out}/${(p.replace(/\//g, '_') || '_').replace(/^_|_$/g, '') || 'home'}-${device}-${scheme}.png`;
      await page.screenshot({ path: name, fullPage: true });
      await page.close();
      console.log(name);
    }
  }
}
await browser.close();
