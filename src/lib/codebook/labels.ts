/** Codebook look-ups with no Node imports, safe for the browser bundle. */
import type { Codebook, Variable } from './types.ts';

export class UnknownVariable extends Error {}

export function variable(cb: Codebook, name: string): Variable {
  const v = cb.variables.find((x) => x.name === name);
  if (!v) throw new UnknownVariable(`unknown variable "${name}"`);
  return v;
}

export const variablesByRole = (cb: Codebook, role: Variable['role']) => cb.variables.filter((v) => v.role === role);

/** Allowed codes of a categorical/likert/boolean variable, as strings. */
export function allowedCodes(v: Variable): string[] {
  if (v.type === 'boolean') return ['0', '1'];
  return (v.values ?? []).map((x) => String(x.code));
}

/** Columns as published: direct identifiers dropped, generalised quasi-identifiers renamed. */
export function publishedName(v: Variable): string | null {
  if (v.role === 'direct_identifier') return null;
  return v.generalise ? v.generalise.to : v.name;
}

export function labelOf(cb: Codebook, variableName: string, code: string | number | null, lang: 'en' | 'zh' = 'en'): string {
  if (code === null || code === undefined) return lang === 'en' ? 'Suppressed / missing' : '已隐去/缺失';
  if (variableName === 'competency') return cb.competencies.find((c) => c.id === code)?.label[lang] ?? String(code);
  if (variableName === 'dimension') return cb.dimensions.find((d) => d.id === code)?.label[lang] ?? String(code);
  const v =
    cb.variables.find((x) => x.name === variableName) ?? cb.variables.find((x) => x.generalise?.to === variableName);
  const values = v?.generalise?.to === variableName ? v.generalise.values : v?.values;
  const hit = values?.find((x) => String(x.code) === String(code));
  return hit ? hit.label[lang] : String(code);
}
