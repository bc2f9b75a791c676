/** Sitemap of both editions; each page lists its English and Chinese alternates (hreflang). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { LOCALE, LANGS, pathIn } from '../i18n';
import { briefPaths } from '../lib/compare/brief-data';

export const GET: APIRoute = async ({ site }) => {
  const chapters = await getCollection('chapters');
  const zhChapters = new Set((await getCollection('chaptersZh')).map((c) => c.id));
  const briefs = (await briefPaths()).map((b) => `/compare/county/${b.params.code}/`);
  const paths = ['/', '/compare/', ...briefs, '/data/', '/data/sql/', ...chapters.map((c) => `/chapters/${c.id}/`)];
  const abs = (p: string) => new URL(p, site).href;
  const hasZh = (p: string) => !p.startsWith('/chapters/') || zhChapters.has(p.split('/')[2]);
  const urls = paths.flatMap((p) => {
    const langs = hasZh(p) ? LANGS : (['en'] as const);
    const alternates = langs.map((l) => `    <xhtml:link rel="alternate" hreflang="${LOCALE[l]}" href="${abs(pathIn(l, p))}"/>`).join('\n');
    return langs.map((l) => `  <url>\n    <loc>${abs(pathIn(l, p))}</loc>\n${alternates}\n  </url>`);
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
