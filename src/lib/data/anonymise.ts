/**
 * Disclosure control before publication, in SQL:
 * 1. direct identifiers are never selected;
 * 2. quasi-identifiers are generalised by the codebook's rules (age → age_band, …);
 * 3. local suppression: while some combination of published quasi-identifiers occurs fewer
 *    than k times, the next variable in SUPPRESSION_ORDER is set to NULL in the records of
 *    those combinations (NULL then counts as one more value, so merging is conservative:
 *    a NULL is never treated as a wildcard that could match anything);
 * 4. records still in a combination smaller than k after every suppressible variable is
 *    NULL are removed (record suppression), and counted in the report.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Codebook } from '../codebook/types.ts';
import { ident, lit, rows } from './duck.ts';

/** suppressed first → last; county, department type and sample are never blanked (figures group by them) */
export const SUPPRESSION_ORDER = ['recruitment', 'leader', 'township', 'service_band', 'rank', 'education', 'age_band', 'gender'];
/** frame variables that are part of every quasi-identifier combination */
export const FIXED_KEYS = ['sample', 'county', 'dept_type'];

export interface DisclosureReport {
  k: number;
  kAchieved: number;
  quasiIdentifiers: string[];
  recordsIn: number;
  recordsPublished: number;
  recordsRemoved: number;
  generalised: Record<string, { from: string; to: string; records: number }>;
  suppressedCells: Record<string, number>;
  /** share of quasi-identifier cells set to NULL among published records */
  cellSuppressionRate: number;
  /** mean over quasi-identifiers of (1 − published entropy / original generalised entropy) */
  entropyLoss: number;
  definition: string;
}

/** The published key: every quasi-identifier combination uses these columns. */
export function quasiIdentifierColumns(): string[] {
  return [...FIXED_KEYS, ...SUPPRESSION_ORDER];
}

const keyExpr = (cols: string[]) => cols.map((c) => `coalesce(CAST(${ident(c)} AS VARCHAR), '<null>')`).join(` || '|' || `);

/** Generalisation SQL expression for a quasi-identifier, from the codebook rule. */
export function generaliseExpr(codebook: Codebook, name: string, source: string): { expr: string; to: string } {
  const v = codebook.variables.find((x) => x.name === name)!;
  const g = v.generalise;
  if (!g) return { expr: source, to: name };
  if (g.bands) {
    const whens = g.bands.map(([lo, hi, code]) => `WHEN ${source} BETWEEN ${lo} AND ${hi} THEN ${lit(code)}`).join(' ');
    return { expr: `CASE ${whens} END`, to: g.to };
  }
  const whens = Object.entries(g.map ?? {}).map(([from, to]) => `WHEN ${source} = ${lit(from)} THEN ${lit(to)}`).join(' ');
  return { expr: `CASE ${whens} ELSE NULL END`, to: g.to };
}

/**
 * Anonymises table `table` in place (it must already hold generalised quasi-identifiers).
 */
export async function suppressToK(conn: DuckDBConnection, table: string, k: number, recordsIn: number): Promise<Omit<DisclosureReport, 'generalised' | 'definition'>> {
  const t = ident(table);
  const qis = quasiIdentifierColumns();
  const key = keyExpr(qis);
  const entropy = async () => {
    const out: Record<string, number> = {};
    for (const c of SUPPRESSION_ORDER) {
      const [{ h }] = await rows<{ h: number | null }>(
        conn,
        `SELECT -sum(p * ln(p)) AS h FROM (SELECT count(*) / sum(count(*)) OVER () AS p FROM ${t} GROUP BY ${ident(c)})`,
      );
      out[c] = h ?? 0;
    }
    return out;
  };
  const before = await entropy();
  const suppressedCells: Record<string, number> = {};
  for (const col of SUPPRESSION_ORDER) {
    const small = `${key} IN (SELECT ${key} FROM ${t} GROUP BY ALL HAVING count(*) < ${k})`;
    const [{ n }] = await rows<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM ${t} WHERE ${small} AND ${ident(col)} IS NOT NULL`);
    suppressedCells[col] = n;
    if (n > 0) await conn.run(`UPDATE ${t} SET ${ident(col)} = NULL WHERE ${small}`);
  }
  await conn.run(`DELETE FROM ${t} WHERE ${key} IN (SELECT ${key} FROM ${t} GROUP BY ALL HAVING count(*) < ${k})`);
  const [{ published, kmin }] = await rows<{ published: number; kmin: number | null }>(
    conn,
    `SELECT (SELECT count(*) FROM ${t})::INTEGER AS published, (SELECT min(c) FROM (SELECT count(*) AS c FROM ${t} GROUP BY ${key}))::INTEGER AS kmin`,
  );
  const after = await entropy();
  const losses = SUPPRESSION_ORDER.map((c) => (before[c] > 0 ? 1 - after[c] / before[c] : 0));
  const totalSuppressed = Object.values(suppressedCells).reduce((a, b) => a + b, 0);
  return {
    k,
    kAchieved: kmin ?? 0,
    quasiIdentifiers: qis,
    recordsIn,
    recordsPublished: published,
    recordsRemoved: recordsIn - published,
    suppressedCells,
    cellSuppressionRate: published ? totalSuppressed / (published * SUPPRESSION_ORDER.length) : 0,
    entropyLoss: losses.reduce((a, b) => a + b, 0) / losses.length,
  };
}
