// `npm run data:build -- [--raw data/raw/synthetic] [--out public/data] [--k 5] [--generate-if-missing]`
// raw canonical CSV → validate → anonymise → Parquet + codebook.json + manifest.json + disclosure.json
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadCodebook } from '../src/lib/codebook/load.ts';
import { buildData } from '../src/lib/data/build.ts';
import { ValidationFailed } from '../src/lib/data/validate.ts';
import { generateSurvey } from '../src/lib/synthetic/generate.ts';
import { parseArgs } from './args.ts';

const args = parseArgs(process.argv.slice(2), { raw: 'data/raw/synthetic', out: 'public/data', codebook: 'data/codebook.yaml' });
const codebook = loadCodebook(args.codebook);
if (args['generate-if-missing'] && !existsSync(path.join(args.raw, 'respondents.csv'))) {
  console.log(`[data:build] no raw data in ${args.raw}: generating the synthetic survey (seed 42, 3000 respondents)`);
  await generateSurvey({ seed: 42, respondents: 3000, outDir: args.raw, codebook });
}
const t0 = performance.now();
try {
  const { manifest, disclosure, timings } = await buildData({ rawDir: args.raw, outDir: args.out, codebook, k: args.k ? Number(args.k) : undefined });
  for (const f of manifest.files) console.log(`[data:build] ${path.join(args.out, f.name)}  ${f.rows ?? ''} ${f.rows ? 'rows ' : ''}${(f.bytes / 1024).toFixed(0)} KB`);
  console.log(
    `[data:build] k=${disclosure.k} achieved ${disclosure.kAchieved}; ${disclosure.recordsPublished}/${disclosure.recordsIn} records published, ` +
      `${disclosure.recordsRemoved} removed; ${(disclosure.cellSuppressionRate * 100).toFixed(1)}% of quasi-identifier cells suppressed; ` +
      `recoding ${Object.entries(disclosure.variables).map(([v, d]) => `${v}:${d.level}`).join(' ')}; ` +
      `group views withhold at most ${(((disclosure.aggregates)?.worstViewShare ?? 0) * 100).toFixed(1)}% ` +
      `[anonymise ${(timings['anonymise microdata'] ?? 0).toFixed(1)} s, aggregates ${(timings['protected aggregates'] ?? 0).toFixed(1)} s] ` +
      `(${((performance.now() - t0) / 1000).toFixed(1)} s, cpu ${((process.cpuUsage().user + process.cpuUsage().system) / 1e6).toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`,
  );
} catch (e) {
  if (e instanceof ValidationFailed) {
    console.error(`[data:build] ${e.message}`);
    process.exit(1);
  }
  throw e;
}
