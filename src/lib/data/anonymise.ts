/**
 * Disclosure control of the microdata, in the order statistical offices apply it (docs/privacy.md):
 * 1. direct identifiers are never selected (build.ts);
 * 2. quasi-identifiers are generalised by the codebook's own rules (age → age_band, …) and numbers an
 *    intruder can know from records are banded (training counts);
 * 3. global recoding: the generalisation lattice of the declared scenario is searched for the recoding
 *    with the least weighted information loss that leaves at most `suppression_limit` of the records
 *    in classes smaller than k (src/lib/privacy/lattice.ts);
 * 4. local suppression, least important variable first: in classes still smaller than k the variable is
 *    set to NULL (NULL then counts as one more value, never as a wildcard), then the next one;
 * 5. records still in a class smaller than k are removed (record suppression);
 * 6. sensitive answers: in a class with fewer than l distinct answers the answer is withheld;
 * 7. variables declared aggregate-only are dropped (they appear only in protected aggregate tables).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Codebook } from '../codebook/types.ts';
import type { DisclosureScenario, QuasiIdentifier } from '../codebook/disclosure.ts';
import { ident, lit, rows } from './duck.ts';
import { searchLattice, type Combo } from '../privacy/lattice.ts';

export interface VariableDisclosure {
  /** 0 = as the codebook publishes it; the highest level = withheld from the microdata */
  level: number;
  levels: number;
  levelName: string;
  weight: number;
  /** entropy lost by global recoding, 0–1 */
  recodingLoss: number;
  /** share of published records whose value is NULL after local suppression (missing answers excluded) */
  withheldShare: number;
  suppressedCells: number;
}

export interface DisclosureReport {
  k: number;
  kAchieved: number;
  l: number;
  lAchieved: number | null;
  quasiIdentifiers: string[];
  fixed: string[];
  aggregateOnly: string[];
  sensitive: string[];
  recordsIn: number;
  recordsPublished: number;
  recordsRemoved: number;
  generalised: Record<string, { from: string; to: string; records: number }>;
  lattice: { nodesEvaluated: number; suppressionLimit: number; acceptable: boolean; weightedLoss: number };
  variables: Record<string, VariableDisclosure>;
  suppressedCells: Record<string, number>;
  /** share of quasi-identifier cells set to NULL by local suppression among published records */
  cellSuppressionRate: number;
  /** mean over quasi-identifiers of (1 − published entropy / codebook-level entropy) */
  entropyLoss: number;
  classes: number;
  recordsInClassesBelow2k: number;
  sensitiveWithheld: Record<string, { cells: number; classes: number }>;
  risk: {
    /** share of records unique on the intruder's variables at the codebook's level (what publishing them unprotected would give) */
    uniqueShareBefore: number;
    uniqueShareAfter: number;
    /** expected correct re-identifications by an intruder matching every record: Σ 1 / class size */
    expectedReidBefore: number;
    expectedReidAfter: number;
  };
  aggregates?: import('../privacy/aggregates.ts').AggregateReport;
  /** the same design run on deterministic subsamples of this survey: what is reachable with fewer respondents */
  reachable?: { respondents: number; recordsPublished: number; levels: Record<string, string>; uniqueShareBefore: number; views: number; viewsOver5: number; meanViewShare: number; worstViewShare: number }[];
  definition: string;
}

const NULLKEY = `'<null>'`;
const keyExpr = (cols: string[]) => (cols.length ? cols.map((c) => `coalesce(CAST(${ident(c)} AS VARCHAR), ${NULLKEY})`).join(` || '|' || `) : `''`);

/** Generalisation SQL expression for a codebook variable with a `generalise` rule. */
export function generaliseExpr(codebook: Codebook, name: string, source: string): { expr: string; to: string } {
  const v = codebook.variables.find((x) => x.name === name)!;
  const g = v.generalise;
  if (!g) return { expr: source, to: name };
  if (g.bands) return { expr: bandsExpr(g.bands, source), to: g.to };
  const whens = Object.entries(g.map ?? {}).map(([from, to]) => `WHEN ${source} = ${lit(from)} THEN ${lit(to)}`).join(' ');
  return { expr: `CASE ${whens} ELSE NULL END`, to: g.to };
}

const bandsExpr = (bands: [number, number, string][], source: string) =>
  `CASE ${bands.map(([lo, hi, code]) => `WHEN ${source} BETWEEN ${lo} AND ${hi} THEN ${lit(code)}`).join(' ')} END`;

const levelExpr = (q: QuasiIdentifier, level: number) => {
  if (level === 0) return ident(q.name);
  if (level > q.levels.length) return 'NULL';
  const m = q.levels[level - 1].map;
  return `CASE ${ident(q.name)} ${Object.entries(m).map(([a, b]) => `WHEN ${lit(a)} THEN ${lit(b)}`).join(' ')} ELSE ${ident(q.name)} END`;
};

