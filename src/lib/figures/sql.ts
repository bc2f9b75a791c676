/**
 * A figure's SQL and measures for a codebook. A figure whose lists come from the codebook (barriers,
 * scales, Kirkpatrick levels, formats: see src/lib/figures/lists.ts) writes its SQL as a function of
 * the (published, effective) codebook; the others as a fixed string. No Node imports.
 */
import type { Codebook } from '../codebook/types.ts';
import type { FigureDef } from './types.ts';

export function figureSQL(def: FigureDef, cb: Codebook): string {
  return typeof def.sql === 'function' ? def.sql(cb) : def.sql;
}

export function figureMeasures(def: FigureDef, cb: Codebook): string[] {
  return typeof def.measures === 'function' ? def.measures(cb) : def.measures ?? [];
}
