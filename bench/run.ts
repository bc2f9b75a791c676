// `npm run bench [-- --sizes 10000,100000,1000000] [--skip-site] [--raw-cache DIR]`: prints, per size,
// generation and build time, peak memory and Parquet size; then, for a chapter page served
// locally, JS loaded before interaction, DuckDB-WASM start, re-query-and-redraw times and bytes
// read per query. Figures are printed, never asserted. `--warm-only`: the site part times only the warm
// re-query + redraw per figure kind (with a step breakdown) and /compare/; `--data-cache DIR` takes the
// data of size n from DIR/data-<n> when it is there (built by an earlier `data:build --out DIR/data-<n>`). `--raw-cache DIR` keeps the generated raw survey
// of each size in DIR/<size> and reuses it on the next run (generation is then not timed).
// Then Lighthouse (bench/lighthouse.ts) per page kind, mobile and desktop presets: `--lighthouse-only` runs
// it alone, `--skip-lighthouse` leaves it out; `--lighthouse-runs N` (default 3), `--lighthouse-pages
// kinds|all|/a/,/b/` (default kinds: one page of each kind, en and zh), `--lighthouse-presets mobile,desktop`,
// `--lighthouse-json DIR` (keep the full reports), `--lighthouse-dist DIR` (another build, e.g. a copy of an older dist/).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, cpSync, existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from '../scripts/args.ts';
import { benchSite } from './site.ts';
import { benchLighthouse, type Preset } from './lighthouse.ts';

const args = parseArgs(process.argv.slice(2), { sizes: '10000,100000,1000000' });
const lighthouseOnly = args['lighthouse-only'] === 'true';
const sizes = lighthouseOnly ? [] : args.sizes.split(',').map(Number).filter((n) => n > 0);
const tsx = (script: string, a: string[]) =>
  execFileSync('npx', ['tsx', script, ...a], { encoding: 'utf8', env: { ...process.env }, maxBuffer: 1 << 26 });
const grab = (text: string, re: RegExp) => Number(re.exec(text)?.[1] ?? NaN);

const dataDirs: Record<number, string> = {};
if (sizes.length) console.log('\n== Data: generate + build ==');
if (sizes.length) console.log('respondents   generate_s  gen_peak_MB  csv_MB   build_s  build_cpu_s  anonymise_s  aggregates_s  build_peak_MB  respondents.parquet_MB  respondents.csv_MB  published_MB');
for (const n of sizes) {
  // --data-cache DIR: the data built earlier for this size in DIR/data-<n> (nothing generated or built, nothing timed)
  const built = args['data-cache'] ? path.join(args['data-cache'], `data-${n}`) : '';
  if (built && existsSync(path.join(built, 'respondents.parquet'))) {
    dataDirs[n] = built;
    console.log(`${String(n).padEnd(13)} (data from ${built}: not timed)`);
    continue;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-${n}-`));
  const raw = args['raw-cache'] ? path.join(args['raw-cache'], String(n)) : path.join(dir, 'raw');
  const out = path.join(dir, 'data');
  const cached = args['raw-cache'] && existsSync(path.join(raw, 'respondents.csv'));
  const g = cached ? 'cached' : tsx('scripts/generate.ts', ['--respondents', String(n), '--out', raw]);
  const b = tsx('scripts/build-data.ts', ['--raw', raw, '--out', out]);
  dataDirs[n] = out;
  const mb = (f: string) => (statSync(f).size / 1048576).toFixed(2);
  console.log(
    [
      String(n).padEnd(13),
      (cached ? 'cached' : String(grab(g, /in ([\d.]+) s/))).padEnd(11),
      String(grab(g, /peak RSS (\d+) MB/)).padEnd(12),
      mb(path.join(raw, 'respondents.csv')).padEnd(8),
      String(grab(b, /\(([\d.]+) s,/)).padEnd(8),
      String(grab(b, /cpu ([\d.]+) s/)).padEnd(12),
      String(grab(b, /anonymise ([\d.]+) s/)).padEnd(12),
      String(grab(b, /aggregates ([\d.]+) s/)).padEnd(13),
      String(grab(b, /peak RSS (\d+) MB/)).padEnd(14),
      mb(path.join(out, 'respondents.parquet')).padEnd(23),
      mb(path.join(out, 'respondents.csv')).padEnd(19),
      // everything the build publishes (the manifest's files)
      (JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')).files.reduce((a: number, f: { bytes: number }) => a + f.bytes, 0) / 1048576).toFixed(2),
    ].join(' '),
  );
}

if (args['warm-only']) process.env.BENCH_WARM_ONLY = '1';
if (!args['skip-site'] && !lighthouseOnly) {
  if (!existsSync('dist/index.html')) throw new Error('build the site first: npm run build:all');
  console.log(`\n== Site, per page kind (the default build's data, then larger data swapped in); uptime: ${execFileSync('uptime', { encoding: 'utf8' }).trim()} ==`);
  const port0 = Number(process.env.BENCH_PORT ?? 4411);
  await benchSite('public/data', 'default build', port0);
  let port = port0 + 1;
  for (const n of sizes.filter((s) => s >= 100000)) await benchSite(dataDirs[n], `${n} respondents`, port++);
}

if (!args['skip-lighthouse'] && (lighthouseOnly || !args['skip-site'])) {
  if (!existsSync('dist/index.html')) throw new Error('build the site first: npm run build:all');
  await benchLighthouse({
    pages: args['lighthouse-pages'] ?? 'kinds',
    presets: (args['lighthouse-presets'] ?? 'mobile,desktop').split(',') as Preset[],
    runs: Number(args['lighthouse-runs'] ?? 3),
    port: Number(process.env.BENCH_LH_PORT ?? (Number(process.env.BENCH_PORT ?? 4411) + 20)),
    saveDir: args['lighthouse-json'],
    root: args['lighthouse-dist'],
  });
}