/** A default scenario for a codebook that declares none: every quasi-identifier at weight 1, no hierarchy. */
export function scenarioOf(codebook: Codebook): DisclosureScenario {
  if (codebook.disclosure) return codebook.disclosure;
  return {
    fixed: codebook.variables.filter((v) => v.role === 'frame' && ['sample', 'county', 'dept_type'].includes(v.name)).map((v) => v.name),
    aggregateOnly: [],
    sensitive: [],
    l: 1,
    suppressionLimit: 0.02,
    quasiIdentifiers: codebook.variables.filter((v) => v.role === 'quasi_identifier').map((v) => ({ name: v.generalise?.to ?? v.name, weight: 1, levels: [] })),
  };
}

/** Bands numbers an intruder can know from records (quasi-identifiers declared with `bands`), in place. */
export async function bandRecordNumbers(conn: DuckDBConnection, table: string, s: DisclosureScenario): Promise<void> {
  const banded = s.quasiIdentifiers.filter((q) => q.bands);
  if (!banded.length) return;
  const t = ident(table);
  await conn.run(`CREATE OR REPLACE TABLE ${t} AS SELECT * REPLACE (${banded.map((q) => `${bandsExpr(q.bands!, ident(q.name))} AS ${ident(q.name)}`).join(', ')}) FROM ${t}`);
}

