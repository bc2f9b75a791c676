/**
 * Validates a canonical raw table (all columns VARCHAR, plus `_row` = 1-based data row) against
 * the codebook. Every problem becomes an error naming file, row, column, value and what was
 * expected; nothing is coerced or dropped here. Runs as SQL so a million rows are cheap.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Codebook, Variable } from '../codebook/types.ts';
import { allowedCodes } from '../codebook/load.ts';
import { ident, lit, rows } from './duck.ts';

export interface ValidationError {
  file: string;
  /** 1-based data row (the header is row 0); null for whole-file problems */
  row: number | null;
  column: string | null;
  value: string | null;
  expected: string;
  message: string;
}

/** how many examples per column and problem are listed before "… and N more" */
const MAX_EXAMPLES = 5;

export function formatError(e: Omit<ValidationError, 'message'>): string {
  const where = [e.file, e.row !== null ? `row ${e.row}` : null, e.column !== null ? `column "${e.column}"` : null].filter(Boolean).join(', ');
  const got = e.value !== null ? `got ${JSON.stringify(e.value.length > 200 ? e.value.slice(0, 200) : e.value)}${e.value.length > 200 ? `… (${e.value.length} characters)` : ''}, ` : '';
  return `${where}: ${got}expected ${e.expected}`;
}

function err(file: string, row: number | null, column: string | null, value: string | null, expected: string): ValidationError {
  return { file, row, column, value, expected, message: formatError({ file, row, column, value, expected }) };
}

export function expectation(v: Variable): string {
  switch (v.type) {
    case 'categorical':
      return `one of ${allowedCodes(v).join(', ')}`;
    case 'likert':
    case 'integer':
      return `an integer${v.min !== undefined ? ` from ${v.min} to ${v.max}` : ''}`;
    case 'number':
      return `a number${v.min !== undefined ? ` from ${v.min} to ${v.max}` : ''}`;
    case 'boolean':
      return '0 or 1';
    default:
      return 'text';
  }
}

/** SQL condition that is true when column `c` (VARCHAR, not NULL) is not a valid value of v */
function invalidCondition(v: Variable, c: string): string | null {
  switch (v.type) {
    case 'categorical':
      return `${c} NOT IN (${allowedCodes(v).map(lit).join(', ')})`;
    case 'likert':
    case 'integer': {
      const range = v.min !== undefined && v.max !== undefined ? ` OR TRY_CAST(${c} AS BIGINT) NOT BETWEEN ${v.min} AND ${v.max}` : '';
      const full = `TRY_CAST(${c} AS BIGINT) IS NULL OR NOT regexp_full_match(trim(${c}), '-?[0-9]+')${range}`;
      // the usual answers (a Likert point, a small count) are checked by a cheap list lookup first;
      // anything else gets the full check, so what is accepted is exactly what the full check accepts
      if (v.min !== undefined && v.max !== undefined && v.max - v.min <= 20) {
        const points = Array.from({ length: v.max - v.min + 1 }, (_, i) => lit(String(v.min! + i)));
        return `CASE WHEN ${c} IN (${points.join(', ')}) THEN false ELSE (${full}) END`;
      }
      return full;
    }
    case 'number': {
      const range = v.min !== undefined && v.max !== undefined ? ` OR TRY_CAST(${c} AS DOUBLE) NOT BETWEEN ${v.min} AND ${v.max}` : '';
      return `TRY_CAST(${c} AS DOUBLE) IS NULL${range}`;
    }
    case 'boolean':
      return `${c} NOT IN ('0', '1')`;
    default:
      return null;
  }
}

/**
 * @param table one VARCHAR column per CSV header; its scans count the problems (a view over the CSV
 *   without row numbers is scanned on every thread)
 * @param header the CSV header in file order
 * @param numbered the same rows with `_row` (1-based data row), read only to list examples of problems
 *   found (numbering the rows takes one thread: only a file with problems pays for it)
 */
