/** Shared Plot options so every chart has the same legible look, light or dark. */
import type { SpecContext } from './types.ts';
import type { Lang } from '../../i18n/index.ts';
import { textWidth } from '../../i18n/index.ts';

/** below this width (phones) a chart is laid out narrow: long row labels wrap within a smaller left margin */
export const NARROW = 520;

/**
 * a label broken into lines no wider than `px` (words for Latin, characters for CJK), balanced: as
 * few lines as at `px`, but each as short as that allows, so no word or character is left alone on the
 * last line ("组织公平：" / "分配公平", not "组织公平：分配公" / "平")
 */
export function wrapLabel(label: string, px: number, fontSize = 13): string[] {
  const lines = greedyWrap(label, px, fontSize);
  if (lines.length < 2) return lines;
  // a Chinese label with a heading ("反应层：培训值得参加") breaks after its colon when the heading fits a
  // line, even at the cost of one more line
  const colon = label.indexOf('：');
  if (colon > 0 && colon < label.length - 1 && textWidth(label.slice(0, colon + 1), fontSize) <= px) {
    const rest = wrapLabel(label.slice(colon + 1), px, fontSize);
    if (rest.length <= lines.length) return [label.slice(0, colon + 1), ...rest];
  }
  let lo = 1, hi = px;
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    if (greedyWrap(label, mid, fontSize).length <= lines.length) hi = mid;
    else lo = mid;
  }
  return greedyWrap(label, hi, fontSize);
}

function greedyWrap(label: string, px: number, fontSize: number): string[] {
  const cjk = /[\u2e80-\u9fff]/.test(label);
  // CJK breaks between characters, but a run of Latin letters or digits ("18–29岁") stays whole, an
  // opening bracket stays with the character after it and closing punctuation with the one before
  const parts = cjk ? (label.match(/[（《「]*(?:[\u2e80-\u9fff\uff00-\uffef]|[^\u2e80-\u9fff\uff00-\uffef]+)[）》」：，。、；]*/g) ?? []) : label.split(/(?<=[\s/-])/);
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line && textWidth((line + part).trimEnd(), fontSize) > px) {
      lines.push(line.trimEnd());
      line = part.trimStart();
    } else line += part;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/**
 * On a narrow chart, a left margin wider than ~40% of the width is capped and the y labels wrap
 * into it (rows grow when a label needs more than two lines), so the data keeps most of the width.
 */
function narrowRows(ctx: SpecContext, extra: Record<string, any>): Record<string, any> {
  if (ctx.width >= NARROW) return extra;
  let out = { ...extra };
  const cap = Math.max(110, Math.round(ctx.width * 0.4));
  if (extra.marginLeft > cap && extra.y?.axis !== null && !extra.y?.tickFormat) {
    // the estimate (textWidth) runs short of real fonts by up to ~10%: wrap with room to spare
    const fmt = (d: unknown) => wrapLabel(String(d), (cap - 14) / 1.12).join('\n');
    const domain: unknown[] | undefined = Array.isArray(extra.y?.domain) ? extra.y.domain : undefined;
    const lines = domain ? Math.max(1, ...domain.map((d) => fmt(d).split('\n').length)) : 2;
    if (domain && lines > 1 && typeof out.height === 'number') {
      // rows at least as tall as their labels (15 px a line + 8 px between rows)
      const rowH = (out.height - 70) / domain.length;
      out.height += Math.max(0, Math.ceil(lines * 15 + 8 - rowH)) * domain.length;
    }
    out = { ...out, marginLeft: cap, y: { ...(extra.y ?? {}), tickFormat: fmt } };
  }
  // an x-axis title longer than the chart wraps under it, centred on the plot
  if (typeof extra.x?.label === 'string' && !extra.x.tickRotate) {
    const left = out.marginLeft ?? 40, right = out.marginRight ?? 20;
    const centre = left + (ctx.width - left - right) / 2;
    const room = 2 * (Math.min(centre, ctx.width - centre) - 6);
    if (textWidth(extra.x.label, 13) * 1.1 > room) {
      const lines = wrapLabel(extra.x.label, Math.max(room, ctx.width * 0.6) / 1.1);
      const more = (lines.length - 1) * 15;
      out.x = { labelAnchor: 'center', ...extra.x, label: lines.join('\n'), labelOffset: 40 + more };
      out.marginBottom = Math.max(extra.marginBottom ?? 0, 50) + more;
      if (typeof out.height === 'number') out.height += more;
      // a title wider than the room either side of the plot's centre is centred on the chart instead
      if (room < ctx.width * 0.6) out.x.labelArrow = extra.x.labelArrow;
    }
  }
  return out;
}

export function base(ctx: SpecContext, extra: Record<string, any> = {}) {
  extra = narrowRows(ctx, extra);
  // x-axis titles centred below the tick labels, so they never collide with them
  const x = extra.x && !extra.x.tickRotate ? { labelAnchor: 'center', labelOffset: 40, ...extra.x } : extra.x;
  return {
    document: ctx.document,
    width: ctx.width,
    style: { background: 'transparent', fontSize: '13px', overflow: 'visible', ...(ctx.lang === 'zh' ? { fontFamily: CJK_FONTS } : {}) },
    ...extra,
    ...(x ? { x, marginBottom: x.axis === 'top' ? extra.marginBottom : Math.max(extra.marginBottom ?? 0, 50) } : {}),
  };
}

export const competencyLabel = (ctx: SpecContext, id: string) => ctx.codebook.competencies.find((c) => c.id === id)?.label[ctx.lang] ?? id;
export const dimensionLabel = (ctx: SpecContext, id: string) => ctx.codebook.dimensions.find((d) => d.id === id)?.label[ctx.lang] ?? id;

/** system fonts that cover Simplified Chinese on macOS, Windows, Android/Linux (no web font) */
export const CJK_FONTS = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif';

/**
 * A left margin wide enough for the longest label (CJK glyphs estimated full-width, Latin by letter
 * class, via i18n textWidth — the build-time DOM cannot measure text), never narrower than `min`
 * and capped at `max`. The one label-width estimate of the site.
 */
export function labelMargin(labels: string[], min = 60, max = 320, fontSize = 13): number {
  const widest = Math.max(0, ...labels.map((l) => textWidth(String(l), fontSize)));
  return Math.round(Math.min(max, Math.max(min, widest + 20)));
}

/** colours chosen to be distinguishable for common colour-vision deficiencies */
export const COLORS = { proficiency: '#2a6fb0', importance: '#d9822b', gap: '#b2443a', neutral: '#6b6b6b' };

/** one colour per department type, the same in every figure */
const DEPT_RANGE = ['#2a6fb0', '#b2443a', '#d9822b', '#3a8a5c', '#7b5ea7', '#8c6d31', '#5f9ea0', '#c05780'];
/**
 * colour per department type, from the survey's own department types (the published codebook),
 * labelled in the page's language
 */
export function deptColor(ctx: { codebook: import('../codebook/types.ts').Codebook; lang?: Lang }) {
  const domain = (ctx.codebook.variables.find((v) => v.name === 'dept_type')?.values ?? []).map((v) => v.label[ctx.lang ?? 'en'] ?? v.label.en);
  return { legend: true, domain, range: domain.map((_, i) => DEPT_RANGE[i % DEPT_RANGE.length]) };
}
