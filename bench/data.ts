// `npx tsx bench/data.ts [--sizes 10000,100000,1000000] [--seed 42]`: times the synthetic
// generator and prints generation time, peak memory (RSS) and CSV size per size.
// Figures are printed, never asserted. Each size runs in its own child process so that the
// peak RSS (a process high-water mark) belongs to that size alone.
// `benchGenerate(n)` is exported so other benches (bench/build.ts, bench/run.ts) can reuse it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from '../scripts/args.ts';

export interface GenerateBench {
  respondents: number;
  seed: number;
  /** wall time of the generate script as it reports it (codebook load + generation + write) */
  generateSeconds: number;
  /** peak RSS of the generating process */
  peakRssMB: number;
  csvBytes: number;
  /** directory holding respondents.csv and truth.json when `keep` is set */
  dir?: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function benchGenerate(n: number, opts: { seed?: number; keep?: boolean } = {}): GenerateBench {
  const seed = opts.seed ?? 42;
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-gen-${n}-`));
  try {
    const out = execFileSync('npx', ['tsx', 'scripts/generate.ts', '--respondents', String(n), '--seed', String(seed), '--out', dir], {
      cwd: root,
      encoding: 'utf8',
    });
    // scripts/generate.ts prints "... in <s> s, peak RSS <MB> MB"
    const grab = (re: RegExp) => Number(re.exec(out)?.[1] ?? NaN);
    return {
      respondents: n,
      seed,
      generateSeconds: grab(/in ([\d.]+) s/),
      peakRssMB: grab(/peak RSS (\d+) MB/),
      csvBytes: statSync(path.join(dir, 'respondents.csv')).size,
      dir: opts.keep ? dir : undefined,
    };
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2), { sizes: '10000,100000,1000000', seed: '42' });
  console.log('respondents   generate_s  peak_RSS_MB  csv_MB');
  for (const n of args.sizes.split(',').map(Number)) {
    const r = benchGenerate(n, { seed: Number(args.seed) });
    console.log(
      [String(n).padEnd(13), String(r.generateSeconds).padEnd(11), String(r.peakRssMB).padEnd(12), (r.csvBytes / 1048576).toFixed(2)].join(' '),
    );
  }
}
