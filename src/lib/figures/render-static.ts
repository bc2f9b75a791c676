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

export const DATA_DIR = process.env.REPORT_DATA_DIR ?? 'public/data';
export const STATIC_WIDTH = 760;

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

export async function figureRows(def: FigureDef, params = defaultParams(def)): Promise<Row[]> {
  const raw = await nodeClient(DATA_DIR).query(figureSQL(def, publishedCodebook()), params);
  return suppressSmallCells(def, raw, publishedCodebook().k);
}

export async function renderStatic(def: FigureDef, params = defaultParams(def), lang: Lang = 'en') {
  const codebook = publishedCodebook();
  const rows = await figureRows(def, params);
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = def.spec(rows, { width: STATIC_WIDTH, codebook, document: document as unknown as Document, params, k: codebook.k, lang, t: figureText(def, lang).t });
  // The wrapper carries role="img" and the alt text; the table view carries the numbers.
  if (def.kind !== 'table') el.setAttribute('aria-hidden', 'true');
  return { rows, svg: (el as any).outerHTML as string, codebook, params };
}
