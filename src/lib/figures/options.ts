/** Control options from the codebook, so URL and control values can be checked against them. */
import type { Codebook } from '../codebook/types.ts';
import { labelOf } from '../codebook/labels.ts';
import type { ControlKind, FigureDef } from './types.ts';

export interface Option {
  value: string;
  label: string;
}

/** variables a "group" control can compare by */
export const GROUP_VARIABLES = ['county', 'dept_type', 'gender', 'age_band', 'education', 'rank', 'service_band', 'leader', 'recruitment'];

function valuesOf(cb: Codebook, name: string): Option[] {
  const v = cb.variables.find((x) => x.name === name) ?? cb.variables.find((x) => x.generalise?.to === name);
  const list = v?.generalise?.to === name ? v.generalise.values : v?.values ?? [];
  return list.map((x) => ({ value: String(x.code), label: x.label.en }));
}

export function controlOptions(kind: ControlKind, cb: Codebook): Option[] {
  switch (kind) {
    case 'county':
      return [{ value: 'all', label: 'All counties' }, ...valuesOf(cb, 'county')];
    case 'dept_type':
      return [{ value: 'all', label: 'All departments' }, ...valuesOf(cb, 'dept_type')];
    case 'sample':
      return [{ value: 'all', label: 'All samples' }, ...valuesOf(cb, 'sample')];
    case 'group':
      // only the groups this survey measured (see the effective codebook's `absent`)
      return GROUP_VARIABLES.filter((g) => !cb.variables.some((v) => v.absent && (v.name === g || v.generalise?.to === g))).map((g) => ({
        value: g,
        label: g === 'age_band' ? 'Age' : g === 'service_band' ? 'Years of service' : cb.variables.find((v) => v.name === g)?.label.en ?? g,
      }));
    case 'competency':
      return cb.competencies.map((c) => ({ value: c.id, label: c.label.en }));
    case 'dimension':
      return [{ value: 'all', label: 'Whole model' }, ...cb.dimensions.map((d) => ({ value: d.id, label: d.label.en }))];
  }
}

/**
 * Checks requested parameter values (from the URL or a control) against the allowed options.
 * Unknown keys are ignored; a disallowed value falls back to the default and is reported.
 */
export function resolveParams(def: FigureDef, requested: Record<string, string | undefined>, cb: Codebook): { params: Record<string, string>; rejected: string[] } {
  const params: Record<string, string> = {};
  const rejected: string[] = [];
  for (const p of def.params) {
    const want = requested[p.name];
    const allowed = controlOptions(p.kind, cb).map((o) => o.value);
    if (want !== undefined && allowed.includes(want)) params[p.name] = want;
    else {
      if (want !== undefined) rejected.push(`${p.name}=${want}`);
      // a default this survey does not have (another survey's county) falls back to its first option
      params[p.name] = allowed.includes(p.default) || !allowed.length ? p.default : allowed.find((a) => a !== 'all') ?? allowed[0];
    }
  }
  return { params, rejected };
}

export const codeLabel = (cb: Codebook, variable: string, code: unknown) => labelOf(cb, variable, code as any);
