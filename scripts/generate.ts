// `npm run data:generate -- [--seed 42] [--respondents 3000] [--out data/raw/synthetic]`
// Writes the seeded synthetic survey (respondents.csv + truth.json) in the canonical raw format.
import { loadCodebook } from '../src/lib/codebook/load.ts';
import { generateSurvey } from '../src/lib/synthetic/generate.ts';
import { parseArgs } from './args.ts';

const args = parseArgs(process.argv.slice(2), { seed: '42', respondents: '3000', out: 'data/raw/synthetic', codebook: 'data/codebook.yaml' });
const t0 = performance.now();
const { file, rows } = await generateSurvey({
  seed: Number(args.seed),
  respondents: Number(args.respondents),
  outDir: args.out,
  codebook: loadCodebook(args.codebook),
});
console.log(`[generate] ${rows} respondents (seed ${args.seed}) → ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
