/** Build-time facts shown on every page: data source, version, commit. */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_DIR, publishedManifest } from './figures/render-static.ts';
import { LOCALE, t, type Lang } from '../i18n/index.ts';

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
  return { manifest, commit, commitDate, synthetic, dataVersion, published: publishedCount(manifest) };
}

/** respondents in the published data (after disclosure control), beside the respondents generated or exported (manifest.source.respondents) */
export function publishedCount(manifest: any = publishedManifest()): number {
  try {
    return Number(JSON.parse(readFileSync(path.join(DATA_DIR, 'disclosure.json'), 'utf8')).recordsPublished);
  } catch {
    return Number(manifest.source?.respondents);
  }
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The banner of an imported survey: its own title, source and fieldwork dates (from the mapping's `survey:`), as escaped HTML. */
export function surveyNotice(manifest: any, lang: Lang = 'en'): string {
  const s = manifest.source?.survey ?? {};
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const own = typeof s.title === 'string' ? s.title : s.title?.[lang] ?? s.title?.[other];
  const title = own ?? t(lang, 'survey.imported');
  const second = typeof s.title === 'object' && s.title?.[other] && s.title[other] !== title ? ` <span lang="${LOCALE[other]}">${esc(s.title[other])}</span>` : '';
  const dates = s.fieldwork?.start || s.fieldwork?.end ? t(lang, 'survey.fieldwork', { start: esc(s.fieldwork?.start ?? '?'), end: esc(s.fieldwork?.end ?? '?') }) : '';
  const source = s.source ? t(lang, 'survey.source', { source: esc(s.source) }) : '';
  return `<strong>${esc(title)}</strong>${second}${source}${dates}${t(lang, 'survey.respondents', { total: esc(manifest.source?.respondents ?? '?'), n: esc(publishedCount(manifest)), k: esc(manifest.k) })}`;
}
