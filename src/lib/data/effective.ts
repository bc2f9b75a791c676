/**
 * The effective codebook: the instrument (data/codebook.yaml) as this survey used it.
 *
 * - variables the survey did not ask are marked `absent` (published as all-NULL columns and shown
 *   as "not measured in this survey", never as missing answers);
 * - a scale is scored from the items asked (`asked`), and is `absent` when none was asked;
 *   a competency is `absent` when its proficiency or importance scale is;
 * - frame values (sample, city, county, township, dept_type) are those present in the data,
 *   with labels from the codebook, else from the mapping, else the export's own text.
 *
 * The build publishes it as public/data/codebook.json; figures, <Stat>s and tables read it.
 * For the synthetic survey (everything asked, every frame value present) it equals the codebook.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Codebook, ValueLabel } from '../codebook/types.ts';
import { ident, lit, rows } from './duck.ts';
import type { ImportMeta, SurveyInfo } from './import.ts';

export interface SourceMeta {
  absent: string[];
  frame: ImportMeta['frame'];
  survey: SurveyInfo | null;
}

/** The import's description of itself (raw/<source>/source.json, written by `data:import`), or null for synthetic data. */
export function readSourceMeta(rawDir: string): SourceMeta | null {
  const file = path.join(rawDir, 'source.json');
  if (!existsSync(file)) return null;
  const s = JSON.parse(readFileSync(file, 'utf8'));
  return { absent: s.absent ?? [], frame: s.frame ?? {}, survey: s.survey ?? null };
}

export function effectiveCodebook(codebook: Codebook, meta: SourceMeta | null): Codebook {
  const cb: Codebook = structuredClone(codebook);
  if (!meta) return cb;
  const absent = new Set(meta.absent);
  for (const v of cb.variables) {
    if (absent.has(v.name)) v.absent = true;
    const extra = meta.frame[v.name];
    if (extra?.length) {
      const values: ValueLabel[] = v.values ?? [];
      for (const x of extra) if (!values.some((y) => String(y.code) === x.code)) values.push({ code: x.code, label: x.label, ...(x.parent ? { parent: x.parent } : {}) });
      v.values = values;
    }
  }
  for (const s of cb.scales) {
    const asked = s.items.filter((it) => !absent.has(it));
    if (asked.length === 0) s.absent = true;
    else if (asked.length < s.items.length) s.asked = asked;
  }
  const absentScales = new Set(cb.scales.filter((s) => s.absent).map((s) => s.id));
  for (const c of cb.competencies) if (absentScales.has(c.proficiency) || absentScales.has(c.importance)) c.absent = true;
  return cb;
}

/** Keeps only the frame values present in the data (codebook order). `table` has the raw VARCHAR columns. */
export async function frameFromData(conn: DuckDBConnection, table: string, cb: Codebook): Promise<Codebook> {
  for (const v of cb.variables) {
    if (v.role !== 'frame' || v.type !== 'categorical' || !v.values) continue;
    if (v.absent) {
      v.values = [];
      continue;
    }
    const present = new Set(
      (await rows<{ c: string }>(conn, `SELECT DISTINCT ${ident(v.name)} AS c FROM ${ident(table)} WHERE ${ident(v.name)} IS NOT NULL`)).map((r) => r.c),
    );
    v.values = v.values.filter((x) => present.has(String(x.code)));
  }
  return cb;
}

/** Scale scores: mean of the items asked after reverse keying; NULL if any asked item is missing; all NULL when the scale was not asked. */
export function scoreColumnsSQL(cb: Codebook): string[] {
  return cb.scales.map((s) => {
    if (s.absent) return `CAST(NULL AS DOUBLE) AS ${ident(s.score)}`;
    const items = s.asked ?? s.items;
    const terms = items.map((it) => (s.reverse.includes(it) ? `(${s.min + s.max} - ${ident(it)})` : ident(it)));
    return `(${terms.join(' + ')}) / ${items.length}.0 AS ${ident(s.score)}`;
  });
}

