// `npm run analyze -- <data.csv|data.parquet> --codebook <codebook.yaml|json> [--format json|table]`
// Prints reliability, validity, descriptives and (when the codebook pairs them) training-needs tables.
// Thin: reading the file is I/O (DuckDB); every statistic comes from src/lib/stats.
import { existsSync, statSync } from 'node:fs';
import { loadCodebook } from '../src/lib/codebook/load.ts';
import { analyze, formatTables } from '../src/lib/stats/analyze.ts';
import { openDuck, rows, lit, ident } from '../src/lib/data/duck.ts';
import { analysisColumns, checkValues, DataCheckError, missingNote } from '../src/lib/stats/check.ts';
import { parseArgs } from './args.ts';

const usage = 'usage: npm run analyze -- <data.csv|data.parquet> --codebook <codebook.yaml|json> [--format json|table] [--missing -9,-8]';
const fail = (msg: string, code = 2): never => {
  console.error(`analyze: ${msg}`);
  process.exit(code);
};
const args = parseArgs(process.argv.slice(2), { format: 'json' });
const file = args._[0];
if (!file || !args.codebook) fail(usage);
if (args.format !== 'json' && args.format !== 'table') fail(`--format must be json or table, got ${args.format}\n${usage}`);
if (!existsSync(file)) fail(`no such file ${file}`);
if (!existsSync(args.codebook)) fail(`no such codebook ${args.codebook}`);
if (statSync(file).size === 0) fail(`${file} is empty: the file has no data rows`, 1);

try {
  const codebook = loadCodebook(args.codebook);
  const conn = await openDuck();
  // Only the columns the codebook's scales use are read (memory grows with them, not with the file);
  // CSV cells are read as text so that checkValues() sees exactly what the file says.
  const source = /\.parquet$/i.test(file) ? `read_parquet(${lit(file)})` : `read_csv(${lit(file)}, header = true, all_varchar = true)`;
  let header: string[];
  try {
    header = (await rows<{ column_name: string }>(conn, `DESCRIBE SELECT * FROM ${source}`)).map((r) => r.column_name);
  } catch (e) {
    throw new DataCheckError(`could not read ${file}: ${(e as Error).message.split('\n')[0]} (is it empty?)`);
  }
  const wanted = analysisColumns(codebook);
  const absent = wanted.filter((c) => !header.includes(c));
  if (absent.length) throw new DataCheckError(`the data has no column(s) ${absent.slice(0, 10).join(', ')}${absent.length > 10 ? ` and ${absent.length - 10} more` : ''} that the codebook's scales use (its header: ${header.slice(0, 8).join(', ')}${header.length > 8 ? ', …' : ''})`);
  const data = await rows(conn, `SELECT ${wanted.map(ident).join(', ')} FROM ${source}`);
  const extra = args.missing ? String(args.missing).split(',').map((x) => x.trim()).filter(Boolean) : [];
  const checked = checkValues(data, codebook, extra);
  data.length = 0;
  console.error(`analyze: ${checked.rows.length} respondents; ${missingNote(checked.missing)}`);
  const report = analyze(checked.rows, codebook);
  console.log(args.format === 'table' ? `${formatTables(report)}\n\n${missingNote(checked.missing)}` : JSON.stringify({ ...report, missing: checked.missing }, null, 2));
} catch (e) {
  fail((e as Error).message, 1);
}
