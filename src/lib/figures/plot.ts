/** Shared Plot options so every chart has the same legible look, light or dark. */
import type { SpecContext } from './types.ts';
import type { Lang } from '../../i18n/index.ts';
import { textWidth } from '../../i18n/index.ts';

export function base(ctx: SpecContext, extra: Record<string, any> = {}) {
  // x-axis titles centred below the tick labels, so they never collide with them
  const x = extra.x && !extra.x.tickRotate ? { labelAnchor: 'center', labelOffset: 40, ...extra.x } : extra.x;
  return {
    document: ctx.document,
    width: ctx.width,
    style: { background: 'transparent', fontSize: '13px', overflow: 'visible', ...(ctx.lang === 'zh' ? { fontFamily: CJK_FONTS } : {}) },
    ...extra,
    ...(x ? { x, marginBottom: Math.max(extra.marginBottom ?? 0, 50) } : {}),
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
