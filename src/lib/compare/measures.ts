/**
 * The measures the comparison explorer and the county briefs show, derived from the codebook:
 * proficiency per competency dimension (from `dimensions` and `competencies`), then the codebook's
 * `compare:` list (or, when it has none, every scale that is not a competency rating). Each is a
 * person-level SQL expression over the respondents; a measure whose variables the survey did not
 * ask (the effective codebook's `absent`) is left out.
 */
import type { Codebook, CompareMeasureDef, Label } from '../codebook/types.ts';
import { t } from '../../i18n/index.ts';

export interface Measure {
  id: string;
  label: Label;
  /** the codebook section it belongs to (its label, for the table's section rows) */
  section: Label;
  sql: string;
  /** true: higher is better; false: lower is better; null: the codebook does not say */
  higherIsBetter: boolean | null;
  digits: number;
  percent?: boolean;
  /** the range of the scale the mean is on (for "effect in scale units"), when it has one */
  range?: [number, number];
  /** one of the county brief's headline numbers */
  headline?: boolean;
}

const sectionLabel = (cb: Codebook, id: string): Label => cb.sections.find((s) => s.id === id)?.label ?? { en: id, zh: id };
const better = (d: CompareMeasureDef) => (d.better === 'higher' ? true : d.better === 'lower' ? false : null);

function dimensions(cb: Codebook): Measure[] {
  const out: Measure[] = [];
  const scale = (id: string) => cb.scales.find((s) => s.id === id)!;
  for (const d of cb.dimensions) {
    const comps = cb.competencies.filter((c) => c.dimension === d.id && !c.absent);
    if (!comps.length) continue;
    const pro = comps.map((c) => scale(c.proficiency));
    out.push({
      id: `dim_${d.id}`,
      label: { en: t('en', 'compare.proficiencyOf', { name: d.label.en.toLowerCase() }), zh: t('zh', 'compare.proficiencyOf', { name: d.label.zh }) },
      section: { en: t('en', 'compare.sectionCompetency'), zh: t('zh', 'compare.sectionCompetency') },
      sql: `(${pro.map((s) => s.score).join(' + ')}) / ${pro.length}`,
      higherIsBetter: true,
      digits: 2,
      range: [pro[0].min, pro[0].max],
    });
  }
  return out;
}

function declared(cb: Codebook, d: CompareMeasureDef): Measure | null {
  if (d.variable !== undefined) {
    const v = cb.variables.find((x) => x.name === d.variable);
    if (!v || v.absent) return null;
    const share = d.equals !== undefined || v.type === 'boolean';
    return {
      id: d.id,
      label: d.label ?? v.label,
      section: sectionLabel(cb, v.section),
      sql: d.equals !== undefined ? `CASE WHEN ${v.name} = ${d.equals} THEN 1 ELSE 0 END` : v.name,
      higherIsBetter: better(d),
      digits: share ? 0 : v.type === 'likert' ? 2 : 1,
      ...(share ? { percent: true } : {}),
      ...(d.headline ? { headline: true } : {}),
      ...(v.type === 'likert' && v.min !== undefined && v.max !== undefined ? { range: [v.min, v.max] as [number, number] } : {}),
    };
  }
  const scales = (d.scales ?? []).map((id) => cb.scales.find((s) => s.id === id));
  if (!scales.length || scales.some((s) => !s || s.absent)) return null;
  const ss = scales as NonNullable<(typeof scales)[number]>[];
  return {
    id: d.id,
    label: d.label ?? ss[0].label,
    section: sectionLabel(cb, ss[0].section),
    sql: ss.length === 1 ? ss[0].score : `(${ss.map((s) => s.score).join(' + ')}) / ${ss.length}`,
    higherIsBetter: better(d),
    digits: 2,
    range: [ss[0].min, ss[0].max],
    ...(d.headline ? { headline: true } : {}),
  };
}

/** The measures of this survey, in the order the page shows them. */
export function measuresOf(cb: Codebook): Measure[] {
  const ratings = new Set(cb.competencies.flatMap((c) => [c.proficiency, c.importance]));
  const defs: CompareMeasureDef[] = cb.compare ?? cb.scales.filter((s) => !ratings.has(s.id)).map((s) => ({ id: s.id, scales: [s.id] }));
  return [...dimensions(cb), ...defs.map((d) => declared(cb, d)).filter((m): m is Measure => m !== null)];
}
