/** A figure's text in the page's language (English from figure.ts, Chinese from its text.ts). */
import type { Lang } from '../../i18n/index.ts';
import type { FigureDef, FigureText } from './types.ts';

export interface LocalText extends Required<Omit<FigureText, 'source' | 'strings'>> {
  source?: string;
  /** English string of the spec or of a row value → this language (unknown strings stay as they are) */
  t: (en: string) => string;
  param: (name: string) => string;
  column: (key: string) => string;
}

export function figureText(def: FigureDef, lang: Lang): LocalText {
  const zh = lang === 'zh' ? def.zh : undefined;
  const strings = zh?.strings ?? {};
  const param = (name: string) => zh?.params?.[name] ?? def.params.find((p) => p.name === name)?.label ?? name;
  const column = (key: string) => zh?.columns?.[key] ?? def.columns.find((c) => c.key === key)?.label ?? key;
  return {
    title: zh?.title ?? def.title,
    caption: zh?.caption ?? def.caption,
    alt: zh?.alt ?? def.alt,
    source: zh ? zh.source : def.source,
    params: Object.fromEntries(def.params.map((p) => [p.name, param(p.name)])),
    columns: Object.fromEntries(def.columns.map((c) => [c.key, column(c.key)])),
    t: (en: string) => (zh ? strings[en] ?? en : en),
    param,
    column,
  };
}

/** Every English string a figure's Chinese text must cover that it does not (for the completeness test). */
export function missingText(def: FigureDef): string[] {
  const zh = def.zh;
  if (!zh) return ['(no text.ts)'];
  const out: string[] = [];
  for (const p of def.params) if (!zh.params?.[p.name]) out.push(`param ${p.name}`);
  for (const c of def.columns) if (!zh.columns?.[c.key]) out.push(`column ${c.key}`);
  if (def.source && !zh.source) out.push('source');
  return out;
}

const escHTML = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A source note as HTML with file and variable names set as code (`respondents.parquet`,
 * `score_*`, `ti_1–ti_3`, `src/lib/model/plan.ts`), so they read as names, not words.
 */
export function sourceHTML(source: string): string {
  const re = /[A-Za-z][\w-]*(?:[./][\w*-]+|_[\w*]*)+(?:–[A-Za-z]\w*)?/g;
  let out = '';
  let last = 0;
  for (const m of source.matchAll(re)) {
    out += escHTML(source.slice(last, m.index)) + `<code>${escHTML(m[0])}</code>`;
    last = m.index! + m[0].length;
  }
  return out + escHTML(source.slice(last));
}
