/**
 * Import of a real survey export (CSV in UTF-8 / UTF-8 with BOM / GBK / GB18030, or XLSX),
 * including the questionnaire-platform layout (headers "1、您的性别", matrix rows "7、标题—行",
 * option labels as answers, multi-select joined with a separator or spread over columns,
 * leading 序号 / 提交答卷时间 / 所用时间 / 来源 / 来源详情 / 来自IP columns), into the canonical raw
 * CSV that `data:build` takes. A mapping file ties columns and labels to the codebook.
 *
 * Every problem is collected as an ImportError naming file, row, column, value and what was
 * expected; with any error nothing is written. Nothing is dropped or coerced silently: every
 * column must be mapped or explicitly ignored.
 */
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import * as XLSX from 'xlsx';
import { parse as parseYaml } from 'yaml';
import type { Codebook, Variable } from '../codebook/types.ts';
import { allowedCodes } from '../codebook/labels.ts';
import { expectation } from './validate.ts';

export interface ColumnMapping {
  /** exact header text … */
  header?: string;
  /** … or the question number: matches a header "N、…" (or "N." / "Q N") */
  question?: number | string;
  /** codebook variable the column fills */
  variable?: string;
  /** answer label → code (e.g. 男: male); numbers may also be given as option numbers */
  labels?: Record<string, string | number>;
  /** joined multi-select: label → 0/1 option variable */
  options?: Record<string, string>;
  /** why a column is deliberately left out (serial, duration, source …); it is never published */
  ignore?: string;
  /** the respondent's serial/id: checked for duplicates, never published */
  id?: boolean;
}

export interface Mapping {
  encoding?: 'auto' | 'utf8' | 'gb18030' | 'gbk';
  separator?: string;
  columns: ColumnMapping[];
  constants?: Record<string, string | number>;
}

export interface ImportError {
  file: string;
  row: number | null;
  column: string | null;
  value: string | null;
  expected: string;
  message: string;
}

export class ImportFailed extends Error {
  constructor(public errors: ImportError[]) {
    super(`${errors.length} import error(s); nothing was written:\n` + errors.slice(0, 50).map((e) => '  - ' + e.message).join('\n'));
    this.name = 'ImportFailed';
  }
}

function mk(file: string, row: number | null, column: string | null, value: string | null, expected: string): ImportError {
  const where = [file, row !== null ? `row ${row}` : null, column !== null ? `column "${column}"` : null].filter(Boolean).join(', ');
  const got = value !== null ? `got ${JSON.stringify(value)}, ` : '';
  return { file, row, column, value, expected, message: `${where}: ${got}expected ${expected}` };
}

/** Header texts that name a direct identifier; such a column left unmapped is called out as one. */
const IDENTIFIER_HINT = /(ip|姓名|名字|手机|电话|身份证|邮箱|e-?mail|name|phone|微信|qq|地址)/i;

// ---------------------------------------------------------------- decoding and parsing

export function decode(bytes: Buffer, file: string, encoding: Mapping['encoding'] = 'auto'): string {
  if (encoding === 'gb18030' || encoding === 'gbk') return iconv.decode(bytes, 'gb18030');
  let text: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = null;
  }
  if (text !== null) return text.replace(/^\uFEFF/, '');
  if (encoding === 'utf8') {
    throw new ImportFailed([mk(file, null, null, null, 'UTF-8 text (the mapping says encoding: utf8, but the file has bytes that are not UTF-8; try encoding: gb18030)')]);
  }
  const gb = iconv.decode(bytes, 'gb18030');
  if (gb.includes('\uFFFD')) throw new ImportFailed([mk(file, null, null, null, 'text in UTF-8 or GBK/GB18030 (the file is neither; is it a binary or another encoding?)')]);
  return gb;
}

