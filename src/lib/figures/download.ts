/** Downloads in the reader's language: CSV with label columns, SVG/PNG with title, source and the synthetic-data mark. */
import type { Codebook } from '../codebook/types.ts';
import { labelOf } from '../codebook/labels.ts';
import { t, type Lang } from '../../i18n/index.ts';
import { toCSV } from './rows.ts';
import { figureText } from './text.ts';
import { CJK_FONTS } from './plot.ts';
import type { FigureDef, Row, TableColumn } from './types.ts';

/** Label column name for a code column: `county` → `county_label`. */
export const labelColumn = (key: string) => `${key}_label`;

/**
 * The figure's CSV (code columns as in toCSV) with, after each coded column, a `<key>_label`
 * column in the page's language; columns whose values the SQL spells out in English get one too
 * in the Chinese edition.
 */
export function labelledCSV(def: FigureDef, rows: Row[], cb: Codebook, params: Record<string, string>, lang: Lang): string {
  const text = figureText(def, lang);
  const columns: TableColumn[] = [];
  const labelFns: Record<string, (r: Row) => string> = {};
  for (const c of def.columns) {
    columns.push(c);
    if (c.labelOf) {
      const variable = c.labelOf.startsWith('$') ? params[c.labelOf.slice(1)] : c.labelOf;
      columns.push({ key: labelColumn(c.key), label: `${text.column(c.key)} (${t(lang, 'figure.label')})` });
      labelFns[labelColumn(c.key)] = (r) => labelOf(cb, variable, r[c.key] ?? null, lang);
    } else if (lang !== 'en' && rows.some((r) => typeof r[c.key] === 'string' && text.t(r[c.key]) !== r[c.key])) {
      columns.push({ key: labelColumn(c.key), label: `${text.column(c.key)} (${t(lang, 'figure.label')})` });
      labelFns[labelColumn(c.key)] = (r) => (r[c.key] == null ? '' : text.t(String(r[c.key])));
    }
  }
  const out = rows.map((r) => {
    const x: Row = { ...r };
    for (const [k, f] of Object.entries(labelFns)) x[k] = f(r);
    return x;
  });
  return toCSV({ ...def, columns }, out);
}

const xmlEsc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Wraps a chart's SVG markup with its title above and source + synthetic-data mark below, in the page's language. */
export function decorateSVG(svg: string, width: number, height: number, o: { title: string; source?: string; synthetic: boolean; lang: Lang }): string {
  const font = o.lang === 'zh' ? CJK_FONTS.replace(/"/g, "'") : "system-ui, 'Segoe UI', sans-serif";
  const top = 34;
  const lines = [o.source ? t(o.lang, 'figure.sourceLine', { source: o.source }) : '', o.synthetic ? t(o.lang, 'figure.syntheticMark') : ''].filter(Boolean);
  const bottom = 10 + lines.length * 18;
  // the chart's own svg, placed below the title (its position and size attributes replaced, never duplicated)
  const inner = svg.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => `<svg${attrs.replace(/\s(x|y|width|height)="[^"]*"/g, '')} x="0" y="${top}" width="${width}" height="${height}">`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + top + bottom}" viewBox="0 0 ${width} ${height + top + bottom}" font-family="${font}">` +
    `<rect width="100%" height="100%" fill="white"/>` +
    `<text x="0" y="20" font-size="16" font-weight="bold" fill="#1d1d1f">${xmlEsc(o.title)}</text>` +
    inner +
    lines.map((l, i) => `<text x="0" y="${height + top + 16 + i * 18}" font-size="12" fill="#5a5a60">${xmlEsc(l)}</text>`).join('') +
    `</svg>`
  );
}
