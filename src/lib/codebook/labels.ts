/** Codebook look-ups with no Node imports, safe for the browser bundle. */
import type { Codebook, Variable } from './types.ts';
import { scenarioLabel } from './disclosure.ts';

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
  if (code === null || code === undefined || code === '_none') return lang === 'en' ? 'No answer' : '未作答';
  // groups shown combined to protect a small one (src/lib/privacy/aggregates.ts): 'a+b'
  if (typeof code === 'string' && code.includes('+') && code.length > 1) {
    const parts = code.split('+').map((c) => labelOf(cb, variableName, c, lang));
    return lang === 'en' ? `${parts.join(' + ')} (combined)` : `${parts.join(' 与 ')}（合并）`;
  }
  if (variableName === 'competency') return cb.competencies.find((c) => c.id === code)?.label[lang] ?? String(code);
  if (variableName === 'dimension') return cb.dimensions.find((d) => d.id === code)?.label[lang] ?? String(code);
  const v =
    cb.variables.find((x) => x.name === variableName) ?? cb.variables.find((x) => x.generalise?.to === variableName);
  const values = v?.generalise?.to === variableName ? v.generalise.values : v?.values;
  const hit = values?.find((x) => String(x.code) === String(code));
  if (hit) return hit.label[lang];
  return scenarioLabel(cb.disclosure, variableName, String(code))?.[lang] ?? String(code);
}
