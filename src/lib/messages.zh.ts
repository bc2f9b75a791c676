/**
 * Chinese twin of messages.ts (same keys and arguments; the type checker keeps them in step).
 * Technical names (WebAssembly, HTTP, DuckDB, LIMIT, Parquet, CSV) stay as they are.
 */
import type { Messages } from './messages.ts';

const ECHO_MAX = 80;
const echo = (value: string, max = ECHO_MAX): string => {
  const chars = [...value];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : value;
};
const list = (xs: string[]) => xs.map((x) => echo(x)).join('、');

export const messagesZh: Messages = {
  // engine (DuckDB-WASM) start and faults
  engineNoWasm: '此浏览器无法运行 WebAssembly，因此无法在此查询数据。',
  engineFileMissing: (what: string, status: number | string) => `查询引擎未能加载（${what}：HTTP ${status}）。`,
  engineWorkerFailed: (detail: string) => `查询引擎未能启动（${detail}）。`,
  engineStartTimeout: (s: number) => `查询引擎未在 ${s} 秒内启动。`,
  engineCrashed: (detail: string) => `查询引擎意外停止（${detail}），已重新启动。`,
  engineTimedOut: (s: number) => `查询未在 ${s} 秒内完成，引擎已停止并重新启动。`,
  interactiveUnavailable: '本页的交互部分未能加载；图表显示的是发布时的默认视图。',
  figureFailed: (detail: string) => `无法更新此图：${detail}。图表显示的是发布时的默认视图。`,
  figureEngineFailed: (detail: string) => `无法更新此图：${detail}图表显示的是发布时的默认视图。`,
  // SQL console
  consoleStarting: '正在启动 DuckDB……',
  consoleRunning: '正在运行……',
  consoleEmpty: '请先输入查询。',
  consoleFromLink: '此查询来自链接。请先阅读，再按“运行”执行。',
  consoleCancelled: '查询已取消。',
  consoleTooLong: (n: number, max: number) => `此查询长 ${n} 个字符；控制台最多接受 ${max} 个字符。`,
  consoleRefusedStatement: (word: string) => `此控制台不允许 ${word}：它只能读取已发布的数据。`,
  consoleRefusedFile: (what: string) => `此控制台不允许读取文件或网址（${what}）：请使用视图 respondents 和 competency。`,
  consoleRefusedPublished: (name: string) => `已发布的视图 ${name} 不能删除或更改。`,
  consoleOneStatement: '一次只能运行一条语句。',
  consoleViewsRestored: '已发布的视图已恢复。',
  consoleRows: (total: number, ms: string) => `${total} 行，用时 ${ms} 毫秒。`,
  consoleRowsCut: (limit: number, ms: string) => `超过 ${limit} 行，用时 ${ms} 毫秒；仅显示前 ${limit} 行。可加 LIMIT 或聚合以减少行数，或下载 Parquet 文件处理全部行。`,
  consoleTooBig: (mb: number) => `结果大于 ${mb} MB；仅显示已收到的部分。请聚合或少选几列。`,
  consoleCellsCut: (max: number) => `屏幕上过长的值截断为 ${max} 个字符（以 … 标出）；CSV 下载中为完整值。`,
  consoleError: (detail: string) => `错误：${detail}`,
  // without JavaScript
  noscriptFigure: '这些控件需要 JavaScript；未启用时，图表和表格显示发布时的默认视图。',
  noscriptConsole: 'SQL 控制台需要 JavaScript（它在浏览器中运行 DuckDB）。未启用时，请在“数据”页下载数据。',
  noscriptCompare: '选择组别和排序需要 JavaScript；未启用时，本页显示默认比较。',
  // URL state
  ignoredSettings: (xs: string[]) => `已忽略无效设置 ${list(xs)}；显示默认视图。`,
  compareIgnored: (xs: string[]) => `已忽略无效设置：${list(xs)}。`,
  compareDuplicate: (xs: string[]) => `每个组只能选一次；已忽略重复的 ${list(xs)}。`,
  compareTooMany: (max: number, dropped: string[]) => `一次最多比较 ${max} 组；未纳入 ${list(dropped)}。`,
  compareTooFew: '请至少选择两组进行比较。',
  compareAtMost: (max: number) => `一次最多比较 ${max} 组。`,
};
