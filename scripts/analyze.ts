// `npm run analyze -- <data.csv|data.parquet> --codebook <codebook.yaml|json> [--format json|table]`
// Prints reliability, validity, descriptives and (when the codebook pairs them) training-needs tables.
// Thin: reading the file is I/O (DuckDB); every statistic comes from src/lib/stats.
import { existsSync } from 'node:fs';
import { loadCodebook } from '../src/lib/codebook/load.ts';
import { analyze, formatTables } from '../src/lib/stats/analyze.ts';
import { openDuck, rows, lit } from '../src/lib/data/duck.ts';
import { parseArgs } from './args.ts';

const usage = 'usage: npm run analyze -- <data.csv|data.parquet> --codebook <codebook.yaml|json> [--format json|table]';
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

try {
  const codebook = loadCodebook(args.codebook);
  const conn = await openDuck();
  // DuckDB sniffs column types; analyze() also accepts numbers given as text
  const source = /\.parquet$/i.test(file) ? `read_parquet(${lit(file)})` : `read_csv(${lit(file)}, header = true)`;
  const data = await rows(conn, `SELECT * FROM ${source}`);
  const report = analyze(data, codebook);
  console.log(args.format === 'table' ? formatTables(report) : JSON.stringify(report, null, 2));
} catch (e) {
  fail((e as Error).message, 1);
}
