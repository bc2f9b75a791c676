/**
 * Lighthouse per page kind, both presets (mobile: Lighthouse's default, simulated slow 4G + 4× CPU
 * slowdown; desktop: its desktop config), against dist/ served by the report's own static server
 * (precompressed files on), in Debian's Chromium (/usr/bin/chromium) launched by chrome-launcher.
 *
 * Prints, per page and preset: the four category scores (performance, accessibility, best practices,
 * SEO) as the minimum over the runs, and total blocking time, largest contentful paint and cumulative
 * layout shift as the median over the runs (all runs listed for TBT), then every audit that cost points
 * in any run. Performance scores depend on the machine's load: the load average is printed with each
 * page, and Lighthouse's own CPU benchmark index (mobile TBT is the observed main-thread work × 4, so a
 * loaded machine inflates it). Figures are printed, never asserted.
 *
 *   npm run bench -- --lighthouse-only [--lighthouse-runs 3] [--lighthouse-pages kinds|all|/path/,/zh/path/]
 *                    [--lighthouse-presets mobile,desktop] [--lighthouse-json DIR]
 * `--lighthouse-json DIR` keeps each run's full report (DIR/<page>-<preset>-<run>.json) for a closer look
 * (e.g. its bootup-time and mainthread-work-breakdown audits).
 */
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { serveStatic } from '../src/lib/serve/static.mjs';

export const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-extensions',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Preset = 'mobile' | 'desktop';

/** one page per kind (home, a chapter, /compare/, a county brief, /data/, /data/sql/), en and zh */
export function pagesOf(kind: string, dist = 'dist'): string[] {
  if (kind !== 'kinds' && kind !== 'all') return kind.split(',').filter(Boolean);
  const chapters = readdirSync(`${dist}/chapters`).filter((d) => existsSync(`${dist}/chapters/${d}/index.html`)).sort();
  const county = readdirSync(`${dist}/compare/county`).filter((d) => existsSync(`${dist}/compare/county/${d}/index.html`)).sort();
  const brief = county.includes('h_county') ? 'h_county' : county[0];
  const en = ['/', ...(kind === 'all' ? chapters.map((c) => `/chapters/${c}/`) : [`/chapters/${chapters.find((c) => c.startsWith('03')) ?? chapters[0]}/`]), '/compare/', `/compare/county/${brief}/`, '/data/', '/data/sql/'];
  return [...en, ...en.map((p) => '/zh' + p)];
}

