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

export function checkValues(rows: Row[], cb: Codebook, extraMissing: (string | number)[] = []): { rows: Row[]; missing: MissingSummary } {
  if (rows.length === 0) throw new DataCheckError('the file has no data rows (empty, or a header only)');
  const columns = analysisColumns(cb);
  const absent = columns.filter((c) => !(c in rows[0]));
  if (absent.length) throw new DataCheckError(`the data has no column(s) ${absent.slice(0, 10).join(', ')}${absent.length > 10 ? ` and ${absent.length - 10} more` : ''} that the codebook's scales use`);
  const missing: MissingSummary = { total: 0, byReason: {}, byColumn: {} };
  const problems: string[] = [];
  const out: Row[] = rows.map(() => ({}));
  for (const col of columns) {
    const scale = cb.scales.find((s) => s.items.includes(col))!;
    const v = cb.variables.find((x) => x.name === col);
    const min = v?.min ?? scale.min;
    const max = v?.max ?? scale.max;
    const integer = (v?.type ?? 'likert') === 'likert' || v?.type === 'integer';
    const codes = new Set([...(cb.missing ?? []), ...(v?.missing ?? []), ...extraMissing].map((c) => String(c).trim()));
    const bad: { row: number; value: string }[] = [];
    let badCount = 0;
    for (let i = 0; i < rows.length; i++) {
      const raw = rows[i][col];
      const text = raw === null || raw === undefined ? '' : String(raw).trim();
      let value: number | null = null;
      let reason: string | null = null;
      if (text === '' || text.toUpperCase() === 'NA') reason = 'empty';
      else if (codes.has(text) || (Number.isFinite(Number(text)) && [...codes].some((c) => c !== '' && Number(c) === Number(text)))) reason = `missing code ${text}`;
      else {
        const n = Number(text);
        if (Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n))) value = n;
        else {
          badCount++;
          if (bad.length < FIRST) bad.push({ row: i + 1, value: text.length > 20 ? text.slice(0, 20) + '…' : text });
        }
      }
      if (reason) {
        missing.total++;
        missing.byReason[reason] = (missing.byReason[reason] ?? 0) + 1;
        missing.byColumn[col] = (missing.byColumn[col] ?? 0) + 1;
      }
      out[i][col] = value;
    }
    if (badCount)
      problems.push(
        `column ${col}: ${badCount} value(s) not ${integer ? 'whole numbers' : 'numbers'} in ${min}–${max}${codes.size ? ` and not a missing code (${[...codes].join(', ')})` : ' (and no missing codes are declared)'}; first at ${bad.map((b) => `row ${b.row} (${JSON.stringify(b.value)})`).join(', ')}`,
      );
  }
  if (problems.length)
    throw new DataCheckError(
      `values outside the codebook's allowed range (rows are data rows, 1 = the first after the header):\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more column(s)` : ''}\nFix the data, or declare the codes that mean "no answer" (codebook \`missing:\` or --missing -9,-8).`,
    );
  return { rows: out, missing };
}

/** One line for the terminal: how many values were treated as missing, and why. */
export function missingNote(m: MissingSummary): string {
  if (!m.total) return 'no values treated as missing';
  const why = Object.entries(m.byReason).map(([r, n]) => `${n} ${r}`).join(', ');
  const cols = Object.entries(m.byColumn).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([c, n]) => `${c} ${n}`).join(', ');
  return `treated ${m.total} value(s) as missing: ${why} (most in ${cols})`;
}
