/**
 * Build time: the small aggregate table the comparison explorer reads (published as
 * /data/compare.json): for every grouping variable and group, n, Σx and Σx² of every measure,
 * plus the whole sample, and the Borich MWDS per competency. Groups of fewer than k respondents
 * are published with their counts only (every statistic suppressed).
 */
import type { Codebook } from '../codebook/types.ts';
import { groupVariables } from '../codebook/groups.ts';
import { measuresOf, type Measure } from './measures.ts';

type Query = <T = Record<string, unknown>>(sql: string) => Promise<T[]>;
export interface Moments { n: number; sum: number; sumsq: number }
export interface GroupAgg { by: string; value: string | null; n: number; suppressed: boolean; measures: Record<string, Moments | null>; borich: { competency: string; mwds: number }[] | null }
/**
 * `measures`: what this survey is compared on (from its codebook); `groups`: per grouping variable, in
 * codebook order; `waves`: the survey years each county was surveyed in (public: both are exact in the
 * microdata), and, where a county has more than one, each wave's protected aggregates (`GroupAgg.by` =
 * the county, `value` = the year).
 */
export interface CompareData { k: number; measures: Measure[]; overall: GroupAgg; groups: GroupAgg[]; waves: { years: Record<string, string[]>; byCounty: GroupAgg[] } }

function toAgg(by: string, value: string | null, cell: Map<string, Record<string, any>>, k: number, comps: string[], MEASURES: Measure[]): GroupAgg {
  const count = cell.get('_n');
  const suppressed = !count || count.withheld === true || count.n === null || Number(count.n) < k;
  const measures: Record<string, Moments | null> = {};
  for (const m of MEASURES) {
    const r = cell.get(m.id);
    measures[m.id] = suppressed || !r || r.m_sum === null || Number(r.m_n) < k ? null : { n: Number(r.m_n), sum: Number(r.m_sum), sumsq: Number(r.m_sumsq) };
  }
  let borich: GroupAgg['borich'] = null;
  if (!suppressed) {
    borich = comps
      .map((c) => {
        const g = cell.get(`gap_${c}`);
        const i = cell.get(`impg_${c}`);
        if (!g || !i || g.m_sum === null || i.m_sum === null || Number(g.m_n) < k) return null;
        return { competency: c, mwds: (Number(g.m_sum) / Number(g.m_n)) * (Number(i.m_sum) / Number(i.m_n)) };
      })
      .filter((x): x is { competency: string; mwds: number } => x !== null)
      .sort((a, b) => b.mwds - a.mwds || (a.competency < b.competency ? -1 : 1));
  }
  return { by, value, n: suppressed ? 0 : Number(count!.n), suppressed, measures, borich };
}

/**
 * Reads the protected aggregate table `groups` (docs/privacy.md): the whole survey and every group of
 * every comparison variable, computed from the full data with small-cell and complementary suppression.
 */
export async function compareAggregates(query: Query, cb: Codebook): Promise<CompareData> {
  const k = cb.k;
  const measures = measuresOf(cb);
  // codes in the codebook's order (then any others), so lists and defaults read as the survey lists them
  const order = (by: string) => {
    const v = cb.variables.find((x) => x.name === by) ?? cb.variables.find((x) => x.generalise?.to === by);
    return ((v?.generalise?.to === by ? v.generalise.values : v?.values) ?? []).map((x) => String(x.code));
  };
  const rows = await query<Record<string, any>>(`SELECT by_var AS "by", grp, measure, n, m_n, m_sum, m_sumsq, withheld FROM groups WHERE scope = 'all' ORDER BY by_var, grp NULLS LAST, measure`);
  const comps = [...new Set(rows.filter((r) => String(r.measure).startsWith('gap_')).map((r) => String(r.measure).slice(4)))];
  const cells = new Map<string, Map<string, Record<string, any>>>();
  for (const r of rows) {
    const key = `${r.by}\u0001${r.grp ?? ''}`;
    if (!cells.has(key)) cells.set(key, new Map());
    cells.get(key)!.set(r.measure, r);
  }
  const overall = toAgg('all', null, cells.get('_total\u0001') ?? new Map(), k, comps, measures);
  const groups: GroupAgg[] = [];
  for (const by of groupVariables(cb)) {
    const known = order(by);
    const rank = (g: string) => (g === '' ? Infinity : known.includes(g) ? known.indexOf(g) : known.length);
    const mine: [string, Map<string, Record<string, any>>][] = [];
    for (const [key, cell] of cells) {
      const [b, grp] = key.split('\u0001');
      if (b !== by || grp.includes('+')) continue; // combined groups are for figures; /compare/ compares single groups
      mine.push([grp, cell]);
    }
    mine.sort((a, b) => rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [grp, cell] of mine) groups.push(toAgg(by, grp === '' ? null : grp, cell, k, comps, measures));
  }
  // waves: the years each county was surveyed in, and per-county-per-wave aggregates where the build made them
  const years: Record<string, string[]> = {};
  try {
    for (const r of await query<{ county: string; y: string }>(`SELECT county, CAST(survey_year AS VARCHAR) AS y FROM respondents WHERE county IS NOT NULL AND survey_year IS NOT NULL GROUP BY ALL ORDER BY ALL`)) (years[r.county] ??= []).push(r.y);
  } catch {
    /* no survey_year in this survey */
  }
  const byCounty: GroupAgg[] = [];
  const waveRows = await query<Record<string, any>>(`SELECT scope, grp, measure, n, m_n, m_sum, m_sumsq, withheld FROM groups WHERE by_var = 'survey_year' AND scope <> 'all' AND grp IS NOT NULL AND grp NOT LIKE '%+%' ORDER BY scope, grp, measure`);
  const waveCells = new Map<string, Map<string, Record<string, any>>>();
  for (const r of waveRows) {
    const key = `${r.scope}\u0001${r.grp}`;
    if (!waveCells.has(key)) waveCells.set(key, new Map());
    waveCells.get(key)!.set(r.measure, r);
  }
  for (const [key, cell] of waveCells) {
    const [county, year] = key.split('\u0001');
    byCounty.push(toAgg(county, year, cell, k, comps, measures));
  }
  return { k, measures, overall, groups, waves: { years, byCounty } };
}
