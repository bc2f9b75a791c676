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
  /**
   * Codebook variables, scales, competencies or multi-select questions this survey did not ask.
   * They are published as absent ("not measured in this survey"), never as missing answers.
   */
  not_asked?: string[];
  /** labels of frame codes (city, county, township, dept_type, sample): variable → code → label */
  frame?: Record<string, Record<string, string | { en?: string; zh?: string; parent?: string }>>;
  /** how the report names the survey (replaces the synthetic-data banner) */
  survey?: SurveyInfo;
}

export interface SurveyInfo {
  title?: string | { en?: string; zh?: string };
  source?: string;
  fieldwork?: { start?: string; end?: string };
}

/** What the import found beyond the rows: absent variables, frame values, the survey's own description, unmapped columns. */
export interface ImportMeta {
  absent: string[];
  frame: Record<string, { code: string; label: { en: string; zh: string }; parent?: string }[]>;
  survey: SurveyInfo | null;
  unmapped: { column: string; note: string }[];
}

/** DuckDB's default CSV `max_line_size` (bytes): a canonical row longer than this cannot be built. */
export const MAX_LINE_BYTES = 2_097_152;
/** error messages quote at most this many characters of a value */
export const MAX_QUOTE = 200;
export const quoteValue = (v: string) => JSON.stringify(v.length > MAX_QUOTE ? v.slice(0, MAX_QUOTE) : v) + (v.length > MAX_QUOTE ? `… (${v.length} characters)` : '');

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
  const got = value !== null ? `got ${quoteValue(value)}, ` : '';
  const short = value !== null && value.length > MAX_QUOTE ? value.slice(0, MAX_QUOTE) : value;
  return { file, row, column, value: short, expected, message: `${where}: ${got}expected ${expected}` };
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
  if (m.not_asked !== undefined && !Array.isArray(m.not_asked)) errors.push(mk(file, null, 'not_asked', null, 'a list of variables, scales, competencies or multi-select questions'));
  for (const name of m.not_asked ?? []) {
    if (!expandNotAsked(String(name), codebook).length)
      errors.push(mk(file, null, 'not_asked', String(name), 'a codebook variable, scale id, competency id or multi-select question id (e.g. formats, barriers, preferred)'));
  }
  const notAsked = new Set((m.not_asked ?? []).flatMap((n) => expandNotAsked(String(n), codebook)));
  for (const c of m.columns) {
    for (const t of [c.variable, ...Object.values(c.options ?? {})].filter((x): x is string => !!x))
      if (notAsked.has(t)) errors.push(mk(file, null, c.header ?? `question ${c.question}`, t, `either a column for "${t}" or "${t}" under not_asked, not both`));
  }
  for (const [name, codes] of Object.entries(m.frame ?? {})) {
    const v = codebook.variables.find((x) => x.name === name);
    if (!v || v.role !== 'frame' || v.type !== 'categorical') errors.push(mk(file, null, `frame.${name}`, name, 'a categorical frame variable of the codebook (sample, city, county, township, dept_type)'));
    for (const code of Object.keys(codes ?? {})) if (!CODE.test(code)) errors.push(mk(file, null, `frame.${name}`, code, 'a short ASCII code (letters, digits, _ or -)'));
  }
  if (errors.length) throw new ImportFailed(errors);
  return m;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** A `not_asked` entry → the variables it stands for (a variable, a scale's or competency's items, a multi-select question's options, a construct's items). */
export function expandNotAsked(name: string, cb: Codebook): string[] {
  if (cb.variables.some((v) => v.name === name)) return [name];
  const scale = cb.scales.find((s) => s.id === name);
  if (scale) return [...scale.items];
  const comp = cb.competencies.find((c) => c.id === name);
  if (comp) return cb.scales.filter((s) => s.id === comp.proficiency || s.id === comp.importance).flatMap((s) => s.items);
  const ms = cb.variables.filter((v) => v.multiselect === name || (v.construct === name && v.type === 'likert'));
  return ms.map((v) => v.name);
}

