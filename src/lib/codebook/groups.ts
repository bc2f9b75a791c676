/**
 * Grouping variables: what the report breaks results down by. Declared once, in the codebook's
 * `groups:` list (data/codebook.yaml), by published name (a generalised variable by the name it is
 * published under: age_band, service_band). Every consumer reads them here: figure "Compare by"
 * controls, /compare/, the protected aggregate table (groups.parquet) and the build's group columns.
 * No Node imports: used at build time and in the browser.
 */
import type { Codebook, GroupVariable, Label, Variable } from './types.ts';

/** the codebook variable behind a published column name (age_band → age), if any */
export function publishedVariable(cb: Codebook, name: string): Variable | undefined {
  return cb.variables.find((v) => v.name === name && !v.generalise) ?? cb.variables.find((v) => v.generalise?.to === name);
}

/**
 * The declared list, or for a codebook that declares none: the published categorical frame
 * variables (except aggregate-only ones) and every quasi-identifier, in codebook order.
 */
function declared(cb: Codebook): GroupVariable[] {
  if (cb.groups) return cb.groups;
  const aggregateOnly = new Set(cb.disclosure?.aggregateOnly ?? []);
  return cb.variables
    .filter((v) => (v.role === 'frame' && v.type === 'categorical' && !aggregateOnly.has(v.name)) || v.role === 'quasi_identifier')
    .map((v) => ({ name: v.generalise?.to ?? v.name }));
}

/** true when the survey did not ask the variable behind this published name (effective codebook) */
const isAbsent = (cb: Codebook, name: string) => publishedVariable(cb, name)?.absent === true;

/** The ordered names usable as a grouping variable ("Compare by") that this survey measured. */
export function groupVariables(cb: Codebook): string[] {
  return declared(cb)
    .filter((g) => g.menu !== false && !isAbsent(cb, g.name))
    .map((g) => g.name);
}

/** Every variable groups.parquet breaks results down by (menu groups and breakdown-only ones), measured in this survey. */
export function breakdownVariables(cb: Codebook): string[] {
  return declared(cb)
    .filter((g) => !isAbsent(cb, g.name))
    .map((g) => g.name);
}

/** The name of a grouping variable in a language: the generalisation's own label (age_band: "Age"), else the variable's. */
export function groupLabel(cb: Codebook, name: string, lang: keyof Label = 'en'): string {
  const v = publishedVariable(cb, name);
  if (!v) return name;
  const label = v.generalise?.to === name ? v.generalise.label ?? v.label : v.label;
  return label[lang] ?? label.en;
}
