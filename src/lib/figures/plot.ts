/** Shared Plot options so every chart has the same legible look, light or dark. */
import type { SpecContext } from './types.ts';

export function base(ctx: SpecContext, extra: Record<string, unknown> = {}) {
  return {
    document: ctx.document,
    width: ctx.width,
    style: { background: 'transparent', fontSize: '13px', overflow: 'visible' },
    ...extra,
  };
}

export const competencyLabel = (ctx: SpecContext, id: string) => ctx.codebook.competencies.find((c) => c.id === id)?.label.en ?? id;
export const dimensionLabel = (ctx: SpecContext, id: string) => ctx.codebook.dimensions.find((d) => d.id === id)?.label.en ?? id;

/** colours chosen to be distinguishable for common colour-vision deficiencies */
export const COLORS = { proficiency: '#2a6fb0', importance: '#d9822b', gap: '#b2443a', neutral: '#6b6b6b' };
