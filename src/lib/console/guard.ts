/**
 * Checks a console query before it is sent to DuckDB-WASM. The console may only read the
 * published views; everything that reaches files, other hosts, extensions or settings is
 * refused here with a clear message (the engine also runs with external access disabled and its
 * configuration locked, and its worker under the page's CSP: this check is the first of three).
 * Pure: no DOM, tested in guard.test.ts.
 */
import { messages } from '../messages.ts';
import { DATA_VIEWS } from '../db/params.ts';

export const MAX_SQL_CHARS = 8000;
export const PUBLISHED: readonly string[] = DATA_VIEWS;

interface Token { kind: 'word' | 'string' | 'quoted' | 'punct'; text: string }

/** Splits SQL into words, string literals, quoted identifiers and punctuation; drops comments. */
export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '-' && sql[i + 1] === '-') { const j = sql.indexOf('\n', i); i = j < 0 ? sql.length : j + 1; continue; }
    if (c === '/' && sql[i + 1] === '*') { const j = sql.indexOf('*/', i + 2); i = j < 0 ? sql.length : j + 2; continue; }
    if (c === "'" || c === '"') {
      let j = i + 1, text = '';
      while (j < sql.length) {
        if (sql[j] === c && sql[j + 1] === c) { text += c; j += 2; continue; }
        if (sql[j] === c) break;
        text += sql[j++];
      }
      out.push({ kind: c === "'" ? 'string' : 'quoted', text });
      i = j + 1;
      continue;
    }
    if (c === '$') {
      const m = /^\$([A-Za-z_]\w*)?\$/.exec(sql.slice(i));
      if (m) {
        const end = sql.indexOf(m[0], i + m[0].length);
        const stop = end < 0 ? sql.length : end;
        out.push({ kind: 'string', text: sql.slice(i + m[0].length, stop) });
        i = end < 0 ? sql.length : end + m[0].length;
        continue;
      }
    }
    const w = /^[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*/.exec(sql.slice(i, i + 200));
    if (w) { out.push({ kind: 'word', text: w[0].toLowerCase() }); i += w[0].length; continue; }
    out.push({ kind: 'punct', text: c });
    i++;
  }
  return out;
}

/** statements that change what the engine can reach or how it is configured */
const REFUSED_WORDS = ['attach', 'detach', 'copy', 'install', 'load', 'export', 'import', 'set', 'reset', 'pragma', 'call', 'use', 'checkpoint', 'force'];
/** table functions and scalar functions that read files or addresses */
const FILE_FUNCTION = /^(read_\w+|\w*_scan|parquet_\w+|glob|sniff_csv|json_\w*file\w*|csv_\w+|iceberg_\w+|delta_\w+|httpfs\w*|duckdb_extensions|load_\w+|install_\w+)$/;
/** a string that names a file or an address rather than a value */
const FILE_LIKE = /:\/\/|^(https?|s3a?|gcs|gs|r2|az|azure|abfss|hf|file|data|blob|ftp|hdfs|md|motherduck):|^[\\/~.]|\.\.|\.(parquet|csv|tsv|json|ndjson|jsonl|duckdb|db|sqlite|arrow|ipc|feather|xlsx|txt|gz|zst)\b/i;

const CREATE_WORDS = new Set(['or', 'replace', 'temp', 'temporary', 'table', 'view', 'macro', 'function', 'sequence', 'type', 'schema', 'if', 'not', 'exists', 'unique', 'index', 'persistent', 'secret']);
/** the name a CREATE makes (schema and object), from the words after CREATE */
function createdName(words: string[]): string[] {
  let j = 0;
  while (j < words.length && CREATE_WORDS.has(words[j])) j++;
  return words.slice(j, j + 2).filter((w) => w !== 'as');
}

export type GuardResult = { ok: true; sql: string; wrap: boolean } | { ok: false; message: string };

/**
 * Returns the SQL to send (trailing semicolons removed) and whether it is a query that can be
 * wrapped in a LIMIT, or the reason it is refused.
 */
export function checkSQL(input: string): GuardResult {
  const sql = input.trim().replace(/;+\s*$/, '').trim();
  if (!sql) return { ok: false, message: messages.consoleEmpty };
  if (input.length > MAX_SQL_CHARS) return { ok: false, message: messages.consoleTooLong(input.length, MAX_SQL_CHARS) };
  const tokens = tokenize(sql);
  if (tokens.some((t) => t.kind === 'punct' && t.text === ';')) return { ok: false, message: messages.consoleOneStatement };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'word' && REFUSED_WORDS.includes(t.text)) {
      // `SET` inside UPDATE … SET is still refused: the console does not write to the views
      return { ok: false, message: messages.consoleRefusedStatement(t.text.toUpperCase()) };
    }
    if (t.kind === 'word' && FILE_FUNCTION.test(t.text) && tokens[i + 1]?.text === '(') return { ok: false, message: messages.consoleRefusedFile(`${t.text}()`) };
    if (t.kind === 'string' && FILE_LIKE.test(t.text.trim())) return { ok: false, message: messages.consoleRefusedFile(`'${t.text.slice(0, 40)}${t.text.length > 40 ? '…' : ''}'`) };
    if (t.kind === 'quoted' && FILE_LIKE.test(t.text.trim()) && /[\\/:]|\.\w+$/.test(t.text)) return { ok: false, message: messages.consoleRefusedFile(`"${t.text.slice(0, 40)}"`) };
  }
  // DROP/ALTER/CREATE OR REPLACE/INSERT/UPDATE/DELETE/TRUNCATE/COMMENT on a published name, anywhere
  // in the statement (PREPARE x AS DROP VIEW respondents is caught too)
  const first = tokens.find((t) => t.kind === 'word')?.text ?? '';
  const names = tokens.filter((t) => t.kind === 'word' || t.kind === 'quoted').map((t) => t.text.toLowerCase());
  const hit = PUBLISHED.find((p) => names.includes(p)) ?? (names.includes('published') ? 'published' : undefined);
  for (let i = 0; i < names.length; i++) {
    const w = names[i];
    if (!['drop', 'alter', 'create', 'insert', 'update', 'delete', 'truncate', 'comment'].includes(w)) continue;
    if (w === 'drop' && names[i + 1] === 'schema') return { ok: false, message: messages.consoleRefusedPublished('schema') };
    if (!hit) continue;
    const target = w === 'create' ? createdName(names.slice(i + 1)) : names.slice(i + 1, i + 7);
    if (target.some((n) => PUBLISHED.includes(n) || n === 'published')) return { ok: false, message: messages.consoleRefusedPublished(hit) };
  }
  const wrap = ['select', 'with', 'from', 'values', 'table'].includes(first) || (tokens[0]?.text === '(' && first === 'select');
  return { ok: true, sql, wrap };
}

/** The query as sent: a row cap around anything that returns rows (so a huge result cannot freeze the tab). */
export function limited(sql: string, wrap: boolean, rows: number): string {
  return wrap ? `SELECT * FROM (\n${sql}\n) AS console_query LIMIT ${rows}` : sql;
}
