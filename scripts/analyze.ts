// `npm run analyze -- <data.csv|data.parquet> --codebook <codebook.yaml|json> [--format json|table]`
// Prints reliability, validity, descriptives and (when the codebook pairs them) training-needs tables.
// Thin: reading the file is I/O (DuckDB); every statistic comes from src/lib/stats. The rows are
// streamed once through one-pass sums (src/lib/stats/moments.ts), so memory does not grow with them.
import { existsSync, statSync } from 'node:fs';
import { loadCodebook } from '../src/lib/codebook/load.ts';
import { analyzeMoments, formatTables, momentsFor } from '../src/lib/stats/analyze.ts';
import { openDuck, rows, lit, ident } from '../src/lib/data/duck.ts';
import { analysisColumns, badValuesMessage, columnRules, DataCheckError, missingNote, ruleSQL, type MissingSummary } from '../src/lib/stats/check.ts';
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
  // Only the columns the codebook's scales use are read, checked in SQL, then streamed as numbers
  // into one-pass sums (memory grows with the number of those columns, not with the file). CSV
  // cells are read as text so that the check sees exactly what the file says.
  const source = /\.parquet$/i.test(file) ? `read_parquet(${lit(file)})` : `read_csv(${lit(file)}, header = true, all_varchar = true)`;
  let header: string[];
  try {
    header = (await rows<{ column_name: string }>(conn, `DESCRIBE SELECT * FROM ${source}`)).map((r) => r.column_name);
  } catch (e) {
    throw new DataCheckError(`could not read ${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  const wanted = analysisColumns(codebook);
  const absent = wanted.filter((c) => !header.includes(c));
  if (absent.length) throw new DataCheckError(`the data has no column(s) ${absent.slice(0, 10).join(', ')}${absent.length > 10 ? ` and ${absent.length - 10} more` : ''} that the codebook's scales use (its header: ${header.slice(0, 8).join(', ')}${header.length > 8 ? ', …' : ''})`);
  const extra = args.missing ? String(args.missing).split(',').map((x) => x.trim()).filter(Boolean) : [];
  const rules = columnRules(codebook, extra);
  const sql = rules.map((r) => ({ r, x: ruleSQL(r, ident) }));
  // 1. check every value in SQL (nothing is loaded into JavaScript yet)
  const counts = (
    await rows<Record<string, number>>(
      conn,
      `SELECT count(*)::DOUBLE AS n, ${sql
        .map(({ r, x }, i) => [`count(*) FILTER (WHERE ${x.bad})::DOUBLE AS bad_${i}`, `count(*) FILTER (WHERE ${x.empty})::DOUBLE AS empty_${i}`, ...r.codes.map((c, j) => `count(*) FILTER (WHERE NOT ${x.empty} AND ${x.code(c)})::DOUBLE AS code_${i}_${j}`)].join(', '))
        .join(', ')} FROM ${source}`,
    )
  )[0];
  const n = Number(counts.n);
  if (n === 0) throw new DataCheckError('the file has no data rows (empty, or a header only)');
  const bad = [];
  for (const [i, { r, x }] of sql.entries()) {
    const count = Number(counts[`bad_${i}`]);
    if (!count) continue;
    const first = await rows<{ rn: number; v: string }>(conn, `SELECT rn::DOUBLE AS rn, v FROM (SELECT row_number() OVER () AS rn, ${x.text} AS v, ${x.bad} AS bad FROM ${source}) WHERE bad ORDER BY rn LIMIT 5`);
    bad.push({ rule: r, count, first: first.map((f) => ({ row: Number(f.rn), value: String(f.v) })) });
  }
  if (bad.length) throw new DataCheckError(badValuesMessage(bad));
  const missing: MissingSummary = { total: 0, byReason: {}, byColumn: {} };
  for (const [i, { r }] of sql.entries()) {
    const add = (reason: string, k: number) => {
      if (!k) return;
      missing.total += k;
      missing.byReason[reason] = (missing.byReason[reason] ?? 0) + k;
      missing.byColumn[r.column] = (missing.byColumn[r.column] ?? 0) + k;
    };
    add('empty', Number(counts[`empty_${i}`]));
    r.codes.forEach((c, j) => add(`missing code ${c}`, Number(counts[`code_${i}_${j}`])));
  }
  // 2. stream the checked values through one-pass sums (memory grows with the items, not the respondents)
  const moments = momentsFor(codebook);
  const valueOf = new Map(sql.map(({ r, x }) => [r.column, x.value]));
  const result = await conn.stream(`SELECT ${moments.names.map((c) => `CAST(${valueOf.get(c)} AS DOUBLE) AS ${ident(c)}`).join(', ')} FROM ${source}`);
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) moments.addColumns(chunk.getColumns() as (number | null)[][], chunk.rowCount);
  if (moments.rows !== n) throw new Error(`read ${moments.rows} rows while checking ${n}`);
  console.error(`analyze: ${n} respondents; ${missingNote(missing)}`);
  const report = analyzeMoments(moments, codebook);
  console.log(args.format === 'table' ? `${formatTables(report)}\n\n${missingNote(missing)}` : JSON.stringify({ ...report, missing }, null, 2));
} catch (e) {
  fail((e as Error).message, 1);
}
