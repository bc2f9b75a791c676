// `npx tsx bench/build.ts [n=10000]`: times `buildData` (validate → anonymise → Parquet) on a
// freshly generated synthetic survey of n respondents and prints build time, peak memory and
// Parquet sizes. Figures are printed, never asserted.
// The survey is generated in a child process so that this process's peak RSS measures the build
// (plus the Node/DuckDB baseline, reported separately), not the generator.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCodebook } from '../src/lib/codebook/load.ts';
import { buildData } from '../src/lib/data/build.ts';

export interface BuildBench {
  respondents: number;
  csvBytes: number;
  buildSeconds: number;
  /** process peak RSS after the build (maxRSS is a high-water mark, so it includes the baseline) */
  peakRssMB: number;
  /** RSS before the build started: Node + tsx + DuckDB module loaded */
  baselineRssMB: number;
  parquetBytes: Record<string, number>;
  recordsPublished: number;
  cellSuppressionRate: number;
  anonymiseSeconds: number;
  aggregatesSeconds: number;
  worstViewShare: number;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function benchBuild(n: number, opts: { seed?: number; keep?: boolean } = {}): Promise<BuildBench> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-build-${n}-`));
  const raw = path.join(dir, 'raw');
  const out = path.join(dir, 'data');
  try {
    execFileSync('npx', ['tsx', 'scripts/generate.ts', '--respondents', String(n), '--seed', String(opts.seed ?? 42), '--out', raw], {
      cwd: root,
      stdio: 'ignore',
    });
    const codebook = loadCodebook(path.join(root, 'data/codebook.yaml'));
    const baselineRssMB = process.memoryUsage().rss / 1048576;
    const t0 = performance.now();
    const { manifest, disclosure, timings } = await buildData({ rawDir: raw, outDir: out, codebook });
    const buildSeconds = (performance.now() - t0) / 1000;
    const parquetBytes: Record<string, number> = {};
    for (const f of manifest.files) if (f.name.endsWith('.parquet')) parquetBytes[f.name] = f.bytes;
    return {
      respondents: n,
      csvBytes: statSync(path.join(raw, 'respondents.csv')).size,
      buildSeconds,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      baselineRssMB,
      parquetBytes,
      recordsPublished: disclosure.recordsPublished,
      cellSuppressionRate: disclosure.cellSuppressionRate,
      anonymiseSeconds: timings['anonymise microdata'] ?? 0,
      aggregatesSeconds: timings['protected aggregates'] ?? 0,
      worstViewShare: disclosure.aggregates?.worstViewShare ?? 0,
    };
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 10000);
  const r = await benchBuild(n);
  const mb = (b: number) => (b / 1048576).toFixed(2);
  console.log(
    `[bench:build] ${r.respondents} respondents (CSV ${mb(r.csvBytes)} MB): build ${r.buildSeconds.toFixed(2)} s ` +
      `(anonymise microdata ${r.anonymiseSeconds.toFixed(2)} s, protected aggregates ${r.aggregatesSeconds.toFixed(2)} s), ` +
      `peak RSS ${r.peakRssMB.toFixed(0)} MB (baseline ${r.baselineRssMB.toFixed(0)} MB); ` +
      Object.entries(r.parquetBytes).map(([f, b]) => `${f} ${mb(b)} MB`).join(', ') +
      `; ${r.recordsPublished} published, ${(r.cellSuppressionRate * 100).toFixed(1)}% QI cells suppressed, worst group view withholds ${(r.worstViewShare * 100).toFixed(1)}%`,
  );
}
