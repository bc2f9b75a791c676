/** Control options from the codebook, so URL and control values can be checked against them. */
import type { Codebook } from '../codebook/types.ts';
import { labelOf, valueLabels } from '../codebook/labels.ts';
import { groupLabel, groupVariables } from '../codebook/groups.ts';
import type { ControlKind, FigureDef } from './types.ts';
import { t, type Lang } from '../../i18n/index.ts';

export interface Option {
  value: string;
  label: string;
}

const valuesOf = (cb: Codebook, name: string, lang: Lang = 'en'): Option[] => valueLabels(cb, name).map((x) => ({ value: String(x.code), label: x.label[lang] }));

export function controlOptions(kind: ControlKind, cb: Codebook, lang: Lang = 'en'): Option[] {
  switch (kind) {
    case 'county':
      return [{ value: 'all', label: t(lang, 'option.allCounties') }, ...valuesOf(cb, 'county', lang)];
    case 'dept_type':
      return [{ value: 'all', label: t(lang, 'option.allDepts') }, ...valuesOf(cb, 'dept_type', lang)];
    case 'sample':
      return [{ value: 'all', label: t(lang, 'option.allSamples') }, ...valuesOf(cb, 'sample', lang)];
    case 'group':
      // the codebook's grouping variables this survey measured (src/lib/codebook/groups.ts)
      return groupVariables(cb).map((g) => ({ value: g, label: groupLabel(cb, g, lang) }));
    case 'competency':
      return cb.competencies.map((c) => ({ value: c.id, label: c.label[lang] }));
    case 'dimension':
      return [{ value: 'all', label: t(lang, 'option.wholeModel') }, ...cb.dimensions.map((d) => ({ value: d.id, label: d.label[lang] }))];
  }
}

/**
 * Checks requested parameter values (from the URL or a control) against the allowed options.
 * Unknown keys are ignored; a disallowed value falls back to the default and is reported.
 */
export function resolveParams(
  def: FigureDef,
  requested: Record<string, string | undefined>,
  cb: Codebook,
  /** the view the figure opened on (<Figure params>), in place of the definition's defaults */
  opening: Record<string, string> = {},
): { params: Record<string, string>; rejected: string[] } {
  const params: Record<string, string> = {};
  const rejected: string[] = [];
  for (const p of def.params) {
    const want = requested[p.name];
    const allowed = controlOptions(p.kind, cb).map((o) => o.value);
    if (want !== undefined && allowed.includes(want)) params[p.name] = want;
    else {
      if (want !== undefined) rejected.push(`${p.name}=${want}`);
      // a default this survey does not have (another survey's county) falls back to its first option
      const fallback = opening[p.name] ?? p.default;
      params[p.name] = allowed.includes(fallback) || !allowed.length ? fallback : allowed.find((a) => a !== 'all') ?? allowed[0];
    }
  }
  return { params, rejected };
}

export const codeLabel = (cb: Codebook, variable: string, code: unknown) => labelOf(cb, variable, code as any);
