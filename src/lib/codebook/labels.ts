/** Codebook look-ups with no Node imports, safe for the browser bundle. */
import type { Codebook, ValueLabel, Variable } from './types.ts';
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

/**
 * The value labels of a published column: a variable's `values`, or for a generalised variable's
 * published name (age_band) its generalisation's. The one code→label table: every look-up
 * (figure options and tables, labelOf, the protected aggregate table's code list) reads it.
 */
export function valueLabels(cb: Codebook, name: string): ValueLabel[] {
  const v = cb.variables.find((x) => x.name === name) ?? cb.variables.find((x) => x.generalise?.to === name);
  return (v?.generalise?.to === name ? v.generalise.values : v?.values) ?? [];
}

/** The codes a published column can take, in codebook order, as strings. */
export const codesOf = (cb: Codebook, name: string): string[] => valueLabels(cb, name).map((x) => String(x.code));

/** A variable's or scale's own name by column (`bar_no_time`, `score_turnover`, a scale id): for rows that are measures. */
export function measureLabel(cb: Codebook, column: string, lang: 'en' | 'zh' = 'en'): string {
  const s = cb.scales.find((x) => x.score === column || x.id === column);
  if (s) return s.label[lang];
  const v = cb.variables.find((x) => x.name === column);
  return v ? v.label[lang] : column;
}

/**
 * An option of a multi-select question by its own words: the variable's label without the question's
 * prefix ("Barrier: no time for the workload" → "No time for the workload"; "障碍：工作忙没时间" → "工作忙没时间").
 */
export function optionLabel(cb: Codebook, column: string, lang: 'en' | 'zh' = 'en'): string {
  const full = measureLabel(cb, column, lang);
  const v = cb.variables.find((x) => x.name === column);
  if (!v?.multiselect) return full;
  const m = /^[^:：]+(?::\s+|：)(.+)$/.exec(full);
  if (!m) return full;
  return lang === 'en' ? m[1].charAt(0).toUpperCase() + m[1].slice(1) : m[1];
}

/**
 * The label of a code of a published column in a language. Pseudo-columns: `competency`, `dimension`
 * (ids of the competency model), `measure` (a variable or scale score named by the row, see
 * measureLabel) and `option` (a multi-select option, see optionLabel).
 */
export function labelOf(cb: Codebook, variableName: string, code: string | number | null, lang: 'en' | 'zh' = 'en'): string {
  if (code === null || code === undefined || code === '_none') return lang === 'en' ? 'No answer' : '未作答';
  // groups shown combined to protect a small one (src/lib/privacy/aggregates.ts): 'a+b', made of
  // codes (or '_none'); a code that itself holds a '+' ('50+', '21+') is a code, not a combination
  if (typeof code === 'string' && code.includes('+') && code.length > 1 && !valueLabels(cb, variableName).some((x) => String(x.code) === code)) {
    const parts = code.split('+');
    if (parts.every((c) => c !== '')) {
      const labels = parts.map((c) => labelOf(cb, variableName, c, lang));
      return lang === 'en' ? `${labels.join(' + ')} (combined)` : `${labels.join(' 与 ')}（合并）`;
    }
  }
  if (variableName === 'competency') return cb.competencies.find((c) => c.id === code)?.label[lang] ?? String(code);
  if (variableName === 'dimension') return cb.dimensions.find((d) => d.id === code)?.label[lang] ?? String(code);
  if (variableName === 'measure') return measureLabel(cb, String(code), lang);
  if (variableName === 'option') return optionLabel(cb, String(code), lang);
  const hit = valueLabels(cb, variableName).find((x) => String(x.code) === String(code));
  if (hit) return hit.label[lang];
  return scenarioLabel(cb.disclosure, variableName, String(code))?.[lang] ?? String(code);
}