export async function validateRaw(
  conn: DuckDBConnection,
  table: string,
  header: string[],
  codebook: Codebook,
  file: string,
  numbered: string = table,
): Promise<ValidationError[]> {
  const errors: ValidationError[] = [];
  const known = new Map(codebook.variables.map((v) => [v.name, v]));
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) errors.push(err(file, 0, h, h, 'each column to appear once (duplicate header)'));
    seen.add(h);
    if (!known.has(h)) errors.push(err(file, 0, h, h, 'a variable defined in the codebook (unknown column)'));
  }
  for (const v of codebook.variables) {
    if (!seen.has(v.name) && !v.absent) errors.push(err(file, null, v.name, null, `a column "${v.name}" (${v.label.en}) — missing column`));
  }
  // One scan counts every problem of every column (the table may be a view over the CSV file: a
  // million rows are read once, not once per column); examples are fetched only for failing checks.
  // Single-digit scales (Likert items, 0/1) are proved valid from their minimum, maximum and longest
  // value, which costs far less than testing every cell; a column that fails that proof gets the
  // exact test in a second scan. Categorical and other columns get the exact test in the first.
  const checks: { v: Variable; cond: string; expected: string; count: string | null }[] = [];
  const digitRange = (v: Variable): [number, number] | null => {
    if (v.type === 'boolean') return [0, 1];
    if ((v.type === 'likert' || v.type === 'integer') && v.min !== undefined && v.max !== undefined && v.min >= 0 && v.max <= 9) return [v.min, v.max];
    return null;
  };
  const aggs: string[] = [];
  const fast: { v: Variable; check: number; i: number; lo: number; hi: number }[] = [];
  // (a header problem stops here, after the row count: the columns cannot be checked by name)
  for (const v of errors.length ? [] : codebook.variables) {
    if (v.absent) continue; // not asked in this survey: published as all NULL, never validated as answers
    const c = ident(v.name);
    const bad = invalidCondition(v, c);
    const i = aggs.length;
    if (bad) {
      const range = digitRange(v);
      if (range) {
        aggs.push(`min(${c}) AS lo${i}, max(${c}) AS hi${i}, max(strlen(${c}))::INTEGER AS len${i}`);
        fast.push({ v, check: checks.length, i, lo: range[0], hi: range[1] });
        checks.push({ v, cond: `${c} IS NOT NULL AND (${bad})`, expected: expectation(v), count: null });
      } else {
        aggs.push(`count(*) FILTER (WHERE ${c} IS NOT NULL AND (${bad}))::INTEGER AS bad${i}`);
        checks.push({ v, cond: `${c} IS NOT NULL AND (${bad})`, expected: expectation(v), count: `bad${i}` });
      }
    }
    if (!v.optional && v.role !== 'direct_identifier') {
      aggs.push(`(count(*) - count(${c}))::INTEGER AS null${i}`);
      checks.push({ v, cond: `${c} IS NULL`, expected: `a value (${expectation(v)}); the column is required`, count: `null${i}` });
    }
  }
  const [summary] = await rows<Record<string, any>>(conn, `SELECT count(*)::INTEGER AS n${aggs.length ? ', ' + aggs.join(', ') : ''} FROM ${ident(table)}`);
  if (summary.n === 0) errors.push(err(file, null, null, null, 'at least one data row (the file has a header only)'));
  if (errors.length) return errors;
  const totals = checks.map((ch) => (ch.count ? Number(summary[ch.count]) : 0));
  // single-digit columns whose minimum, maximum or length leave room for an invalid value: exact count
  const unproved = fast.filter(({ i, lo, hi }) => summary[`len${i}`] !== null && !(summary[`len${i}`] === 1 && summary[`lo${i}`] >= String(lo) && summary[`hi${i}`] <= String(hi)));
  if (unproved.length) {
    const [exact] = await rows<Record<string, number>>(
      conn,
      `SELECT ${unproved.map(({ check }) => `count(*) FILTER (WHERE ${checks[check].cond})::INTEGER AS c${check}`).join(', ')} FROM ${ident(table)}`,
    );
    for (const { check } of unproved) totals[check] = exact[`c${check}`];
  }

  for (const [i, { v, cond, expected }] of checks.entries()) {
    const total = totals[i];
    if (!total) continue;
    const found = await rows<{ _row: number; value: string | null }>(
      conn,
      `SELECT _row::INTEGER AS _row, ${ident(v.name)} AS value FROM ${ident(numbered)} WHERE ${cond} ORDER BY _row LIMIT ${MAX_EXAMPLES}`,
    );
    for (const f of found) errors.push(err(file, f._row, v.name, f.value, expected));
    if (total > found.length) errors.push(err(file, null, v.name, null, `${expected} (… and ${total - found.length} more rows like these)`));
  }
  return errors;
}

export class ValidationFailed extends Error {
  constructor(public errors: ValidationError[]) {
    super(`${errors.length} validation error(s); nothing was published:\n` + errors.slice(0, 50).map((e) => '  - ' + e.message).join('\n'));
    this.name = 'ValidationFailed';
  }
}
