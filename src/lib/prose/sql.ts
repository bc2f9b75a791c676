/**
 * SQL for the prose's group breakdowns, read from the protected table (groups.parquet: n, Σx, Σx²
 * per group) so that every group is shown as the privacy rules allow (docs/privacy.md).
 */
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * one row per group of `byVar` in `scope`: grp, n, mean, sd, withheld — for <Apa test="welch-anova">.
 * Combined groups ('a+b', the withheld groups shown together) are disjoint from the others and stay in;
 * no answer stays out. (A code may itself end in '+', as age band '50+': a combined code has '+' inside, LIKE '%+_%'.)
 */
export function groupSummarySQL(byVar: string, measure: string, scope = 'all', groups?: string[]) {
  const only = groups ? ` AND grp IN (${groups.map(q).join(', ')})` : '';
  return `SELECT grp, m_n AS n, m_sum / m_n AS mean, sqrt(greatest(0, (m_sumsq - m_sum * m_sum / m_n) / (m_n - 1))) AS sd, withheld FROM groups WHERE scope = ${q(scope)} AND by_var = ${q(byVar)} AND measure = ${q(measure)} AND grp IS NOT NULL AND grp NOT LIKE '%_none%'${only} ORDER BY ${groups ? `list_position([${groups.map(q).join(', ')}], grp)` : 'grp'}`;
}

/**
 * Two rows for <Apa test="welch-t">: the group `grpSql` (a quoted code or a scalar subquery) of `byVar`,
 * then everyone else in the scope (the scope's total minus the group: both are published, so the
 * difference reveals nothing new). The group's `withheld` flag applies to both rows.
 */
export function groupVsRestSQL(byVar: string, grpSql: string, measure: string, scope = 'all') {
  const sd = (n: string, s: string, ss: string) => `sqrt(greatest(0, ((${ss}) - (${s}) * (${s}) / (${n})) / ((${n}) - 1)))`;
  return `WITH g AS (SELECT m_n, m_sum, m_sumsq, withheld FROM groups WHERE scope = ${q(scope)} AND by_var = ${q(byVar)} AND measure = ${q(measure)} AND grp = (${grpSql})),
t AS (SELECT m_n, m_sum, m_sumsq FROM groups WHERE scope = ${q(scope)} AND by_var = '_total' AND measure = ${q(measure)})
SELECT * FROM (SELECT 1 AS ord, 'group' AS grp, g.m_n AS n, g.m_sum / g.m_n AS mean, ${sd('g.m_n', 'g.m_sum', 'g.m_sumsq')} AS sd, g.withheld FROM g
UNION ALL SELECT 2, 'rest', t.m_n - g.m_n, (t.m_sum - g.m_sum) / (t.m_n - g.m_n), ${sd('t.m_n - g.m_n', 't.m_sum - g.m_sum', 't.m_sumsq - g.m_sumsq')}, g.withheld FROM g, t) ORDER BY ord`;
}

/** mean of a measure for a group (or the scope's total when grpSql is omitted), from the protected table: v, n, withheld — for <Stat> */
export function groupMeanSQL(measure: string, byVar = '_total', grpSql?: string, scope = 'all') {
  return `SELECT m_sum / m_n AS v, m_n AS n, withheld FROM groups WHERE scope = ${q(scope)} AND by_var = ${q(byVar)} AND measure = ${q(measure)}${grpSql ? ` AND grp = (${grpSql})` : ''}`;
}