/**
 * competency table: one row per respondent × competency asked (empty, with its schema, when none was).
 * `order`: competency ids in the order their parts are united (default: codebook order).
 */
export function competencyTableSQL(cb: Codebook, groupCols: string[], from = 'respondents', order?: string[]): string {
  const asked = cb.competencies.filter((c) => !c.absent);
  const rank = (id: string) => (order ? order.indexOf(id) : 0);
  const list = (asked.length ? asked : cb.competencies.slice(0, 1)).slice().sort((a, b) => rank(a.id) - rank(b.id));
  const parts = list.map((c) => {
    const pro = cb.scales.find((s) => s.id === c.proficiency)!.score;
    const imp = cb.scales.find((s) => s.id === c.importance)!.score;
    // one line per part of the row, so the published SQL reads on a phone (codebook.json, /data/)
    return `SELECT rid, ${groupCols.map(ident).join(', ')},\n  ${lit(c.id)} AS competency, ${lit(c.dimension)} AS dimension, ${lit(c.group)} AS comp_group,\n  ${ident(pro)} AS proficiency, ${ident(imp)} AS importance, ${ident(imp)} - ${ident(pro)} AS gap\nFROM ${from}${asked.length ? '' : ' WHERE false'}`;
  });
  return parts.join('\nUNION ALL\n');
}

/**
 * `dimension_cube` (src/lib/data/cube.ts) from the wide respondents table: each respondent's mean
 * proficiency and mean gap over the competencies of a dimension rated on both scales, summed per
 * county × department × dimension. The same rows as DIMENSION_CUBE_SQL over the competency view
 * (checked in src/lib/data/cube.test.ts), without grouping a million respondents by rid: one scan, a
 * row-wise sum over at most a few columns per dimension (at a million respondents 2 instead of 16
 * CPU-seconds, and no 1 GB hash table). `order`: competency ids in the view's order, so a respondent's
 * terms are added in the order the view's avg() adds them.
 */
export function dimensionCubeFromRespondentsSQL(cb: Codebook, from = 'respondents', order?: string[]): string {
  const rank = (id: string) => (order ? order.indexOf(id) : 0);
  const asked = cb.competencies.filter((c) => !c.absent).sort((a, b) => rank(a.id) - rank(b.id));
  const score = (scale: string) => ident(cb.scales.find((s) => s.id === scale)!.score);
  const dims = [...new Set(asked.map((c) => c.dimension))];
  const parts = dims.map((d) => {
    const cs = asked.filter((c) => c.dimension === d);
    const both = (c: (typeof cs)[number]) => `(${score(c.proficiency)} IS NOT NULL AND ${score(c.importance)} IS NOT NULL)`;
    const n = cs.map((c) => `${both(c)}::INTEGER`).join(' + ');
    const p = cs.map((c) => `CASE WHEN ${both(c)} THEN ${score(c.proficiency)} ELSE 0 END`).join(' + ');
    const g = cs.map((c) => `CASE WHEN ${both(c)} THEN ${score(c.importance)} - ${score(c.proficiency)} ELSE 0 END`).join(' + ');
    return `SELECT county, dept_type, ${lit(d)} AS dimension, (${p}) / (${n}) AS p, (${g}) / (${n}) AS g FROM ${from} WHERE (${n}) > 0`;
  });
  const person = parts.length ? parts.join('\nUNION ALL\n') : `SELECT county, dept_type, CAST(NULL AS VARCHAR) AS dimension, 0.0 AS p, 0.0 AS g FROM ${from} WHERE false`;
  return `SELECT county, dept_type, dimension,
       count(*)::INTEGER AS n,
       sum(p) AS proficiency_sum,
       sum(g) AS gap_sum, sum(g * g) AS gap_sumsq
FROM (${person})
GROUP BY county, dept_type, dimension
ORDER BY county, dept_type, dimension`;
}
