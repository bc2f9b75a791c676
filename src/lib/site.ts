/** Build-time facts shown on every page: data source, version, commit. */
import { execSync } from 'node:child_process';
import { publishedManifest } from './figures/render-static.ts';

export function siteFacts() {
  const manifest = publishedManifest();
  let commit = process.env.GIT_COMMIT ?? '';
  if (!commit) {
    try {
      commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    } catch {
      commit = 'unknown';
    }
  }
  let commitDate: Date | null = null;
  try {
    commitDate = new Date(execSync('git log -1 --format=%cI', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
    if (Number.isNaN(commitDate.getTime())) commitDate = null;
  } catch {
    commitDate = null;
  }
  const synthetic = manifest.source?.kind === 'synthetic';
  const dataVersion = `${manifest.dataset} v${manifest.codebookVersion} · ${manifest.files.find((f: any) => f.name === 'respondents.parquet')?.sha256.slice(0, 12)}`;
  return { manifest, commit, commitDate, synthetic, dataVersion };
}
