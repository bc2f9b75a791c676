// Every number in the prose is computed at build time: build the site from two surveys with
// different seeds and the <Stat> numbers change with the data (and equal DuckDB on each data set).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCodebook } from '../../src/lib/codebook/load.ts';
import { generateSurvey } from '../../src/lib/synthetic/generate.ts';
import { buildData } from '../../src/lib/data/build.ts';
import { openDuck, rows } from '../../src/lib/data/duck.ts';

const codebook = loadCodebook('data/codebook.yaml');

async function siteFor(seed: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `prose-${seed}-`));
  await generateSurvey({ seed, respondents: 1500, outDir: path.join(dir, 'raw'), codebook });
  await buildData({ rawDir: path.join(dir, 'raw'), outDir: path.join(dir, 'data'), codebook });
  execFileSync('npx', ['astro', 'build'], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', REPORT_DATA_DIR: path.join(dir, 'data'), REPORT_OUT_DIR: path.join(dir, 'dist') },
    stdio: 'ignore',
  });
  const html = readFileSync(path.join(dir, 'dist/chapters/07-careers/index.html'), 'utf8');
  const stats = [...html.matchAll(/<span class="stat"[^>]*>([^<]*)<\/span>/g)].map((m) => m[1]);
  const conn = await openDuck();
  const [{ v }] = await rows<{ v: number }>(conn, `SELECT avg(score_turnover) AS v FROM read_parquet('${path.join(dir, 'data/respondents.parquet')}')`);
  return { stats, turnover: v };
}

describe('prose numbers follow the data', () => {
  it('change with the seed and equal DuckDB on each build', async () => {
    const a = await siteFor(101);
    const b = await siteFor(202);
    expect(a.stats.length).toBeGreaterThan(3);
    expect(a.stats).not.toEqual(b.stats);
    // the first number in the careers chapter is the mean turnover intention
    expect(a.stats[0]).toBe(a.turnover.toFixed(2));
    expect(b.stats[0]).toBe(b.turnover.toFixed(2));
  }, 240_000);
});
