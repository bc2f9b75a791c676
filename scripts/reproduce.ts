// `npm run reproduce [-- --raw data/raw/synthetic --out reproduce]`
// Rebuilds the published data from raw, writes every figure's rows (default view) to CSV under
// one folder, recomputes key figures' numbers with the statistics module from the microdata —
// independently of the figures' SQL — and exits non-zero if any disagree.
import { mkdirSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { loadCodebook } from '../src/lib/codebook/load.ts';
import { buildData } from '../src/lib/data/build.ts';
import { generateSurvey } from '../src/lib/synthetic/generate.ts';
import { nodeClient } from '../src/lib/db/node.ts';
import { suppressSmallCells, toCSV } from '../src/lib/figures/rows.ts';
import type { FigureDef } from '../src/lib/figures/types.ts';
import { figureSQL } from '../src/lib/figures/sql.ts';
import { multiselectOptions } from '../src/lib/figures/lists.ts';
import { mean, borich, wilson } from '../src/lib/stats/index.ts';
import { recoveryChecks } from '../src/lib/model/recovery.ts';
import { parseArgs } from './args.ts';

const args = parseArgs(process.argv.slice(2), { raw: 'data/raw/synthetic', data: 'public/data', out: 'reproduce', codebook: 'data/codebook.yaml' });
const codebook = loadCodebook(args.codebook);
if (!existsSync(path.join(args.raw, 'respondents.csv'))) await generateSurvey({ seed: 42, respondents: 3000, outDir: args.raw, codebook });
const { manifest } = await buildData({ rawDir: args.raw, outDir: args.data, codebook });
console.log(`[reproduce] rebuilt ${args.data} from ${args.raw}`);

const db = nodeClient(args.data);
// figures read the published (effective) codebook: lists of barriers, scales, … come from it
const published = loadCodebook(path.join(args.data, 'codebook.json'));
mkdirSync(args.out, { recursive: true });
const defs: FigureDef[] = [];
for (const id of readdirSync('src/figures', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
  defs.push((await import(`../src/figures/${id}/figure.ts`)).figure);
}
const rowsOf: Record<string, Record<string, any>[]> = {};
for (const def of defs) {
  const params = Object.fromEntries(def.params.map((p) => [p.name, p.default]));
  rowsOf[def.id] = suppressSmallCells(def, await db.query(figureSQL(def, published), params), codebook.k);
  writeFileSync(path.join(args.out, `${def.id}.csv`), toCSV(def, rowsOf[def.id]));
}
console.log(`[reproduce] wrote the rows of ${defs.length} figures to ${args.out}/`);

// ---- independent recomputation from the microdata with the statistics module ----
const resp = await db.query<Record<string, any>>('SELECT * FROM respondents');
const failures: string[] = [];
let checked = 0;
const same = (what: string, a: number, b: number, tol = 1e-9) => {
  checked++;
  if (!(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)))) failures.push(`${what}: figure ${a} ≠ recomputed ${b}`);
};
const score = (r: Record<string, any>, scale: string) => r[`score_${scale}`] as number | null;

// competency-profile and borich-ranking: per competency means and MWDS from respondent scale scores
const comps = codebook.competencies.map((c) => c.id);
const pairs = resp.map((r) => comps.map((c) => [score(r, `imp_${c}`), score(r, `pro_${c}`)] as const));
const b = borich(pairs.map((p) => p.map((x) => x[0])), pairs.map((p) => p.map((x) => x[1])));
comps.forEach((c, j) => {
  const fig = rowsOf['competency-profile'].find((r) => r.competency === c)!;
  same(`competency-profile ${c} proficiency`, fig.proficiency, b[j].meanProficiency);
  same(`competency-profile ${c} importance`, fig.importance, b[j].meanImportance);
  same(`competency-profile ${c} n`, fig.n, b[j].n);
  const bor = rowsOf['borich-ranking'].find((r) => r.competency === c)!;
  same(`borich-ranking ${c} MWDS`, bor.mwds, b[j].mwds);
  same(`borich-ranking ${c} rank`, bor.priority, b[j].rank);
});
// turnover-by-group (age_band): group means. The figure reads the protected aggregate table, built
// from the full records; recompute from the raw survey itself (items → score → mean), in TypeScript.
{
  const rawRows = (await nodeClient(args.data).query<Record<string, any>>(
    `SELECT age, ti_1, ti_2, ti_3 FROM read_csv('${path.join(args.raw, 'respondents.csv').replace(/'/g, "''")}', header = true, all_varchar = true)`,
  ));
  const turnover = codebook.scales.find((s) => s.score === 'score_turnover')!;
  const band = (age: number) => codebook.variables.find((v) => v.name === 'age')!.generalise!.bands!.find(([lo, hi]) => age >= lo && age <= hi)?.[2];
  for (const row of rowsOf['turnover-by-group']) {
    if (row.suppressed) continue;
    const xs = rawRows
      .filter((r) => r.age !== null && band(Number(r.age)) === row.grp)
      .map((r) => turnover.items.map((it) => (r[it] === null || r[it] === '' ? NaN : turnover.reverse.includes(it) ? turnover.min + turnover.max - Number(r[it]) : Number(r[it]))))
      .filter((v) => v.every(Number.isFinite))
      .map((v) => v.reduce((a, b) => a + b, 0) / v.length);
    same(`turnover-by-group ${row.grp} (from the raw survey)`, row.turnover, mean(xs), 1e-9);
    same(`turnover-by-group ${row.grp} n`, row.n, xs.length);
  }
}
// training-barriers: shares (Wilson bounds too); its rows are the codebook's barrier options, by column name
const barrierCols = multiselectOptions(codebook, 'barriers');
if (rowsOf['training-barriers'].length !== barrierCols.length) failures.push(`training-barriers: ${rowsOf['training-barriers'].length} rows for ${barrierCols.length} barriers in the codebook`);
// the figure reads the protected table (from the full records): recompute from the raw survey
const rawBarriers = await db.query<Record<string, any>>(
  `SELECT ${barrierCols.join(', ')} FROM read_csv('${path.join(args.raw, 'respondents.csv').replace(/'/g, "''")}', header = true, all_varchar = true)`,
);
for (const row of rowsOf['training-barriers']) {
  if (row.suppressed) continue;
  const xs = rawBarriers.map((r) => r[row.barrier]).filter((v) => v !== null && v !== '').map(Number);
  const w = wilson(xs.filter((v) => v === 1).length, xs.length);
  same(`training-barriers ${row.barrier} share`, row.share, w.p);
  same(`training-barriers ${row.barrier} Wilson low`, row.lo, w.lo, 1e-4); // SQL uses z = 1.96, the module the exact quantile
}
// the generator's truth is recovered
if (manifest.source.kind === 'synthetic') {
  for (const c of await recoveryChecks((sql) => db.query(sql), manifest.source.truth)) {
    checked++;
    if (!c.recovered) failures.push(`recovery: ${c.check}: truth ${c.truth}, estimate ${c.estimate}`);
  }
}
if (failures.length) {
  console.error(`[reproduce] FAILED: ${failures.length} of ${checked} checks disagree:\n  - ${failures.join('\n  - ')}`);
  process.exit(1);
}
console.log(`[reproduce] OK: ${checked} numbers recomputed independently of SQL agree with the figures (and the generator's truth is recovered).`);
