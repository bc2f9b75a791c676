// `PORT=… npx tsx scripts/look.ts outDir url [url…]`: screenshots for looking at a page on a phone and a desktop,
// light and dark, as mosaics legible at 1:1 (a tall phone page is cut into strips laid side by side).
// Phone: 390 px strips, 3 per image; desktop: 1280 px strips, one per image.
import { chromium } from '@playwright/test';
import sharp from 'sharp';
import { mkdirSync } from 'node:fs';

const [out, ...urls] = process.argv.slice(2);
const base = `http://127.0.0.1:${process.env.PORT ?? 4321}`;
const only = process.env.ONLY; // e.g. "phone-dark"
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const p of urls) {
  for (const [device, width, stripH, perImage] of [['phone', 390, 980, 3], ['desktop', 1280, 1300, 1]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      if (only && !`${device}-${scheme}`.includes(only)) continue;
      const page = await browser.newPage({ viewport: { width, height: 844 }, colorScheme: scheme });
      await page.addInitScript((t) => localStorage.setItem('theme', t), scheme);
      await page.goto(base + p, { waitUntil: 'load' });
      // content-visibility: auto (the data page's long sections and codebook) leaves everything below the
      // first screen unpainted in a full-page screenshot: paint it all for looking
      await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
      await page.waitForTimeout(300);
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      const buf = await page.screenshot({ fullPage: true });
      await page.close();
      const meta = await sharp(buf).metadata();
      const H = meta.height!, W = meta.width!;
      const strips = Math.ceil(H / stripH);
      const name = (p.replace(/\//g, '_').replace(/^_|_$/g, '') || 'home') + `-${device}-${scheme}`;
      for (let img = 0; img * perImage < strips; img++) {
        const comps: sharp.OverlayOptions[] = [];
        let n = 0;
        for (let s = img * perImage; s < Math.min(strips, (img + 1) * perImage); s++, n++) {
          const top = s * stripH, h = Math.min(stripH, H - top);
          comps.push({ input: await sharp(buf).extract({ left: 0, top, width: W, height: h }).toBuffer(), left: n * (W + 10), top: 0 });
        }
        const file = `${out}/${name}-${img}.png`;
        await sharp({ create: { width: n * (W + 10), height: stripH, channels: 3, background: '#ff00ff' } }).composite(comps).png().toFile(file);
        console.log(file, sw > width ? `SIDEWAYS ${sw}` : '');
      }
    }
  }
}
await browser.close();
