// `npm run analyze -- <data.csv|data.parquet> --codebook <codebook.yaml|json> [--format json|table]`
// Prints reliability, validity, descriptives and (when the codebook pairs them) training-needs tables.
import { existsSync } from 'node:fs';
import { loadCodebook } from '../src/lib/codebook/load.ts';
import { analyze, formatTables } from '../src/lib/stats/analyze.ts';
import { openDuck, rows, lit } from '../src/lib/data/duck.ts';
import { parseArgs } from './args.ts';

const args = parseArgs(process.argv.slice(2), { format: 'json' });
const file = args._[0];
if (!file || !args.codebook) {
  console.error('usage: npm run analyze -- <data.csv|data.parquet> --codebook <codebook.yaml> [--format json|table]');
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`analyze: no such file ${file}`);
  process.exit(2);
}
const codebook = loadCodebook(args.codebook);
const conn = await openDuck();
const source = file.endsWith('.parquet') ? `read_parquet(${lit(file)})` : `read_csv(${lit(file)}, header = true)`;
const data = await rows(conn, `SELECT * FROM ${source}`);
try {
  const report = analyze(data, codebook);
  console.log(args.format === 'table' ? formatTables(report) : JSON.stringify(report, null, 2));
} catch (e) {
  console.error(`analyze: ${(e as Error).message}`);
  process.exit(1);
}
