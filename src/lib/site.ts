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
  const synthetic = manifest.source?.kind === 'synthetic';
  const dataVersion = `${manifest.dataset} v${manifest.codebookVersion} · ${manifest.files.find((f: any) => f.name === 'respondents.parquet')?.sha256.slice(0, 12)}`;
  return { manifest, commit, synthetic, dataVersion };
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The banner of an imported survey: its own title, source and fieldwork dates (from the mapping's `survey:`), as escaped HTML. */
export function surveyNotice(manifest: any): string {
  const s = manifest.source?.survey ?? {};
  const title = typeof s.title === 'string' ? s.title : s.title?.en ?? s.title?.zh ?? 'Imported survey';
  const zh = typeof s.title === 'object' && s.title?.zh && s.title.zh !== title ? ` <span lang="zh">${esc(s.title.zh)}</span>` : '';
  const dates = s.fieldwork?.start || s.fieldwork?.end ? ` · fieldwork ${esc(s.fieldwork?.start ?? '?')} to ${esc(s.fieldwork?.end ?? '?')}` : '';
  const source = s.source ? ` · source: ${esc(s.source)}` : '';
  return `<strong>${esc(title)}</strong>${zh}${source}${dates} · ${esc(manifest.source?.respondents ?? '?')} respondents in the export; groups smaller than ${esc(manifest.k)} are suppressed.`;
}