export interface LhResult {
  page: string;
  preset: Preset;
  scores: Record<(typeof CATEGORIES)[number], number>[];
  tbt: number[];
  lcp: number[];
  cls: number[];
  /** Lighthouse's CPU benchmark index of each run (about 1000–2500 on an idle desktop; lower = slower or loaded) */
  bi: number[];
  /** audit id → worst score and a title, for audits below 1 in any run */
  failing: Map<string, { score: number; title: string; detail: string }>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** the items Lighthouse names for a failing audit (selectors, URLs), shortened */
function detailOf(audit: any): string {
  const items: any[] = audit.details?.items ?? [];
  const names = items.slice(0, 4).map((it) => it.node?.selector ?? it.url ?? it.source?.url ?? it.description ?? it.label ?? '').filter(Boolean);
  const more = items.length > 4 ? ` +${items.length - 4}` : '';
  return (audit.displayValue ? `${audit.displayValue}; ` : '') + names.map((n: string) => String(n).slice(0, 70)).join(' | ') + more;
}

export async function runLighthouse(base: string, pages: string[], presets: Preset[], runs: number, onResult?: (r: LhResult) => void, saveDir?: string): Promise<LhResult[]> {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
  const out: LhResult[] = [];
  try {
    for (const page of pages) {
      for (const preset of presets) {
        const r: LhResult = { page, preset, scores: [], tbt: [], lcp: [], cls: [], bi: [], failing: new Map() };
        for (let i = 0; i < runs; i++) {
          const flags = { port: chrome.port, output: 'json' as const, logLevel: 'error' as const, onlyCategories: [...CATEGORIES] };
          // a trace without its navigation start (NO_NAVSTART) happens now and then on a loaded machine: try again
          let lhr: any;
          for (let attempt = 1; ; attempt++) {
            lhr = (await lighthouse(base + page, flags, preset === 'desktop' ? (desktopConfig as any) : undefined))!.lhr;
            if (!lhr.runtimeError) break;
            console.log(`   (${page} ${preset}: ${lhr.runtimeError.code}${attempt < 3 ? ', run again' : ', given up for this run'})`);
            if (attempt >= 3) break;
          }
          if (lhr.runtimeError) continue;
          if (saveDir) {
            mkdirSync(saveDir, { recursive: true });
            writeFileSync(path.join(saveDir, `${page.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home'}-${preset}-${i + 1}.json`), JSON.stringify(lhr));
          }
          r.scores.push(Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as any);
          r.tbt.push(lhr.audits['total-blocking-time']?.numericValue ?? NaN);
          r.lcp.push(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
          r.cls.push(lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN);
          r.bi.push(lhr.environment?.benchmarkIndex ?? NaN);
          for (const c of CATEGORIES) {
            for (const ref of lhr.categories[c]?.auditRefs ?? []) {
              const a = lhr.audits[ref.id];
              if (ref.weight === 0 || a.score === null || a.score >= 1 || a.scoreDisplayMode === 'informative' || a.scoreDisplayMode === 'manual' || a.scoreDisplayMode === 'notApplicable') continue;
              const prev = r.failing.get(ref.id);
              if (!prev || a.score < prev.score) r.failing.set(ref.id, { score: a.score, title: a.title, detail: detailOf(a) });
            }
          }
        }
        out.push(r);
        onResult?.(r);
      }
    }
  } finally {
    await chrome.kill();
  }
  return out;
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

/** print one page's line: minimum scores over the runs, median TBT/LCP/CLS */
export function formatResult(r: LhResult): string {
  if (!r.scores.length) return `${r.page.padEnd(34)} ${r.preset.padEnd(8)} no result (every run failed; see above)`;
  const min = (c: (typeof CATEGORIES)[number]) => Math.min(...r.scores.map((s) => s[c]));
  const line = [
    r.page.padEnd(34), r.preset.padEnd(8),
    ...CATEGORIES.map((c) => String(min(c)).padStart(4)),
    `${median(r.tbt).toFixed(0).padStart(6)} ms [${r.tbt.map((x) => x.toFixed(0)).join(', ')}]`.padEnd(28),
    `${(median(r.lcp) / 1000).toFixed(2)} s`.padStart(8),
    median(r.cls).toFixed(3).padStart(7),
    `  cpu index ${median(r.bi).toFixed(0)}, load ${load()}`,
  ].join(' ');
  const fails = [...r.failing].map(([id, f]) => `      - ${id} (${f.score.toFixed(2)}): ${f.title}${f.detail ? ' — ' + f.detail : ''}`);
  return [line, ...fails].join('\n');
}

/** serve dist/ (precompressed copies on) on `port` and run Lighthouse over the pages */
export async function benchLighthouse(o: { pages: string; presets: Preset[]; runs: number; port: number; root?: string; saveDir?: string }) {
  const root = o.root ?? 'dist';
  const server = await serveStatic({ root, port: o.port, compression: true });
  const base = `http://127.0.0.1:${o.port}`;
  const pages = pagesOf(o.pages, root);
  console.log(`\n== Lighthouse 12 (${o.presets.join(' + ')} presets; scores: minimum of ${o.runs} run(s); TBT/LCP/CLS: median), ${pages.length} pages; load at start: ${load()}, ${os.cpus().length} cores ==`);
  console.log(`${'page'.padEnd(34)} ${'preset'.padEnd(8)} perf a11y   bp  seo ${'TBT (runs)'.padEnd(28)}      LCP     CLS`);
  try {
    return await runLighthouse(base, pages, o.presets, o.runs, (r) => console.log(formatResult(r)), o.saveDir);
  } finally {
    server.close();
  }
}
