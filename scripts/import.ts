// `npm run data:import -- <export.csv|export.xlsx> --mapping <mapping.yaml> [--out data/raw/import]`
// Turns a real survey export into the canonical raw CSV; then `npm run data:build -- --raw <out>`.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { loadCodebook } from '../src/lib/codebook/load.ts';
import { importExport, ImportFailed, toCanonicalCSV } from '../src/lib/data/import.ts';
import { parseArgs } from './args.ts';

const args = parseArgs(process.argv.slice(2), { out: 'data/raw/import', codebook: 'data/codebook.yaml' });
const file = args._[0];
if (!file || !args.mapping) {
  console.error('usage: npm run data:import -- <export.csv|xlsx> --mapping <mapping.yaml> [--out data/raw/import]');
  process.exit(2);
}
for (const f of [file, args.mapping]) if (!existsSync(f)) { console.error(`data:import: no such file ${f}`); process.exit(2); }
try {
  const res = importExport(readFileSync(file), file, readFileSync(args.mapping, 'utf8'), args.mapping, loadCodebook(args.codebook));
  mkdirSync(args.out, { recursive: true });
  writeFileSync(path.join(args.out, 'respondents.csv'), toCanonicalCSV(res));
  // source.json stays in the (private) raw folder: the build reads absent variables, frame labels and the survey's description from it
  writeFileSync(path.join(args.out, 'source.json'), JSON.stringify({ kind: 'import', ...res.source, file: path.basename(file), ...res.meta }, null, 2) + '\n');
  const report = {
    export: path.basename(file),
    respondents: res.rows.length,
    unmappedColumns: res.meta.unmapped,
    absent: res.meta.absent,
    newFrameValues: res.meta.frame,
  };
  writeFileSync(path.join(args.out, 'import-report.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(`[data:import] ${res.rows.length} respondents → ${path.join(args.out, 'respondents.csv')}`);
  if (res.meta.unmapped.length) console.log(`[data:import] ${res.meta.unmapped.length} export column(s) not named by the mapping (not read, never published):\n` + res.meta.unmapped.map((u) => `  - ${u.column}: ${u.note}`).join('\n'));
  if (res.meta.absent.length) console.log(`[data:import] ${res.meta.absent.length} codebook variable(s) not asked in this survey (published as "not measured"): ${res.meta.absent.join(', ')}`);
  for (const [name, values] of Object.entries(res.meta.frame)) console.log(`[data:import] ${name}: ${values.length} value(s) not in the codebook, labelled ${values.map((v) => `${v.code}=${v.label.zh}`).join(', ')}`);
  console.log(`[data:import] report: ${path.join(args.out, 'import-report.json')}; next: npm run data:build -- --raw ${args.out}`);
} catch (e) {
  if (e instanceof ImportFailed) {
    console.error(`[data:import] ${e.message}`);
    process.exit(1);
  }
  throw e;
}
