/**
 * The two editions. UI strings live in one dictionary per language (en.ts, zh.ts); zh.ts must have
 * exactly en.ts's keys (the type checker enforces missing keys, src/i18n/dict.test.ts also unused ones).
 * Browser-safe: no Node imports.
 */
import { en } from './en.ts';
import { zh } from './zh.ts';

export type Lang = 'en' | 'zh';
export const LANGS: Lang[] = ['en', 'zh'];
export type Key = keyof typeof en;
export const DICTS: Record<Lang, Record<Key, string>> = { en, zh };

/** BCP 47 tag for <html lang>, hreflang and Intl */
export const LOCALE: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

/** t('figure.n', { n: 12 }) → the string in that language with {n} filled in. */
export function t(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  const s = DICTS[lang][key] ?? DICTS.en[key];
  if (s === undefined) throw new Error(`i18n: unknown key "${key}"`);
  return s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** A translator bound to one language. */
export const translator = (lang: Lang) => (key: Key, vars?: Record<string, string | number>) => t(lang, key, vars);

/** The language of a site path: everything under /zh/ is Chinese. */
export const langOfPath = (pathname: string): Lang => (pathname === '/zh' || pathname.startsWith('/zh/') ? 'zh' : 'en');

/** The same page in the given language ('/chapters/x/' ⇄ '/zh/chapters/x/'). */
export function pathIn(lang: Lang, pathname: string): string {
  const bare = langOfPath(pathname) === 'zh' ? pathname.replace(/^\/zh(?=\/|$)/, '') || '/' : pathname;
  return lang === 'zh' ? (bare === '/' ? '/zh/' : '/zh' + bare) : bare;
}

/** Prefix a site-absolute English route for a language: href(lang, '/compare/'). */
export const href = (lang: Lang, path: string) => pathIn(lang, path);

/** Numbers for prose and tables, formatted for the locale (no thousands separator below 10 000 in zh). */
export function fmtNumber(lang: Lang, v: number, digits = 2): string {
  if (lang === 'en') return digits === 0 ? String(Math.round(v)) : v.toFixed(digits);
  return new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: Math.abs(v) >= 10000 }).format(v);
}

export function fmtPercent(lang: Lang, share: number, digits = 0): string {
  if (lang === 'en') return `${(share * 100).toFixed(digits)}%`;
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);
}

/** 25 November 2026 / 2026年11月25日 */
export function fmtDate(lang: Lang, d: Date): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/**
 * Width of a label in px at a font size, for build-time margins (linkedom cannot measure text):
 * CJK ideographs and full-width punctuation count as one em, Latin letters and digits about 0.6 em.
 */
export function textWidth(s: string, fontSize = 13): number {
  let em = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60) || (c >= 0x3000 && c <= 0x303f)) em += 1;
    else if (/[A-Z]/.test(ch)) em += 0.68;
    else if (/[ il.,:;'|!]/.test(ch)) em += 0.3;
    else em += 0.58;
  }
  return em * fontSize;
}
