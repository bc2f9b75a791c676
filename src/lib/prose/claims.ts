/**
 * Comparative claims in the prose ("the lowest-rated facet", "more than other cadres") are checked
 * at build time: <Claim when="SELECT … AS holds, … AS n FROM …">wording</Claim>. A claim that is
 * false on the data fails the build — unless the chapter gives the wording for that case
 * (<Fragment slot="else">…</Fragment>), which is then shown instead. Nothing comparative is typed
 * without one of the two.
 */
export type ClaimState = 'holds' | 'otherwise' | 'withheld' | 'no-data';

export class ClaimFalse extends Error {}

export interface ClaimInput {
  /** the SQL (or a description of the JS check), for the message */
  what: string;
  /** the claim's wording as text, for the message */
  wording: string;
  /** holds: true/false; null when the data cannot decide (no respondents) */
  holds: boolean | null;
  /** respondents behind the claim; fewer than k → withheld like any number */
  n?: number | null;
  k: number;
  hasElse: boolean;
}

export function judgeClaim(c: ClaimInput): ClaimState {
  if (c.n !== undefined && (c.n === null || c.n < c.k)) return 'withheld';
  if (c.holds === null) return 'no-data';
  if (c.holds) return 'holds';
  if (c.hasElse) return 'otherwise';
  throw new ClaimFalse(`<Claim>: false on this data, and the chapter gives no wording for that case: "${c.wording.trim().replace(/\s+/g, ' ')}" — check: ${c.what}`);
}

/** the holds/n columns of a claim query's single row */
export function claimRow(rows: Record<string, unknown>[], sql: string): { holds: boolean | null; n: number | null | undefined } {
  if (rows.length > 1) throw new Error(`<Claim>: query must return at most one row, got ${rows.length}: ${sql}`);
  const row = rows[0] ?? {};
  if (rows.length && !('holds' in row)) throw new Error(`<Claim>: query must return a column holds (true when the claim is true): ${sql}`);
  if (rows.length && !('n' in row)) throw new Error(`<Claim>: query must return a column n (the respondents behind the claim): ${sql}`);
  const h = row.holds;
  return { holds: h === null || h === undefined ? null : Boolean(h), n: rows.length ? (row.n === null ? null : Number(row.n)) : undefined };
}
