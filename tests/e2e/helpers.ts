import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/** Every built page (so new chapters are covered automatically). */
export function builtPages(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== '_astro') walk(p);
      else if (e.name === 'index.html') out.push('/' + path.relative('dist', path.dirname(p)).replace(/\\/g, '/') + (dir === 'dist' ? '' : '/'));
    }
  };
  if (!existsSync('dist')) throw new Error('dist/ is missing: run `npm run build:all` before the browser tests');
  walk('dist');
  return out.map((p) => p.replace(/\/+/g, '/')).sort();
}

/** Records every request that leaves the local server. */
export function watchExternal(page: Page, baseURL: string): string[] {
  const external: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(baseURL) && !url.startsWith('data:') && !url.startsWith('blob:')) external.push(url);
  });
  return external;
}

/** Every figure definition (Playwright runs outside Vite, so no import.meta.glob here). */
export async function allFigures() {
  const { readdirSync } = await import('node:fs');
  const ids = readdirSync('src/figures', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const defs = [];
  for (const id of ids) defs.push((await import(`../../src/figures/${id}/figure.ts`)).figure);
  return defs as import('../../src/lib/figures/types').FigureDef[];
}