/** RFC 4180 CSV: quotes, doubled quotes, separators and newlines inside quotes; CRLF or LF. */
export function parseCSV(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

export function readTable(bytes: Buffer, file: string, mapping: Mapping): string[][] {
  if (bytes.length === 0) throw new ImportFailed([mk(file, null, null, null, 'a header row and data rows (the file is empty)')]);
  if (/\.xlsx?$/i.test(file)) {
    let wb: XLSX.WorkBook;
    try {
      wb = XLSX.read(bytes, { type: 'buffer', cellDates: false });
    } catch (e) {
      throw new ImportFailed([mk(file, null, null, null, `a readable XLSX workbook (${(e as Error).message})`)]);
    }
    const sheet = wb.SheetNames[0];
    if (!sheet) throw new ImportFailed([mk(file, null, null, null, 'a workbook with at least one sheet')]);
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[sheet], { header: 1, raw: false, defval: '', blankrows: false });
    return rows.map((r) => r.map((v) => String(v ?? '')));
  }
  return parseCSV(decode(bytes, file, mapping.encoding ?? 'auto'));
}

// ---------------------------------------------------------------- mapping

export function loadMapping(text: string, file: string, codebook: Codebook): Mapping {
  let m: Mapping;
  try {
    m = parseYaml(text) as Mapping;
  } catch (e) {
    throw new ImportFailed([mk(file, null, null, null, `valid YAML (${(e as Error).message.split('\n')[0]})`)]);
  }
  if (!m || !Array.isArray(m.columns)) throw new ImportFailed([mk(file, null, null, null, 'a list `columns:` of column mappings')]);
  const errors: ImportError[] = [];
  const known = new Set(codebook.variables.map((v) => v.name));
  m.columns.forEach((c, i) => {
    const label = c.header ?? (c.question !== undefined ? `question ${c.question}` : `entry ${i + 1}`);
    if (c.header === undefined && c.question === undefined) errors.push(mk(file, null, label, null, 'each column mapping to name a `header` or a `question` number'));
    const targets = [c.variable, ...Object.values(c.options ?? {})].filter((x): x is string => !!x);
    for (const t of targets) if (!known.has(t)) errors.push(mk(file, null, label, t, `a variable defined in the codebook (it maps to "${t}", which is not)`));
    if (!c.variable && !c.options && !c.ignore && !c.id) errors.push(mk(file, null, label, null, 'a `variable`, `options`, `ignore` or `id` for this column'));
  });
  for (const name of Object.keys(m.constants ?? {})) if (!known.has(name)) errors.push(mk(file, null, `constants.${name}`, name, 'a variable defined in the codebook'));
  if (errors.length) throw new ImportFailed(errors);
  return m;
}

function matches(c: ColumnMapping, header: string): boolean {
  if (c.header !== undefined) return header.trim() === c.header.trim();
  const q = String(c.question);
  return new RegExp(`^\\s*(Q\\s*)?${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[、.．:：]`).test(header);
}

// ---------------------------------------------------------------- conversion

function convert(v: Variable, raw: string, c: ColumnMapping): { code?: string; expected?: string } {
  const s = raw.trim();
  if (s === '' || s === '(跳过)' || s === '(空)') return { code: '' };
  if (v.role === 'direct_identifier') return { code: s };
  if (c.labels && s in c.labels) return { code: String(c.labels[s]) };
  const allowed = allowedCodes(v);
  if (v.type === 'categorical' || v.type === 'boolean') {
    if (allowed.includes(s)) return { code: s };
    const labels = c.labels ? Object.keys(c.labels) : (v.values ?? []).map((x) => x.label.zh);
    return { expected: `one of ${labels.join(', ')}` };
  }
  if (v.type === 'likert' || v.type === 'integer' || v.type === 'number') {
    const numeric = v.type === 'number' ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/;
    // the platform writes durations as "120秒"; accept a bare unit suffix only for integers
    const bare = s.replace(/(秒|岁|年|次|小时)$/, '');
    if (!numeric.test(bare)) return { expected: expectation(v) };
    const x = Number(bare);
    if ((v.min !== undefined && x < v.min) || (v.max !== undefined && x > v.max)) return { expected: expectation(v) };
    return { code: String(x) };
  }
  return { code: s };
}

export interface ImportResult {
  header: string[];
  rows: string[][];
  source: { file: string; sha256: string; mappingSha256: string; rows: number };
}

/**
 * @returns canonical rows (header = every codebook variable) or throws ImportFailed with all problems
 */
