/**
 * The lists figures draw, read from the (published, effective) codebook rather than copied into
 * figure code: the options of a multi-select question (barriers, formats received, preferred
 * formats), the items of a construct (Kirkpatrick levels) and the scales a figure shows (a scale's
 * `figures:` in data/codebook.yaml). A survey with other options or scales needs no code change.
 * Variables and scales this survey did not ask stay in the lists, so that figures can name them as
 * "not measured" (lib/figures/needs.ts). No Node imports.
 */
import type { Codebook } from '../codebook/types.ts';

/** the 0/1 option columns of a multi-select question, in codebook order */
export const multiselectOptions = (cb: Codebook, question: string): string[] =>
  cb.variables.filter((v) => v.multiselect === question && v.type === 'boolean').map((v) => v.name);

/** the item columns of a construct that are single variables (not scale items of a competency), in codebook order */
export const constructItems = (cb: Codebook, construct: string): string[] =>
  cb.variables.filter((v) => v.construct === construct && !cb.scales.some((s) => s.id === construct)).map((v) => v.name);

/**
 * The score columns of the scales a figure shows: those whose `figures` name it, in codebook order;
 * for a codebook that names none for this figure, every scale of `fallbackSection`.
 */
export function figureScales(cb: Codebook, figureId: string, fallbackSection = 'career'): string[] {
  const tagged = cb.scales.filter((s) => s.figures?.includes(figureId));
  return (tagged.length ? tagged : cb.scales.filter((s) => s.section === fallbackSection)).map((s) => s.score);
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * A SQL relation `<alias>(ord, <column>)` listing the codes in order (ord = position), for joining
 * a figure's rows to a codebook list; an empty list gives an empty relation (valid SQL).
 */
export function listSQL(codes: string[], alias: string, column: string): string {
  if (!codes.length) return `(SELECT 0 AS ord, '' AS ${column} WHERE false) ${alias}`;
  return `(VALUES ${codes.map((c, i) => `(${i}, ${quote(c)})`).join(', ')}) ${alias}(ord, ${column})`;
}
