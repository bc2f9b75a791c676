/**
 * Checks survey values against the codebook before any statistic is computed (`npm run analyze`).
 * Every item a scale uses must be empty, one of the codebook's missing codes (survey-wide
 * `missing`, the variable's own `missing`, or `--missing` on the command line), or a number in the
 * scale's [min, max] (an integer for Likert items). Anything else stops the analysis with the
 * column, the allowed values and the first offending rows: out-of-range answers and missing codes
 * would otherwise silently enter the statistics (a −9 on a reversed 1–6 item scores as 16).
 * Pure: rows in, cleaned rows (numbers or null) and a count of what was treated as missing out.
 */
import type { Codebook } from '../codebook/types.ts';

type Row = Record<string, unknown>;

export interface MissingSummary {
  /** values treated as missing, in total */
  total: number;
  /** by reason: "empty" or "missing code <c>" */
  byReason: Record<string, number>;
  /** by column */
  byColumn: Record<string, number>;
}

export class DataCheckError extends Error {}

const FIRST = 5;

/** the columns the codebook's scales use, in codebook order */
export const analysisColumns = (cb: Codebook) => [...new Set(cb.scales.flatMap((s) => s.items))];

export interface ColumnRule { column: string; min: number; max: number; integer: boolean; codes: string[] }

/** what each analysis column may hold: the same rules for checkValues() and the SQL check */
export function columnRules(cb: Codebook, extraMissing: (string | number)[] = []): ColumnRule[] {
  return analysisColumns(cb).map((column) => {
    const scale = cb.scales.find((s) => s.items.includes(column))!;
    const v = cb.variables.find((x) => x.name === column);
    const codes = [...new Set([...(cb.missing ?? []), ...(v?.missing ?? []), ...extraMissing].map((c) => String(c).trim()).filter(Boolean))];
    return { column, min: v?.min ?? scale.min, max: v?.max ?? scale.max, integer: (v?.type ?? 'likert') === 'likert' || v?.type === 'integer', codes };
  });
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
/**
 * SQL expressions (DuckDB) over one column, for checking large files without loading them:
 * `text` the trimmed value, `empty`, `code(c)` (is missing code c), `bad` (neither missing nor allowed),
 * `value` (the number, NULL when missing).
 */
export function ruleSQL(r: ColumnRule, ident: (name: string) => string) {
  const text = `trim(CAST(${ident(r.column)} AS VARCHAR))`;
  const num = `TRY_CAST(${text} AS DOUBLE)`;
  const empty = `(${text} IS NULL OR ${text} = '' OR upper(${text}) = 'NA')`;
  const code = (c: string) => `(${text} = ${q(c)}${Number.isFinite(Number(c)) ? ` OR ${num} = ${Number(c)}` : ''})`;
  const anyCode = r.codes.length ? `(${r.codes.map(code).join(' OR ')})` : 'false';
  const allowed = `coalesce(${num} BETWEEN ${r.min} AND ${r.max}${r.integer ? ` AND ${num} = floor(${num})` : ''}, false)`;
  return { text, empty, code, bad: `(NOT ${empty} AND NOT ${anyCode} AND NOT ${allowed})`, value: `CASE WHEN NOT ${empty} AND NOT ${anyCode} AND ${allowed} THEN ${num} END` };
}

/** The error for columns with bad values (same words as checkValues). */
export function badValuesMessage(bad: { rule: ColumnRule; count: number; first: { row: number; value: string }[] }[]): string {
  const lines = bad.map(({ rule: r, count, first }) =>
    `column ${r.column}: ${count} value(s) not ${r.integer ? 'whole numbers' : 'numbers'} in ${r.min}–${r.max}${r.codes.length ? ` and not a missing code (${r.codes.join(', ')})` : ' (and no missing codes are declared)'}; first at ${first.map((b) => `row ${b.row} (${JSON.stringify(b.value.length > 20 ? b.value.slice(0, 20) + '…' : b.value)})`).join(', ')}`,
  );
  return `values outside the codebook's allowed range (rows are data rows, 1 = the first after the header):\n  ${lines.slice(0, 20).join('\n  ')}${lines.length > 20 ? `\n  … and ${lines.length - 20} more column(s)` : ''}\nFix the data, or declare the codes that mean "no answer" (codebook \`missing:\` or --missing -9,-8).`;
}

export function checkValues(rows: Row[], cb: Codebook, extraMissing: (string | number)[] = []): { rows: Row[]; missing: MissingSummary } {
  if (rows.length === 0) throw new DataCheckError('the file has no data rows (empty, or a header only)');
  const columns = analysisColumns(cb);
  const absent = columns.filter((c) => !(c in rows[0]));
  if (absent.length) throw new DataCheckError(`the data has no column(s) ${absent.slice(0, 10).join(', ')}${absent.length > 10 ? ` and ${absent.length - 10} more` : ''} that the codebook's scales use`);
  const missing: MissingSummary = { total: 0, byReason: {}, byColumn: {} };
  const problems: { rule: ColumnRule; count: number; first: { row: number; value: string }[] }[] = [];
  const out: Row[] = rows.map(() => ({}));
  for (const rule of columnRules(cb, extraMissing)) {
    const { column: col, min, max, integer } = rule;
    const codes = new Set(rule.codes);
    const codeNums = rule.codes.filter((c) => Number.isFinite(Number(c))).map(Number);
    const first: { row: number; value: string }[] = [];
    let count = 0;
    for (let i = 0; i < rows.length; i++) {
      const raw = rows[i][col];
      const text = raw === null || raw === undefined ? '' : String(raw).trim();
      let value: number | null = null;
      let reason: string | null = null;
      const n = Number(text);
      if (text === '' || text.toUpperCase() === 'NA') reason = 'empty';
      else if (codes.has(text) || (Number.isFinite(n) && codeNums.includes(n))) reason = `missing code ${rule.codes.find((c) => c === text || Number(c) === n)}`;
      else if (Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n))) value = n;
      else {
        count++;
        if (first.length < FIRST) first.push({ row: i + 1, value: text });
      }
      if (reason) {
        missing.total++;
        missing.byReason[reason] = (missing.byReason[reason] ?? 0) + 1;
        missing.byColumn[col] = (missing.byColumn[col] ?? 0) + 1;
      }
      out[i][col] = value;
    }
    if (count) problems.push({ rule, count, first });
  }
  if (problems.length) throw new DataCheckError(badValuesMessage(problems));
  return { rows: out, missing };
}

/** One line for the terminal: how many values were treated as missing, and why. */
export function missingNote(m: MissingSummary): string {
  if (!m.total) return 'no values treated as missing';
  const why = Object.entries(m.byReason).map(([r, n]) => `${n} ${r}`).join(', ');
  const cols = Object.entries(m.byColumn).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([c, n]) => `${c} ${n}`).join(', ');
  return `treated ${m.total} value(s) as missing: ${why} (most in ${cols})`;
}
