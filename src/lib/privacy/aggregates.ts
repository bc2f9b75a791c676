/**
 * Tier 2 of the release (docs/privacy.md): breakdowns by one group within a county (or the whole
 * survey), computed at build time from the full-detail records that are never published, and
 * protected by small-cell plus complementary suppression. Published as `groups.parquet`:
 *
 *   scope    'all' or a county code
 *   by_var   the grouping variable (county, dept_type, gender, age_band, …)
 *   grp      the group's code (NULL = no answer; 'a+b' = groups a and b shown combined, see below)
 *   measure  '_n' (the count row) or a respondent-level measure (a scale score, a compare measure, …)
 *   n        respondents in the cell (NULL when withheld)
 *   m_n, m_sum, m_sumsq   answers, Σx and Σx² of the measure (NULL when withheld)
 *   withheld true when the cell is withheld (fewer than k, or protecting such a cell)
 *
 * Means, intervals and Borich scores follow from the moments, so figures and /compare/ run their SQL
 * on this published file in Node and in DuckDB-WASM alike.
 *
 * Where a scope has withheld groups that together hold at least k respondents, they are also shown
 * combined (grp 'a+b'): that row is the scope's total minus its shown groups, which a reader can
 * compute anyway, so it reveals nothing new, and the respondents behind it stay in the comparison.
 * A row `by_var = '_total'` per scope holds the scope's total and every measure's moments.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Codebook } from '../codebook/types.ts';
import { ident, lit, rows } from '../data/duck.ts';
import { protectCells, type Equation } from './cells.ts';
import { measuresOf } from '../compare/measures.ts';
import { breakdownVariables } from '../codebook/groups.ts';
import { codesOf } from '../codebook/labels.ts';
import { scenarioOf } from '../data/anonymise.ts';

export interface AggregateMeasure {
  id: string;
  sql: string;
}

/** Respondent-level measures published by group: every scale score, the compare measures, dimension proficiency, Borich parts. */
export function aggregateMeasures(cb: Codebook, columns: Set<string>): AggregateMeasure[] {
  const out: AggregateMeasure[] = [];
  for (const s of cb.scales) if (columns.has(s.score)) out.push({ id: s.score, sql: ident(s.score) });
  for (const m of measuresOf(cb)) if (!out.some((o) => o.id === m.id)) out.push({ id: m.id, sql: m.sql });
  // every option of a multi-select question (barriers, formats, preferences): its share follows from the mean of 0/1
  for (const v of cb.variables) if (v.multiselect && v.type === 'boolean' && columns.has(v.name)) out.push({ id: v.name, sql: ident(v.name) });
  for (const d of cb.dimensions) {
    const pros = cb.competencies.filter((c) => c.dimension === d.id).map((c) => cb.scales.find((s) => s.id === c.proficiency)!.score).filter((s) => columns.has(s));
    if (!pros.length) continue;
    const sum = pros.map((p) => `coalesce(${ident(p)}, 0)`).join(' + ');
    const cnt = pros.map((p) => `(${ident(p)} IS NOT NULL)::INTEGER`).join(' + ');
    out.push({ id: `dim_pro_${d.id}`, sql: `(${sum}) / nullif(${cnt}, 0)` });
  }
  for (const c of cb.competencies) {
    const pro = cb.scales.find((s) => s.id === c.proficiency)!.score;
    const imp = cb.scales.find((s) => s.id === c.importance)!.score;
    if (!columns.has(pro) || !columns.has(imp)) continue;
    out.push({ id: `gap_${c.id}`, sql: `${ident(imp)} - ${ident(pro)}` });
    out.push({ id: `impg_${c.id}`, sql: `CASE WHEN ${ident(pro)} IS NOT NULL THEN ${ident(imp)} END` });
  }
  return out;
}

/** The grouping variables the report breaks results down by (figures and /compare/): the codebook's `groups:` (src/lib/codebook/groups.ts). */
export const aggregateBy = (cb: Codebook): string[] => breakdownVariables(cb);

