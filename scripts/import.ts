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
  writeFileSync(path.join(args.out, 'source.json'), JSON.stringify({ kind: 'import', ...res.source, file: path.basename(file) }, null, 2) + '\n');
  console.log(`[data:import] ${res.rows.length} respondents → ${path.join(args.out, 'respondents.csv')}; next: npm run data:build -- --raw ${args.out}`);
} catch (e) {
  if (e instanceof ImportFailed) {
    console.error(`[data:import] ${e.message}`);
    process.exit(1);
  }
  throw e;
}
