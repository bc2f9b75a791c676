/**
 * Build time: the small aggregate table the comparison explorer reads (published as
 * /data/compare.json): for every grouping variable and group, n, Σx and Σx² of every measure,
 * plus the whole sample, and the Borich MWDS per competency. Groups of fewer than k respondents
 * are published with their counts only (every statistic suppressed).
 */
import { COMPARE_BY, MEASURES } from './measures.ts';

type Query = <T = Record<string, unknown>>(sql: string) => Promise<T[]>;
export interface Moments { n: number; sum: number; sumsq: number }
export interface GroupAgg { by: string; value: string | null; n: number; suppressed: boolean; measures: Record<string, Moments | null>; borich: { competency: string; mwds: number }[] | null }
export interface CompareData { k: number; overall: GroupAgg; groups: GroupAgg[] }

const moments = (alias: string) =>
  MEASURES.map((m) => `count(${m.sql})::INTEGER AS "${m.id}__n", sum(${m.sql})::DOUBLE AS "${m.id}__s", sum((${m.sql}) * (${m.sql}))::DOUBLE AS "${m.id}__q"`).join(', ');

function toAgg(by: string, value: string | null, row: Record<string, any>, k: number): GroupAgg {
  const n = Number(row.n);
  const suppressed = n < k;
  const measures: Record<string, Moments | null> = {};
  for (const m of MEASURES) {
    const mn = Number(row[`${m.id}__n`]);
    measures[m.id] = suppressed || mn < k ? null : { n: mn, sum: row[`${m.id}__s`], sumsq: row[`${m.id}__q`] };
  }
  return { by, value, n: suppressed ? 0 : n, suppressed, measures, borich: null };
}

export async function compareAggregates(query: Query, k: number): Promise<CompareData> {
  const [o] = await query(`SELECT count(*)::INTEGER AS n, ${moments('')} FROM respondents`);
  const overall = toAgg('all', null, o, k);
  overall.borich = await query<{ competency: string; mwds: number }>(
    `SELECT competency, avg(gap) * avg(importance) AS mwds FROM competency WHERE gap IS NOT NULL GROUP BY competency ORDER BY mwds DESC, competency`,
  );
  const groups: GroupAgg[] = [];
  for (const by of COMPARE_BY) {
    const rows = await query<Record<string, any>>(`SELECT ${by} AS value, count(*)::INTEGER AS n, ${moments('')} FROM respondents GROUP BY ${by} ORDER BY ${by} NULLS LAST`);
    const borich = await query<{ value: string | null; competency: string; mwds: number; n: number }>(
      `SELECT ${by} AS value, competency, avg(gap) * avg(importance) AS mwds, count(*)::INTEGER AS n FROM competency WHERE gap IS NOT NULL GROUP BY ${by}, competency ORDER BY ${by}, mwds DESC, competency`,
    );
    for (const r of rows) {
      const g = toAgg(by, r.value ?? null, r, k);
      if (!g.suppressed) g.borich = borich.filter((b) => b.value === r.value && b.n >= k).map(({ competency, mwds }) => ({ competency, mwds }));
      groups.push(g);
    }
  }
  return { k, overall, groups };
}
