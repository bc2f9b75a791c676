// One dictionary per language, checked: the same keys in both, no empty strings, the same
// {placeholders}, and every key used somewhere in the site's source (an unused key fails).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { en } from './en.ts';
import { zh } from './zh.ts';
import { dictionaryProblems } from './check.ts';
import { fmtDate, fmtNumber, fmtPercent, pathIn, langOfPath, t, textWidth } from './index.ts';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p === path.join('src', 'i18n') ? [] : sources(p);
    return /\.(ts|astro|mdx)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI dictionaries', () => {
  it('zh has exactly the keys of en, none empty, with the same placeholders', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) {
      expect(v.trim(), `en ${k}`).not.toBe('');
      expect(zh[k as keyof typeof en].trim(), `zh ${k}`).not.toBe('');
      expect(placeholders(zh[k as keyof typeof en]), `placeholders of ${k}`).toEqual(placeholders(v));
    }
  });

  it('every key is used in the source (quoted literally, so a search finds it)', () => {
    const text = sources('src').map((f) => readFileSync(f, 'utf8')).join('\n');
    const unused = Object.keys(en).filter((k) => !text.includes(`'${k}'`) && !text.includes(`"${k}"`));
    expect(unused).toEqual([]);
  });

  it('the build-time check (astro.config) finds no problem, and does find an unused key', () => {
    expect(dictionaryProblems()).toEqual([]);
    (en as any)['test.unused'] = 'x';
    (zh as any)['test.unused'] = 'x';
    try {
      expect(dictionaryProblems()).toEqual(['"test.unused" is not used anywhere in src/']);
    } finally {
      delete (en as any)['test.unused'];
      delete (zh as any)['test.unused'];
    }
  });

  it('Chinese strings use full-width punctuation, not ASCII commas or full stops between Chinese characters', () => {
    const bad = Object.entries(zh).filter(([, v]) => /[\u4e00-\u9fff][,;:!?](?!\d)|[\u4e00-\u9fff]\.(?!\w)/.test(v.replace(/<[^>]+>/g, '')));
    expect(bad.map(([k]) => k)).toEqual([]);
  });
});

describe('locale helpers', () => {
  it('formats numbers, percentages and dates per locale', () => {
    expect(fmtNumber('en', 3.14159, 2)).toBe('3.14');
    expect(fmtNumber('zh', 3.14159, 2)).toBe('3.14');
    expect(fmtNumber('zh', 12345, 0)).toBe('12,345');
    expect(fmtPercent('zh', 0.456)).toBe('46%');
    expect(fmtDate('zh', new Date(Date.UTC(2026, 10, 25)))).toBe('2026年11月25日');
    expect(fmtDate('en', new Date(Date.UTC(2026, 10, 25)))).toBe('25 November 2026');
    expect(t('zh', 'figure.nSum', { n: 12 })).toBe('样本量 12 人。');
  });

  it('maps paths between the editions', () => {
    expect(pathIn('zh', '/')).toBe('/zh/');
    expect(pathIn('zh', '/chapters/03-competency-today/')).toBe('/zh/chapters/03-competency-today/');
    expect(pathIn('en', '/zh/data/sql/')).toBe('/data/sql/');
    expect(pathIn('en', '/zh/')).toBe('/');
    expect(pathIn('zh', '/zh/compare/')).toBe('/zh/compare/');
    expect(langOfPath('/zh/data/')).toBe('zh');
    expect(langOfPath('/zhx/')).toBe('en');
  });

  it('estimates CJK glyphs as full-width and Latin as narrower', () => {
    expect(textWidth('政治鉴别能力', 13)).toBe(6 * 13);
    expect(textWidth('（）：', 10)).toBe(30);
    expect(textWidth('Political discernment', 13)).toBeLessThan(21 * 13 * 0.7);
    expect(textWidth('信访法规与程序', 13)).toBeGreaterThan(textWidth('Petition law', 13));
  });
});
