/**
 * Row handling shared by the static build and the browser: small-cell suppression, the data
 * table and the CSV download are all made from the same suppressed rows.
 */
import type { Codebook } from '../codebook/types.ts';
import { labelOf } from '../codebook/labels.ts';
import type { FigureDef, Row } from './types.ts';
import { fmtNumber, t, type Lang } from '../../i18n/index.ts';
import { figureText } from './text.ts';

/**
 * Rows with every value withheld where fewer than k respondents stand behind it, or where the
 * published aggregate table already withheld the cell (`withheld = true`, n NULL). By default every
 * column but the figure's `keys` is withheld.
 */
export function suppressSmallCells(def: FigureDef, rows: Row[], k: number): Row[] {
  return rows.map((r) => {
    const withheld = r.withheld === true || (r.withheld === undefined ? false : !!r.withheld);
    const n = Number(r.n);
    if (!withheld && (r.n === null || r.n === undefined || !Number.isFinite(n))) throw new Error(`figure ${def.id}: its SQL must return a column n (respondents per row)`);
    if (!withheld && n >= k) return { ...r, suppressed: false };
    const out: Row = { ...r, n: null, suppressed: true };
    const hide = Object.keys(r).filter((c) => !def.keys.includes(c) && c !== 'withheld');
    for (const v of hide) out[v] = null;
    return out;
  });
}

/** How many rows are withheld, said under the figure (withheld groups are never drawn as a group). */
export function withheldNote(rows: Row[], k: number, lang: Lang = 'en'): string {
  const w = rows.filter((r) => r.suppressed).length;
  if (!w) return '';
  const combined = rows.some((r) => !r.suppressed && typeof r.grp === 'string' && r.grp.includes('+'));
  return t(lang, 'figure.withheldRows', { count: w, k }) + (combined ? t(lang, 'figure.withheldCombined', { k }) : '') + t(lang, 'figure.withheldEnd');
}

/** Total respondents behind the figure (the largest n of any row is a lower bound when rows overlap). */
export function totalN(def: FigureDef, rows: Row[]): number {
  const ns = rows.map((r) => Number(r.n) || 0);
  return def.nMode === 'max' ? Math.max(0, ...ns) : ns.reduce((a, b) => a + b, 0);
}

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function cellText(def: FigureDef, col: FigureDef['columns'][number], row: Row, cb: Codebook, k: number, params: Record<string, string> = {}, lang: Lang = 'en'): string {
  const v = row[col.key];
  if (row.suppressed && !def.keys.includes(col.key)) return col.key === 'n' ? `<${k}` : t(lang, 'figure.withheldCell');
  if (v === null || v === undefined) return col.labelOf ? labelOf(cb, '', null, lang) : '–';
  if (col.labelOf) return labelOf(cb, col.labelOf.startsWith('$') ? params[col.labelOf.slice(1)] : col.labelOf, v, lang);
  if (typeof v === 'number') return col.digits !== undefined ? fmtNumber(lang, v, col.digits) : String(v);
  return lang === 'en' ? String(v) : figureText(def, lang).t(String(v));
}

/** The figure's data table as HTML (used verbatim at build time and in the browser). */
export function tableHTML(def: FigureDef, rows: Row[], cb: Codebook, k: number, params: Record<string, string> = {}, lang: Lang = 'en'): string {
  const text = figureText(def, lang);
  const head = def.columns.map((c) => `<th scope="col">${esc(text.column(c.key))}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr${r.suppressed ? ' class="suppressed"' : ''}>` +
        def.columns.map((c) => `<td data-col="${esc(c.key)}">${esc(cellText(def, c, r, cb, k, params, lang))}</td>`).join('') +
        '</tr>',
    )
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** CSV of the figure's (suppressed) rows: suppressed cells are empty, with a `suppressed` column. */
export function toCSV(def: FigureDef, rows: Row[]): string {
  const keys = [...def.columns.map((c) => c.key).filter((k) => k !== 'suppressed'), 'suppressed'];
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\n') + '\n';
}

// URL state (`?<id>.v=2&<id>.<param>=value`, versioned, migrated) lives in state.ts (fromURL / toURL).
