/**
 * What a figure, <Stat> or table needs from the survey, checked against the published (effective)
 * codebook: a survey that did not ask a question publishes its column as all NULL and marks it
 * `absent`; whatever needs it says "not measured in this survey" instead of showing a number.
 * No Node imports: used at build time and in the browser.
 */
import type { Codebook } from '../codebook/types.ts';
import type { FigureDef } from './types.ts';
import { figureMeasures, figureSQL } from './sql.ts';
import { t, type Lang } from '../../i18n/index.ts';

export const NOT_MEASURED = 'not measured in this survey';

const COMPETENCY_COLUMNS = ['proficiency', 'importance', 'gap'];

/** published column → label, for every column the survey did not measure */
export function absentColumns(cb: Codebook, lang: Lang = 'en'): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of cb.variables) if (v.absent) out.set(v.generalise?.to ?? v.name, v.label[lang] ?? v.label.en);
  for (const s of cb.scales) if (s.absent) out.set(s.score, s.label[lang] ?? s.label.en);
  if (cb.competencies.length && cb.competencies.every((c) => c.absent)) for (const c of COMPETENCY_COLUMNS) out.set(c, t(lang, 'needs.competencyRatings'));
  return out;
}

/** columns that are measurements (answers, scores, competency ratings), as opposed to frame and groups */
function measureColumns(cb: Codebook): Set<string> {
  const out = new Set<string>(COMPETENCY_COLUMNS);
  for (const v of cb.variables) if (v.role === 'analysis') out.add(v.name);
  for (const s of cb.scales) out.add(s.score);
  return out;
}

/** identifiers in a SQL text, string literals removed */
export function sqlWords(sql: string): Set<string> {
  return new Set(sql.replace(/'(?:[^']|'')*'/g, ' ').match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
}

/** labels of the absent columns a SQL text (a <Stat>, a table) uses; empty when everything it uses was measured */
export function sqlNotMeasured(sql: string, cb: Codebook, lang: Lang = 'en'): string[] {
  const absent = absentColumns(cb, lang);
  return [...new Set([...sqlWords(sql)].filter((w) => absent.has(w)).map((w) => absent.get(w)!))];
}

export interface FigureAvailability {
  /** nothing the figure shows was measured (or a declared need was not): show "not measured" instead */
  notMeasured: boolean;
  /** labels of measures the figure would show that this survey did not ask */
  absent: string[];
}

/**
 * A figure is not measured when a variable in its `needs` is absent, when every measurement its
 * SQL reads is absent, or when the codebook lists none of the measures it shows (e.g. no barriers question); when only some are, it is drawn and the absent ones are named.
 * Group variables chosen by a control are not needs: the control offers only those measured.
 */
export function figureAvailability(def: FigureDef, cb: Codebook, lang: Lang = 'en'): FigureAvailability {
  const absent = absentColumns(cb, lang);
  const measures = measureColumns(cb);
  const words = sqlWords(figureSQL(def, cb));
  const refs = [...new Set([...words, ...figureMeasures(def, cb)])].filter((w) => measures.has(w));
  const missingRefs = refs.filter((w) => absent.has(w));
  const missingNeeds = (def.needs ?? []).filter((n) => absent.has(n));
  const labels = [...new Set([...missingNeeds, ...missingRefs].map((w) => absent.get(w)!))];
  // a figure whose measures are a codebook list (lib/figures/lists.ts) has nothing to show when that list is empty
  const emptyList = typeof def.measures === 'function' && figureMeasures(def, cb).length === 0;
  return { notMeasured: emptyList || missingNeeds.length > 0 || (refs.length > 0 && missingRefs.length === refs.length), absent: labels };
}

export function notMeasuredText(labels: string[], lang: Lang = 'en'): string {
  return labels.length ? t(lang, 'needs.notMeasuredList', { list: labels.join(lang === 'zh' ? '；' : '; ') }) : t(lang, 'needs.notMeasured');
}