/** Anonymises `table` in place: it must hold the codebook-level quasi-identifiers (after `bandRecordNumbers`). */
export async function anonymiseMicrodata(
  conn: DuckDBConnection,
  table: string,
  codebook: Codebook,
  k: number,
  recordsIn: number,
): Promise<Omit<DisclosureReport, 'generalised' | 'definition'>> {
  const s = scenarioOf(codebook);
  const t = ident(table);
  const qis = s.quasiIdentifiers;
  const qiCols = qis.map((q) => q.name);
  // equivalence classes by the key columns themselves (GROUP BY and PARTITION BY put NULLs together,
  // so NULL is one more value), without building string keys: much faster on large surveys
  const keyCols = [...s.fixed, ...qiCols].map(ident).join(', ');
  const groupBy = keyCols ? `GROUP BY ${keyCols}` : '';
  const over = `OVER (${keyCols ? `PARTITION BY ${keyCols}` : ''})`;
  const rowsWhere = (cond: string, win: string) => `rowid IN (SELECT rowid FROM (SELECT rowid, ${win} AS w FROM ${t}) WHERE ${cond})`;

  // Risk before: classes on the intruder's variables at the codebook's level.
  const riskOf = async () => {
    const [r] = await rows<{ uniques: number; classes: number; n: number; below2k: number; kmin: number | null }>(
      conn,
      `SELECT count(*) FILTER (WHERE c = 1)::INTEGER AS uniques, count(*)::INTEGER AS classes, coalesce(sum(c), 0)::INTEGER AS n,
              coalesce(sum(c) FILTER (WHERE c < ${2 * k}), 0)::INTEGER AS below2k, min(c)::INTEGER AS kmin
       FROM (SELECT count(*) AS c FROM ${t} ${groupBy})`,
    );
    return r;
  };
  const before = await riskOf();

  // 3. global recoding by lattice search over the table of combinations.
  const comboRows = await rows<Record<string, any>>(
    conn,
    `SELECT ${keyExpr(s.fixed)} AS fixed, ${qiCols.map((c) => `CAST(${ident(c)} AS VARCHAR) AS ${ident(c)}`).join(', ')}${qiCols.length ? ',' : ''} count(*)::INTEGER AS n FROM ${t} GROUP BY ALL ORDER BY ALL`, // a fixed order: the entropies (sums of floats) and so the search do not depend on thread scheduling
  );
  const combos: Combo[] = comboRows.map((r) => ({ fixed: r.fixed, codes: qiCols.map((c) => r[c] ?? null), n: r.n }));
  const search = searchLattice(qis, combos, k, s.suppressionLimit);
  const recoded = qis.map((q, i) => [q, search.levels[i]] as const).filter(([, l]) => l > 0);
  if (recoded.length) await conn.run(`UPDATE ${t} SET ${recoded.map(([q, l]) => `${ident(q.name)} = ${levelExpr(q, l)}`).join(', ')}`);

  // 4. local suppression, least important first (ties: the variable with more codes first).
  const order = qis
    .map((q, i) => ({ q, i }))
    .filter(({ i, q }) => search.levels[i] <= q.levels.length)
    .sort((a, b) => a.q.weight - b.q.weight || b.i - a.i)
    .map(({ q }) => q.name);
  const suppressedCells: Record<string, number> = Object.fromEntries(qiCols.map((c) => [c, 0]));
  const small = rowsWhere(`w < ${k}`, `count(*) ${over}`);
  for (const col of order) {
    // one pass per variable: the cells blanked are the rows the update changes
    const blanked = await conn.run(`UPDATE ${t} SET ${ident(col)} = NULL WHERE ${small} AND ${ident(col)} IS NOT NULL`);
    suppressedCells[col] = blanked.rowsChanged;
  }
  // 5. record suppression
  await conn.run(`DELETE FROM ${t} WHERE ${small}`);

  // 6. sensitive answers: fewer than l distinct answers in a class → withheld in that class.
  const sensitiveWithheld: DisclosureReport['sensitiveWithheld'] = {};
  let lAchieved: number | null = null;
  for (const sv of s.sensitive) {
    const homogeneous = rowsWhere(`w < ${s.l}`, `CASE WHEN count(${ident(sv)}) ${over} > 0 THEN count(DISTINCT ${ident(sv)}) ${over} ELSE ${s.l} END`);
    const [{ classes }] = await rows<{ classes: number }>(conn, `SELECT count(*)::INTEGER AS classes FROM (SELECT DISTINCT ${keyCols || '1'} FROM ${t} WHERE ${homogeneous})`);
    const cells = (await conn.run(`UPDATE ${t} SET ${ident(sv)} = NULL WHERE ${homogeneous} AND ${ident(sv)} IS NOT NULL`)).rowsChanged;
    sensitiveWithheld[sv] = { cells, classes };
    const [{ lmin }] = await rows<{ lmin: number | null }>(
      conn,
      `SELECT min(d)::INTEGER AS lmin FROM (SELECT count(DISTINCT ${ident(sv)}) AS d FROM ${t} ${groupBy} HAVING count(${ident(sv)}) > 0)`,
    );
    lAchieved = lmin === null ? lAchieved : Math.min(lAchieved ?? Infinity, lmin);
  }

  // 7. aggregate-only variables leave the microdata.
  const present = new Set((await rows<{ column_name: string }>(conn, `SELECT column_name FROM (DESCRIBE ${t})`)).map((r) => r.column_name));
  for (const c of s.aggregateOnly) if (present.has(c)) await conn.run(`ALTER TABLE ${t} DROP COLUMN ${ident(c)}`);

  const after = await riskOf();
  const published = after.n;
  const variables: Record<string, VariableDisclosure> = {};
  qis.forEach((q, i) => (variables[q.name] = {
    level: search.levels[i],
    levels: q.levels.length + 1,
    levelName: search.levels[i] === 0 ? 'as in the codebook' : search.levels[i] > q.levels.length ? 'withheld from the microdata' : `coarser level ${search.levels[i]}`,
    weight: q.weight,
    recodingLoss: search.variableLoss[i],
    withheldShare: 0,
    suppressedCells: suppressedCells[q.name],
  }));
  // withheld share of respondents: blanked by local suppression or removed with their record (or the whole variable withheld)
  for (const [i, q] of qis.entries()) {
    variables[q.name].withheldShare = search.levels[i] > q.levels.length ? 1 : recordsIn ? Math.min(1, (suppressedCells[q.name] + recordsIn - published) / recordsIn) : 0;
  }
  const totalSuppressed = Object.values(suppressedCells).reduce((a, b) => a + b, 0);
  const kept = qis.filter((_, i) => search.levels[i] <= qis[i].levels.length).length;
  return {
    k,
    kAchieved: after.kmin ?? 0,
    l: s.l,
    lAchieved,
    quasiIdentifiers: qiCols,
    fixed: s.fixed,
    aggregateOnly: s.aggregateOnly,
    sensitive: s.sensitive,
    recordsIn,
    recordsPublished: published,
    recordsRemoved: recordsIn - published,
    lattice: { nodesEvaluated: search.nodesEvaluated, suppressionLimit: s.suppressionLimit, acceptable: search.acceptable, weightedLoss: search.loss },
    variables,
    suppressedCells,
    cellSuppressionRate: published && kept ? totalSuppressed / (published * kept) : 0,
    entropyLoss: qis.length ? qis.reduce((a, q) => a + variables[q.name].recodingLoss, 0) / qis.length : 0,
    classes: after.classes,
    recordsInClassesBelow2k: after.below2k,
    sensitiveWithheld,
    risk: {
      uniqueShareBefore: recordsIn ? before.uniques / recordsIn : 0,
      uniqueShareAfter: published ? after.uniques / published : 0,
      expectedReidBefore: before.classes,
      expectedReidAfter: after.classes,
    },
  };
}

/** Columns of every microdata key, for tests and the data page. */
export function quasiIdentifierColumns(codebook: Codebook): string[] {
  const s = scenarioOf(codebook);
  return [...s.fixed, ...s.quasiIdentifiers.map((q) => q.name)];
}
