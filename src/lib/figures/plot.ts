/** Shared Plot options so every chart has the same legible look, light or dark. */
import type { SpecContext } from './types.ts';

export function base(ctx: SpecContext, extra: Record<string, any> = {}) {
  // x-axis titles centred below the tick labels, so they never collide with them
  const x = extra.x && !extra.x.tickRotate ? { labelAnchor: 'center', labelOffset: 40, ...extra.x } : extra.x;
  return {
    document: ctx.document,
    width: ctx.width,
    style: { background: 'transparent', fontSize: '13px', overflow: 'visible' },
    ...extra,
    ...(x ? { x, marginBottom: Math.max(extra.marginBottom ?? 0, 50) } : {}),
  };
}

/**
 * Left margin that fits the longest of `labels` at 13 px (the build-time DOM cannot measure text:
 * about 7 px per Latin character, a full 13 px per CJK character), within [min, max].
 */
export function labelMargin(labels: string[], min = 120, max = 360): number {
  const width = (s: string) => [...s].reduce((a, ch) => a + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 13 : 7), 0);
  return Math.round(Math.min(max, Math.max(min, 16 + Math.max(0, ...labels.map(width)))));
}

export const competencyLabel = (ctx: SpecContext, id: string) => ctx.codebook.competencies.find((c) => c.id === id)?.label.en ?? id;
export const dimensionLabel = (ctx: SpecContext, id: string) => ctx.codebook.dimensions.find((d) => d.id === id)?.label.en ?? id;

/** colours chosen to be distinguishable for common colour-vision deficiencies */
export const COLORS = { proficiency: '#2a6fb0', importance: '#d9822b', gap: '#b2443a', neutral: '#6b6b6b' };

/** one colour per department type, the same in every figure */
const DEPT_RANGE = ['#2a6fb0', '#b2443a', '#d9822b', '#3a8a5c', '#7b5ea7', '#8c6d31', '#5f9ea0', '#c05780'];
/** colour per department type, from the survey's own department types (the published codebook) */
export function deptColor(ctx: { codebook: import('../codebook/types.ts').Codebook }) {
  const domain = (ctx.codebook.variables.find((v) => v.name === 'dept_type')?.values ?? []).map((v) => v.label.en);
  return { legend: true, domain, range: domain.map((_, i) => DEPT_RANGE[i % DEPT_RANGE.length]) };
}