const isFrameCategorical = (v: Variable) => v.role === 'frame' && v.type === 'categorical';

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
  meta: ImportMeta;
}

/** Every cell holding U+FFFD (a character lost in decoding) becomes an error naming its row, column and position. */
function replacementErrors(table: string[][], file: string): ImportError[] {
  const out: ImportError[] = [];
  const header = table[0] ?? [];
  table.forEach((r, i) =>
    r.forEach((cell, j) => {
      const at = cell.indexOf('\uFFFD');
      if (at === -1 || out.length >= 20) return;
      out.push(
        mk(file, i, i === 0 ? cell : header[j] ?? `column ${j + 1}`, cell,
          `text without U+FFFD replacement characters (found at character ${at + 1} of this cell, spreadsheet line ${i + 1}, column ${j + 1}): the export was decoded with the wrong encoding or already carries lost characters; re-export it as UTF-8 or XLSX, or set \`encoding\``),
      );
    }),
  );
  return out;
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * @returns canonical rows (header = every codebook variable) or throws ImportFailed with all problems
 */
export function importExport(bytes: Buffer, file: string, mappingText: string, mappingFile: string, codebook: Codebook): ImportResult {
  const mapping = loadMapping(mappingText, mappingFile, codebook);
  const table = readTable(bytes, file, mapping);
  if (table.length === 0) throw new ImportFailed([mk(file, null, null, null, 'a header row and data rows (the file is empty)')]);
  const fffd = replacementErrors(table, file);
  if (fffd.length) throw new ImportFailed(fffd);
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
  // columns the mapping does not name: listed in the import report, never read, never published
  const unmapped: ImportMeta['unmapped'] = [];
  header.forEach((h, i) => {
    if (!used.has(i))
      unmapped.push({
        column: h,
        note: IDENTIFIER_HINT.test(h) ? 'looks like a direct identifier; not read, never published' : 'not named by the mapping; not read, never published',
      });
  });

  const byName = new Map(codebook.variables.map((v) => [v.name, v]));
  const notAsked = new Set((mapping.not_asked ?? []).flatMap((n) => expandNotAsked(String(n), codebook)));
  const filled = new Set<string>([...Object.keys(mapping.constants ?? {})]);
  // what the mapping provides (a mapped column missing from the file is reported once, above)
  for (const c of mapping.columns) {
    if (c.variable) filled.add(c.variable);
    for (const o of Object.values(c.options ?? {})) filled.add(o);
  }
  for (const v of codebook.variables) {
    if (!filled.has(v.name) && !notAsked.has(v.name) && !v.optional && v.role !== 'direct_identifier')
      errors.push(mk(mappingFile, null, null, v.name, `a column or constant for the required variable "${v.name}" (${v.label.en}), or "${v.name}" listed under not_asked`));
  }
  if (errors.length) throw new ImportFailed(errors);

  // frame codes: the codebook's, the mapping's own (frame: / labels:) or made from the export's text
  const frameValues = new Map<string, Map<string, { code: string; label: { en: string; zh: string }; parent?: string }>>();
  const frameByText = new Map<string, string>();
  const frameLabel = (name: string, code: string, text: string) => {
    const given = mapping.frame?.[name]?.[code];
    if (typeof given === 'string') return { label: { en: given, zh: given } };
    return { label: { en: given?.en ?? given?.zh ?? text, zh: given?.zh ?? given?.en ?? text }, parent: given?.parent };
  };
  const frameCode = (v: Variable, s: string, c: ColumnMapping | null): string => {
    const known = (v.values ?? []).find((x) => String(x.code) === s || x.label.zh === s || x.label.en === s);
    const mapped = c?.labels && s in c.labels ? String(c.labels[s]) : null;
    if (mapped !== null && (v.values ?? []).some((x) => String(x.code) === mapped)) return mapped;
    if (mapped === null && known) return String(known.code);
    let values = frameValues.get(v.name);
    if (!values) frameValues.set(v.name, (values = new Map()));
    let code = mapped ?? (CODE.test(s) ? s : frameByText.get(`${v.name}\u0000${s}`));
    if (!code) {
      code = `${v.name}_${values.size + 1}`;
      frameByText.set(`${v.name}\u0000${s}`, code);
    }
    if (!values.has(code)) values.set(code, { code, ...frameLabel(v.name, code, s) });
    return code;
  };

  const outHeader = codebook.variables.map((v) => v.name);
  const out: string[][] = [];
  const seenIds = new Map<string, number>();
  const sep = mapping.separator ?? '┋';
  const constants: Record<string, string> = {};
  for (const [name, value] of Object.entries(mapping.constants ?? {})) {
    const v = byName.get(name)!;
    constants[name] = isFrameCategorical(v) ? frameCode(v, String(value), null) : String(value);
  }
  data.forEach((cells, r) => {
    const rowNo = r + 1;
    if (cells.length !== header.length) {
      errors.push(mk(file, rowNo, null, null, `${header.length} fields like the header (the row has ${cells.length})`));
      return;
    }
    const rec: Record<string, string> = { ...constants };
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
      if (isFrameCategorical(v) && raw.trim() !== '') {
        rec[c.variable] = frameCode(v, raw.trim(), c);
        continue;
      }
      const res = convert(v, raw, c);
      if (res.expected) errors.push(mk(file, rowNo, header[i], raw, res.expected));
      else rec[c.variable] = res.code!;
    }
    // a new county or township hangs under the city or county of the row that first names it
    for (const [child, parent] of [['county', 'city'], ['township', 'county']]) {
      const fresh = frameValues.get(child)?.get(rec[child] ?? '');
      if (fresh && !fresh.parent && rec[parent]) fresh.parent = rec[parent];
    }
    for (const v of codebook.variables) {
      if (!v.optional && v.role !== 'direct_identifier' && (rec[v.name] ?? '') === '' && filled.has(v.name)) {
        const col = [...used].find(([, c]) => c.variable === v.name);
        if (col && !errors.some((e) => e.row === rowNo && e.column === header[col[0]])) errors.push(mk(file, rowNo, header[col[0]], '', `an answer (${expectation(v)}); "${v.name}" is required`));
      }
    }
    const line = outHeader.map((h) => rec[h] ?? '');
    const bytesOfLine = Buffer.byteLength(line.map(csvCell).join(','), 'utf8');
    if (bytesOfLine > MAX_LINE_BYTES) {
      const longest = outHeader.reduce((a, h) => ((rec[h] ?? '').length > (rec[a] ?? '').length ? h : a), outHeader[0]);
      const col = [...used].find(([, c]) => c.variable === longest);
      errors.push(
        mk(file, rowNo, col ? header[col[0]] : longest, rec[longest] ?? '',
          `a row under ${MAX_LINE_BYTES} bytes in the canonical CSV (DuckDB's CSV line limit); this row has ${bytesOfLine} bytes, most of them in this cell (${Buffer.byteLength(rec[longest] ?? '')} bytes): shorten it or mark the column \`ignore\``),
      );
      return;
    }
    out.push(line);
  });
  if (errors.length) throw new ImportFailed(errors);

  // absent: declared not asked, or a codebook variable the mapping does not provide at all
  const absent = codebook.variables.filter((v) => v.role !== 'direct_identifier' && (notAsked.has(v.name) || !filled.has(v.name))).map((v) => v.name);
  const frame: ImportMeta['frame'] = {};
  for (const [name, values] of frameValues) frame[name] = [...values.values()];
  return {
    header: outHeader,
    rows: out,
    source: {
      file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      mappingSha256: createHash('sha256').update(mappingText).digest('hex'),
      rows: out.length,
    },
    meta: { absent, frame, survey: mapping.survey ?? null, unmapped },
  };
}

export function toCanonicalCSV(res: ImportResult): string {
  return [res.header.join(','), ...res.rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';
}
