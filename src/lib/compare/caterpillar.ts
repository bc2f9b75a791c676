/**
 * The picture first: for one measure, every group of the breakdown as a dot (its mean) with a bar
 * (the adjusted interval of its difference from the survey mean, drawn around the mean), ranked
 * from highest to lowest, the chosen groups highlighted and the survey mean drawn as a line. A bar
 * that crosses the line is "no clear difference", as in the tables. Plain SVG strings: the same
 * function draws at build time and in the browser, with no chart library to load.
 */
export interface CaterpillarRow { code: string; label: string; mean: number; lo: number; hi: number; chosen: boolean; verdict: 'higher' | 'lower' | 'none' }

import { wrapLabel } from '../figures/plot.ts';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** rows ranked from the highest mean down (ties by code, so the order is fixed) */
export function rankRows<T extends { mean: number; code: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => b.mean - a.mean || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function caterpillarSVG(opts: { id: string; title: string; rows: CaterpillarRow[]; benchmark: number; benchmarkLabel: string; fmt: (v: number) => string; labelWidth?: number; bounds?: [number, number] }): string {
  // a share's interval is drawn within 0–100%
  const clamp = (v: number) => (opts.bounds ? Math.min(opts.bounds[1], Math.max(opts.bounds[0], v)) : v);
  const rows = rankRows(opts.rows).map((r) => ({ ...r, lo: clamp(r.lo), hi: clamp(r.hi) }));
  const W = 320, rowH = 16, lineH = 11, top = 18, bottom = 20;
  const left = opts.labelWidth ?? 112, right = 12;
  // a name too long for the label column wraps onto more lines (its row grows) instead of being
  // cut: at 10 px, bold for the chosen groups; a name longer than three lines ends in an ellipsis
  const names = rows.map((r) => {
    const lines = wrapLabel(r.label, (left - 8) / 1.15, 10);
    return lines.length <= 3 ? lines : [...lines.slice(0, 2), lines.slice(2).join(' ').slice(0, 14) + '…'];
  });
  const ys: number[] = [];
  let yAt = top;
  for (const n of names) {
    const h = rowH + (n.length - 1) * lineH;
    ys.push(yAt + h / 2);
    yAt += h;
  }
  const H = yAt + bottom;
  const vals = rows.flatMap((r) => [r.lo, r.hi]).concat(opts.benchmark).filter(Number.isFinite);
  let lo = Math.min(...vals), hi = Math.max(...vals);
  if (!(hi > lo)) { lo -= 1; hi += 1; }
  const pad = (hi - lo) * 0.05;
  lo -= pad; hi += pad;
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * (W - left - right);
  const bx = x(opts.benchmark);
  const parts: string[] = [];
  parts.push(`<svg class="caterpillar" data-measure="${esc(opts.id)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="cat-${esc(opts.id)}-t">`);
  parts.push(`<title id="cat-${esc(opts.id)}-t">${esc(opts.title)}</title>`);
  parts.push(`<line class="bench" x1="${bx.toFixed(1)}" x2="${bx.toFixed(1)}" y1="${top - 4}" y2="${H - bottom + 2}"/>`);
  parts.push(`<text class="bench-label" x="${bx.toFixed(1)}" y="${top - 7}" text-anchor="middle">${esc(opts.benchmarkLabel)} ${esc(opts.fmt(opts.benchmark))}</text>`);
  rows.forEach((r, i) => {
    const y = ys[i];
    const cls = `row${r.chosen ? ' chosen' : ''} v-${r.verdict}`;
    parts.push(`<g class="${cls}" data-group="${esc(r.code)}" data-mean="${r.mean}"><title>${esc(r.label)}: ${esc(opts.fmt(r.mean))} [${esc(opts.fmt(r.lo))}, ${esc(opts.fmt(r.hi))}]</title>`);
    const name = names[i];
    const y0 = y + 4 - ((name.length - 1) * lineH) / 2;
    parts.push(`<text x="${left - 6}" y="${y0.toFixed(1)}" text-anchor="end">${name.length === 1 ? esc(name[0]) : name.map((l, j) => `<tspan x="${left - 6}"${j ? ` dy="${lineH}"` : ''}>${esc(l)}</tspan>`).join('')}</text>`);
    if (Number.isFinite(r.lo) && Number.isFinite(r.hi)) parts.push(`<line x1="${x(r.lo).toFixed(1)}" x2="${x(r.hi).toFixed(1)}" y1="${y}" y2="${y}"/>`);
    parts.push(`<circle cx="${x(r.mean).toFixed(1)}" cy="${y}" r="${r.chosen ? 4.5 : 3.5}"/></g>`);
  });
  const axisY = H - bottom + 14;
  parts.push(`<text class="axis" x="${left}" y="${axisY}" text-anchor="start">${esc(opts.fmt(lo + pad))}</text><text class="axis" x="${W - right}" y="${axisY}" text-anchor="end">${esc(opts.fmt(hi - pad))}</text>`);
  parts.push('</svg>');
  return parts.join('');
}
