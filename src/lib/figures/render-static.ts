/**
 * Build time: run a figure's SQL with DuckDB in Node on the published Parquet and render its
 * chart to SVG with Plot on linkedom's DOM. The HTML then shows the figure with JS off.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { Codebook } from '../codebook/types.ts';
import { nodeClient } from '../db/node.ts';
import type { FigureDef, Row } from './types.ts';
import { suppressSmallCells } from './rows.ts';
import { figureText } from './text.ts';
import type { Lang } from '../../i18n/index.ts';
import { resolveParams } from './options.ts';
import { figureSQL } from './sql.ts';
import { figureResults, type FigureResults } from './results.ts';

export const DATA_DIR = process.env.REPORT_DATA_DIR ?? 'public/data';
export const STATIC_WIDTH = 760;
/** the second build-time rendering, for phones (a 390 px screen leaves ~340 px): chosen by a CSS container query */
export const NARROW_WIDTH = 340;

let cached: Codebook | null = null;
export function publishedCodebook(): Codebook {
  if (!cached) {
    try {
      cached = JSON.parse(readFileSync(path.join(DATA_DIR, 'codebook.json'), 'utf8')) as Codebook;
    } catch {
      throw new Error(`No published data in ${DATA_DIR}: run \`npm run data:build -- --generate-if-missing\` (or \`npm start\`) first.`);
    }
  }
  return cached;
}

export function publishedManifest(): any {
  return JSON.parse(readFileSync(path.join(DATA_DIR, 'manifest.json'), 'utf8'));
}

/** the figure's defaults, each checked against this survey's options (a default county it lacks falls back to its first) */
export function defaultParams(def: FigureDef): Record<string, string> {
  return resolveParams(def, {}, publishedCodebook()).params;
}

/** the codebook published beside the data in `dataDir` (the build's own, read once, for DATA_DIR) */
const codebookAt = (dataDir: string): Codebook => (dataDir === DATA_DIR ? publishedCodebook() : (JSON.parse(readFileSync(path.join(dataDir, 'codebook.json'), 'utf8')) as Codebook));

export async function figureRows(def: FigureDef, params = defaultParams(def), dataDir = DATA_DIR): Promise<Row[]> {
  const cb = codebookAt(dataDir);
  return suppressSmallCells(def, await nodeClient(dataDir).query(figureSQL(def, cb), params), cb.k);
}

export async function renderStatic(def: FigureDef, params = defaultParams(def), lang: Lang = 'en') {
  const codebook = publishedCodebook();
  const rows = await figureRows(def, params);
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const draw = (width: number) => {
    const el = def.spec(rows, { width, codebook, document: document as unknown as Document, params, k: codebook.k, lang, t: figureText(def, lang).t });
    // The wrapper carries role="img" and the alt text; the table view carries the numbers.
    if (def.kind !== 'table') el.setAttribute('aria-hidden', 'true');
    return (el as any).outerHTML as string;
  };
  const svg = draw(STATIC_WIDTH);
  // tables reflow by themselves; charts get a second, narrow rendering for phones
  // (the competency-model table's narrow layout is CSS: report.css, .model-explorer in a narrow container)
  const svgNarrow = def.kind === 'table' ? null : draw(NARROW_WIDTH);
  return { rows, svg, svgNarrow, codebook, params };
}

/** the published column each frame control filters on */
export const FRAME_COLUMNS: Partial<Record<import('./types.ts').ControlKind, string>> = { county: 'county', dept_type: 'dept_type', sample: 'sample' };

/**
 * Which combinations of the figure's frame controls (county, department, sample) have any
 * respondent, so the page can mark the options that would be empty and say so in words instead of
 * drawing an empty chart (issue #13). Only presence is published, never a count; figures with fewer
 * than two frame controls get null (a single control's options are all present in the data).
 */
export async function frameCombos(def: FigureDef, dataDir = DATA_DIR): Promise<{ params: string[]; present: string[][] } | null> {
  const frame = def.params.filter((p) => FRAME_COLUMNS[p.kind]);
  if (frame.length < 2) return null;
  const cols = frame.map((p) => FRAME_COLUMNS[p.kind]!);
  const rows = await nodeClient(dataDir).query(`SELECT DISTINCT ${cols.map((c) => `CAST(${c} AS VARCHAR) AS ${c}`).join(', ')} FROM respondents ORDER BY ALL`, {});
  return { params: frame.map((p) => p.name), present: rows.map((r: any) => cols.map((c) => String(r[c]))) };
}

/**
 * The figure's build-time results (results.ts) for the data in `dataDir`: its SQL run for every view
 * its controls offer, small cells suppressed. The site build publishes them (pages/data/figures/[id].json.ts);
 * the bench rebuilds them for the larger data it swaps in.
 */
export async function buildResults(def: FigureDef, dataDir = DATA_DIR): Promise<FigureResults | null> {
  const cb = codebookAt(dataDir);
  return figureResults(def, cb, await frameCombos(def, dataDir), (p) => figureRows(def, p, dataDir));
}
