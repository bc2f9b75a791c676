/**
 * User-facing messages added by the hardening work (issue #16), in one place per language:
 * English here, Chinese in messages.zh.ts (same keys, checked by the type checker). Functions take
 * the variable parts. Keep each message a complete sentence. Browser code uses `messages` (the
 * page's language, from <html lang>); build-time code uses messagesIn(lang).
 */
import type { Lang } from '../i18n/index.ts';
import { messagesZh } from './messages.zh.ts';

export const ECHO_MAX = 80;

/** A value from the URL or the reader, shortened for display (never echoed whole). */
export function echo(value: string, max = ECHO_MAX): string {
  const chars = [...value];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : value;
}

export const messagesEn = {
  // engine (DuckDB-WASM) start and faults
  engineNoWasm: 'This browser cannot run WebAssembly, so the data cannot be queried here.',
  engineFileMissing: (what: string, status: number | string) => `The query engine could not be loaded (${what}: HTTP ${status}).`,
  engineWorkerFailed: (detail: string) => `The query engine failed to start (${detail}).`,
  engineStartTimeout: (s: number) => `The query engine did not start within ${s} seconds.`,
  engineCrashed: (detail: string) => `The query engine stopped unexpectedly (${detail}); it has been restarted.`,
  engineTimedOut: (s: number) => `The query did not finish within ${s} seconds, so the engine was stopped and restarted.`,
  interactiveUnavailable: 'The interactive part of this page could not be loaded; the charts show the published default view.',
  figureFailed: (detail: string) => `Could not update this figure: ${detail}. The chart shows the published default view.`,
  figureEngineFailed: (detail: string) => `Could not update this figure: ${detail} The chart shows the published default view.`,
  // SQL console
  consoleStarting: 'Starting DuckDB…',
  consoleRunning: 'Running…',
  consoleEmpty: 'Type a query first.',
  consoleFromLink: 'This query came from a link. Read it, then press Run to run it.',
  consoleCancelled: 'Query cancelled.',
  consoleTooLong: (n: number, max: number) => `This query is ${n.toLocaleString('en')} characters long; the console accepts at most ${max.toLocaleString('en')}.`,
  consoleRefusedStatement: (word: string) => `${word} is not allowed in this console: it can only read the published data.`,
  consoleRefusedFile: (what: string) => `Reading files or addresses (${what}) is not allowed in this console: use the views respondents and competency.`,
  consoleRefusedPublished: (name: string) => `The published view ${name} cannot be dropped or changed.`,
  consoleOneStatement: 'Run one statement at a time.',
  consoleViewsRestored: 'The published views were restored.',
  consoleRows: (total: number, ms: string) => `${total} row(s) in ${ms} ms.`,
  consoleRowsCut: (limit: number, ms: string) => `More than ${limit} rows in ${ms} ms; showing the first ${limit}. Add LIMIT/aggregation to see fewer, or download the Parquet to work with all rows.`,
  consoleTooBig: (mb: number) => `The result is larger than ${mb} MB; only the part received so far is shown. Aggregate or select fewer columns.`,
  consoleCellsCut: (max: number) => `Long values are cut to ${max} characters on screen (marked …); the CSV download has them in full.`,
  consoleError: (detail: string) => `Error: ${detail}`,
  // without JavaScript
  noscriptFigure: 'These controls need JavaScript; without it the chart and table show the published default view.',
  noscriptConsole: 'The SQL console needs JavaScript (it runs DuckDB in your browser). Without it, download the data from the Data page.',
  noscriptCompare: 'Choosing groups and sorting need JavaScript; without it this page shows the default comparison.',
  // URL state
  ignoredSettings: (list: string[]) => `Ignored invalid setting(s) ${list.map((x) => echo(x)).join(', ')}; showing the default.`,
  compareIgnored: (list: string[]) => `Ignored invalid setting(s): ${list.map((x) => echo(x)).join(', ')}.`,
  compareDuplicate: (list: string[]) => `Each group can be picked once; ignored the repeated ${list.map((x) => echo(x)).join(', ')}.`,
  compareTooMany: (max: number, dropped: string[]) => `At most ${max} groups at a time; left out ${dropped.map((x) => echo(x)).join(', ')}.`,
  compareTooFew: 'Pick at least two groups to compare.',
  compareAtMost: (max: number) => `At most ${max} groups at a time.`,
};

export type Messages = typeof messagesEn;

export const messagesIn = (lang: Lang): Messages => (lang === 'zh' ? messagesZh : messagesEn);

/** the page's language in the browser (<html lang="zh-CN">), English in Node */
const pageLang = (): Lang => (typeof document !== 'undefined' && document.documentElement?.lang?.startsWith('zh') ? 'zh' : 'en');

export const messages: Messages = messagesIn(pageLang());