export function importExport(bytes: Buffer, file: string, mappingText: string, mappingFile: string, codebook: Codebook): ImportResult {
  const mapping = loadMapping(mappingText, mappingFile, codebook);
  const table = readTable(bytes, file, mapping);
  if (table.length === 0) throw new ImportFailed([mk(file, null, null, null, 'a header row and data rows (the file is empty)')]);
  const header = table[0].map((h) => h.trim());
  const data = table.slice(1);
  const errors: ImportError[] = [];
  if (data.length === 0) errors.push(mk(file, null, null, null, 'at least one data row (the file has a header only)'));

  // which mapping entry serves each column
  const used = new Map<number, ColumnMapping>();
  for (const c of mapping.columns) {
    const idx = header.findIndex((h, i) => !used.has(i) && matches(c, h));
    if (idx === -1) errors.push(mk(file, null, c.header ?? `question ${c.question}`, null, 'the column named in the mapping to be in the export (it is missing)'));
    else used.set(idx, c);
  }
  header.forEach((h, i) => {
    if (!used.has(i)) {
      errors.push(
        mk(file, 0, h, null, IDENTIFIER_HINT.test(h)
          ? 'a mapping for this column: it looks like a direct identifier, so map it to its identifier variable (it will never be published) or mark it `ignore`'
          : 'a mapping for this column (map it to a variable or mark it `ignore`)'),
      );
    }
  });

  const byName = new Map(codebook.variables.map((v) => [v.name, v]));
  const filled = new Set<string>([...Object.keys(mapping.constants ?? {})]);
  // what the mapping provides (a mapped column missing from the file is reported once, above)
  for (const c of mapping.columns) {
    if (c.variable) filled.add(c.variable);
    for (const o of Object.values(c.options ?? {})) filled.add(o);
  }
  for (const v of codebook.variables) {
    if (!filled.has(v.name) && !v.optional && v.role !== 'direct_identifier')
      errors.push(mk(mappingFile, null, null, v.name, `a column or constant for the required variable "${v.name}" (${v.label.en})`));
  }
  if (errors.length) throw new ImportFailed(errors);

  const outHeader = codebook.variables.map((v) => v.name);
  const out: string[][] = [];
  const seenIds = new Map<string, number>();
  const sep = mapping.separator ?? '┋';
  data.forEach((cells, r) => {
    const rowNo = r + 1;
    if (cells.length !== header.length) {
      errors.push(mk(file, rowNo, null, null, `${header.length} fields like the header (the row has ${cells.length})`));
      return;
    }
    const rec: Record<string, string> = {};
    for (const [name, value] of Object.entries(mapping.constants ?? {})) rec[name] = String(value);
    for (const [i, c] of used) {
      const raw = cells[i];
      if (c.id) {
        const key = raw.trim();
        if (seenIds.has(key)) errors.push(mk(file, rowNo, header[i], raw, `a unique respondent id (the same id is in row ${seenIds.get(key)})`));
        else seenIds.set(key, rowNo);
      }
      if (c.options) {
        for (const o of Object.values(c.options)) rec[o] = raw.trim() === '' ? '' : '0';
        if (raw.trim() === '') continue;
        for (const part of raw.split(sep).map((p) => p.trim()).filter(Boolean)) {
          const target = c.options[part];
          if (!target) errors.push(mk(file, rowNo, header[i], part, `options of this multi-select question: ${Object.keys(c.options).join(', ')}`));
          else rec[target] = '1';
        }
        continue;
      }
      if (!c.variable) continue;
      const v = byName.get(c.variable)!;
      const res = convert(v, raw, c);
      if (res.expected) errors.push(mk(file, rowNo, header[i], raw, res.expected));
      else rec[c.variable] = res.code!;
    }
    for (const v of codebook.variables) {
      if (!v.optional && v.role !== 'direct_identifier' && (rec[v.name] ?? '') === '' && filled.has(v.name)) {
        const col = [...used].find(([, c]) => c.variable === v.name);
        if (col && !errors.some((e) => e.row === rowNo && e.column === header[col[0]])) errors.push(mk(file, rowNo, header[col[0]], '', `an answer (${expectation(v)}); "${v.name}" is required`));
      }
    }
    out.push(outHeader.map((h) => rec[h] ?? ''));
  });
  if (errors.length) throw new ImportFailed(errors);
  return {
    header: outHeader,
    rows: out,
    source: {
      file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      mappingSha256: createHash('sha256').update(mappingText).digest('hex'),
      rows: out.length,
    },
  };
}

export function toCanonicalCSV(res: ImportResult): string {
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [res.header.join(','), ...res.rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}