export interface ViewUtility {
  by: string;
  scope: string;
  respondents: number;
  /** respondents in groups neither shown alone nor in a combined group */
  withheld: number;
  /** respondents shown only in a combined group */
  combined: number;
  share: number;
}

export interface AggregateReport {
  table: 'groups.parquet';
  k: number;
  cells: number;
  primary: number;
  complementary: number;
  /** measure cells withheld on top of the count pattern (a measure answered by fewer than k in a shown group, and their complements) */
  measureCells: number;
  /** respondents in withheld cells over respondents in the view, per (grouping variable, scope) */
  worstViewShare: number;
  meanViewShare: number;
  viewsOver5: number;
  views: ViewUtility[];
}

const key = (scope: string, grp: string | null) => `${scope}\u0001${grp ?? '\u0000'}`;
/** code of a combined group: its members' codes, '_none' for no answer */
export const combinedCode = (codes: (string | null)[]) => codes.map((c) => c ?? '_none').sort().join('+');

interface Moment {
  n: number;
  s: number | null;
  q: number | null;
}

export async function buildGroupAggregates(
  conn: DuckDBConnection,
  table: string,
  cb: Codebook,
  k: number,
  microdataLevels: Record<string, number> = {},
  outTable = 'groups',
): Promise<{ report: AggregateReport }> {
  const t = ident(table);
  const columns = new Set((await rows<{ column_name: string }>(conn, `SELECT column_name FROM (DESCRIBE ${t})`)).map((r) => r.column_name));
  // a measure whose columns this survey lacks is left out (it is "not measured", not an error)
  const measures: AggregateMeasure[] = [];
  const candidates = aggregateMeasures(cb, columns);
  let allBind = candidates.length > 0;
  try {
    if (allBind) await conn.run(`SELECT ${candidates.map((m) => m.sql).join(', ')} FROM ${t} LIMIT 0`); // one probe when every measure binds
  } catch {
    allBind = false;
  }
  for (const m of candidates) {
    if (allBind) {
      measures.push(m);
      continue;
    }
    try {
      await conn.run(`SELECT ${m.sql} FROM ${t} LIMIT 0`);
      measures.push(m);
    } catch {
      /* not measured in this survey */
    }
  }
  const scenario = scenarioOf(cb);
  // a sensitive answer (misconduct) is withheld wherever everyone in a cell gave the same answer
  const sensitive = new Set(scenario.sensitive);
  const bys = aggregateBy(cb).filter((b) => columns.has(b));
  const hasCounty = columns.has('county');
  // change since the previous wave (/compare/): where some county was surveyed in more than one wave,
  // each county's waves are a breakdown like any other, protected the same way
  if (hasCounty && columns.has('survey_year')) {
    const [{ n }] = await rows<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM (SELECT county FROM ${t} WHERE survey_year IS NOT NULL GROUP BY county HAVING count(DISTINCT survey_year) > 1)`);
    if (n > 0) bys.push('survey_year');
  }
  await conn.run(`CREATE OR REPLACE TABLE ${ident(outTable)} (scope VARCHAR, by_var VARCHAR, grp VARCHAR, measure VARCHAR, n INTEGER, m_n INTEGER, m_sum DOUBLE, m_sumsq DOUBLE, withheld BOOLEAN)`);
  const app = await conn.createAppender(outTable);
  const put = (scope: string, by: string, grp: string | null, measure: string, n: number | null, m: Moment | null, withheld: boolean) => {
    app.appendVarchar(scope);
    app.appendVarchar(by);
    grp === null ? app.appendNull() : app.appendVarchar(grp);
    app.appendVarchar(measure);
    n === null ? app.appendNull() : app.appendInteger(n);
    m === null ? app.appendNull() : app.appendInteger(m.n);
    m === null || m.s === null || !Number.isFinite(m.s) ? app.appendNull() : app.appendDouble(m.s);
    m === null || m.q === null || !Number.isFinite(m.q) ? app.appendNull() : app.appendDouble(m.q);
    app.appendBoolean(withheld);
    app.endRow();
  };
  const report: AggregateReport = { table: 'groups.parquet', k, cells: 0, primary: 0, complementary: 0, measureCells: 0, worstViewShare: 0, meanViewShare: 0, viewsOver5: 0, views: [] };
  const mcols = measures.map((m, i) => `count(${m.sql})::INTEGER AS m${i}_n, sum(${m.sql})::DOUBLE AS m${i}_s, sum((${m.sql}) * (${m.sql}))::DOUBLE AS m${i}_q`).join(', ');
  const moment = (r: Record<string, any> | undefined, i: number): Moment => ({ n: Number(r?.[`m${i}_n`] ?? 0), s: r?.[`m${i}_s`] ?? null, q: r?.[`m${i}_q`] ?? null });

  // One scan for everything: each scope's total (public anyway: every breakdown of a scope adds up to
  // it) and every breakdown, as the grouping sets of one query. Every grouping set's sums are taken in
  // the table's order on one thread, as the separate queries (one per grouping variable) did, so the
  // numbers are the same to the bit; the measures are evaluated once per row instead of once per
  // grouping variable (at 100,000 respondents: 1.9 instead of 3.8 CPU-s).
  const scopeExpr = hasCounty ? `CASE WHEN grouping(county) = 1 THEN 'all' ELSE county END` : `'all'`;
  const g = (i: number) => `__g${i}`;
  const sets = [...(hasCounty ? ['(county)', '()'] : ['()']), ...bys.flatMap((_, i) => (hasCounty ? [`(county, ${g(i)})`, `(${g(i)})`] : [`(${g(i)})`]))];
  const byExpr = bys.length ? `CASE ${bys.map((b, i) => `WHEN grouping(${g(i)}) = 0 THEN ${lit(b)}`).join(' ')} ELSE '_total' END` : `'_total'`;
  const grpExpr = bys.length ? `CASE ${bys.map((_, i) => `WHEN grouping(${g(i)}) = 0 THEN ${g(i)}`).join(' ')} END` : `CAST(NULL AS VARCHAR)`;
  const grpCols = bys.map((b, i) => `, CAST(${ident(b)} AS VARCHAR) AS ${g(i)}`).join('');
  const all = await rows<Record<string, any>>(
    conn,
    `SELECT ${scopeExpr} AS scope, ${byExpr} AS __by, ${grpExpr} AS grp, count(*)::INTEGER AS n${mcols ? ', ' + mcols : ''} FROM (SELECT *${grpCols} FROM ${t}) GROUP BY GROUPING SETS (${sets.join(', ')})`,
  );
  const totals = all.filter((r) => r.__by === '_total');
  for (const r of totals) {
    put(r.scope, '_total', null, '_n', r.n, null, false);
    measures.forEach((m, i) => {
      const mm = moment(r, i);
      const homogeneous = sensitive.has(m.id) && mm.s !== null && (Number(mm.s) === 0 || Number(mm.s) === mm.n);
      put(r.scope, '_total', null, m.id, r.n, mm.n < k || homogeneous ? { n: mm.n, s: null, q: null } : mm, homogeneous);
    });
  }
  const scopes = ['all', ...totals.filter((r) => r.scope !== 'all').map((r) => String(r.scope)).sort()];
  const counties = scopes.slice(1);
  const results = bys.map((by) => all.filter((r) => r.__by === by));

  for (const [bi, by] of bys.entries()) {
    // the group goes in a column of its own, so that grouping by county within county scopes works too
    const got = results[bi];
    const byCell = new Map(got.map((r) => [key(r.scope, r.grp), r]));
    // every code a cell can have: the codebook's values and any seen in the data (zero cells included)
    // (codes the codebook does not list — no answer, new frame values — in a fixed order, so the protection does not depend on row order)
    const listed = codesOf(cb, by);
    const extra = [...new Set<string | null>(got.map((r) => r.grp))].filter((g) => g === null || !listed.includes(g)).sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
    const codes = [...new Set<string | null>([...listed, ...extra])];
    const cells = scopes.flatMap((scope) => codes.map((grp) => ({ id: key(scope, grp), scope, grp, row: byCell.get(key(scope, grp)), n: Number(byCell.get(key(scope, grp))?.n ?? 0) })));
    const eqs: Equation[] = [];
    for (const scope of scopes) eqs.push({ cells: codes.map((g) => key(scope, g)) }); // each scope's total is published
    if (hasCounty) for (const g of codes) eqs.push({ cells: [key('all', g), ...counties.map((c) => key(c, g))] }); // counties add up to the whole
    // counts a reader can form from the microdata at the coarser level it publishes this variable at
    // (at level 0 the microdata gives only lower bounds: small cells there are blanked or removed)
    const q = scenario.quasiIdentifiers.find((x) => x.name === by);
    const chosen = q ? microdataLevels[by] ?? 1 : 0;
    for (const level of q && chosen >= 1 && chosen <= q.levels.length ? [q.levels[chosen - 1]] : []) {
      const classes = new Map<string, string[]>();
      for (const g of codes) if (g !== null) classes.set(level.map[g] ?? g, [...(classes.get(level.map[g] ?? g) ?? []), g]);
      for (const members of classes.values()) if (members.length > 1) for (const scope of scopes) eqs.push({ cells: members.map((g) => key(scope, g)) });
    }
    const prot = protectCells(cells, eqs, k);
    report.cells += cells.length;
    report.primary += prot.primary;
    report.complementary += prot.complementary;
    // each measure: its answers can be fewer than the respondents; protect them the same way, starting from the count pattern
    const mprot = measures.map((m, i) => {
      const homogeneous = sensitive.has(m.id) ? cells.filter((c) => { const mm = moment(c.row, i); return mm.n > 0 && mm.s !== null && (Number(mm.s) === 0 || Number(mm.s) === mm.n); }).map((c) => c.id) : [];
      const p = protectCells(cells.map((c) => ({ id: c.id, n: moment(c.row, i).n })), eqs, k, [...prot.withheld, ...homogeneous]);
      report.measureCells += p.withheld.size - prot.withheld.size;
      return p.withheld;
    });
    for (const scope of scopes) {
      const inScope = cells.filter((c) => c.scope === scope);
      const hidden = inScope.filter((c) => prot.withheld.has(c.id));
      const respondents = inScope.reduce((a, c) => a + c.n, 0);
      const hiddenN = hidden.reduce((a, c) => a + c.n, 0);
      const showCombined = hidden.length > 1 && hiddenN >= k;
      if (respondents > 0 && by !== 'county') {
        report.views.push({ by, scope, respondents, withheld: showCombined ? 0 : hiddenN, combined: showCombined ? hiddenN : 0, share: showCombined ? 0 : hiddenN / respondents });
      }
      for (const c of inScope) {
        const w = prot.withheld.has(c.id);
        if (!w && c.n === 0) continue; // an empty group is simply absent
        put(scope, by, c.grp, '_n', w ? null : c.n, null, w);
        measures.forEach((m, i) => {
          const mw = mprot[i].has(c.id);
          put(scope, by, c.grp, m.id, w ? null : c.n, mw ? null : moment(c.row, i), mw);
        });
      }
      if (showCombined) {
        const code = combinedCode(hidden.map((c) => c.grp));
        put(scope, by, code, '_n', hiddenN, null, false);
        measures.forEach((m, i) => {
          // shown only when this measure hides exactly the same groups (then it too is total minus shown)
          const same = inScope.every((c) => mprot[i].has(c.id) === prot.withheld.has(c.id));
          const sum = hidden.reduce((a, c) => ({ n: a.n + moment(c.row, i).n, s: (a.s ?? 0) + (moment(c.row, i).s ?? 0), q: (a.q ?? 0) + (moment(c.row, i).q ?? 0) }), { n: 0, s: 0, q: 0 } as Moment);
          const ok = same && sum.n >= k;
          put(scope, by, code, m.id, hiddenN, ok ? sum : null, !ok);
        });
      }
    }
  }
  app.closeSync();
  const shares = report.views.map((v) => v.share);
  report.worstViewShare = shares.length ? Math.max(...shares) : 0;
  report.meanViewShare = shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : 0;
  report.viewsOver5 = shares.filter((x) => x > 0.05).length;
  return { report };
}
