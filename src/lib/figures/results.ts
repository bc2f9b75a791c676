/**
 * Every view a figure's controls offer, computed at build time (issue #13: a shared link and the
 * first change without waiting for the query engine).
 *
 * A figure with controls has few views: the chapter figures offer at most county × department,
 * group × county or sample × county, a few dozen to a hundred combinations. The build runs the
 * figure's one SQL (the same text the page shows and the console reruns) for each of them with
 * DuckDB in Node, suppresses small cells exactly as the page would (rows.ts), and publishes the rows
 * as `/data/figures/<id>.json` (src/pages/data/figures/[id].json.ts). The page reads that file for
 * a link or a change, a few KB, instead of starting the 18 MB engine (1.3–2.8 s of compile and
 * instantiate measured on a phone-class link). DuckDB-WASM stays the engine for the SQL console and
 * for any view the file does not hold: a figure with more than MAX_VIEWS combinations, a file
 * that is missing, stale (other k, other version) or broken.
 *
 * Nothing here is new information: each view is what the page shows for that choice, and the same
 * rows any reader can compute from the published Parquet with the figure's SQL. Pure: no DOM, no I/O.
 */
import type { Codebook } from '../codebook/types.ts';
import type { FigureDef, Row } from './types.ts';
import { controlOptions } from './options.ts';
import { emptySelectionText, urlVersion, type Frame } from './state.ts';
import { figureAvailability } from './needs.ts';

/** a figure with more combinations than this is left to the engine (its file would be large, its build slow) */
export const MAX_VIEWS = 400;

export interface FigureResults {
  figure: string;
  /** the figure's URL version: a file from before a parameter change is not read */
  version: number;
  /** the k the rows were suppressed with: a file built with another k is not read */
  k: number;
  /** parameter names, in the order of the key's values */
  params: string[];
  /** viewKey → the suppressed rows of that view; combinations with no respondent are absent (the page says so in words) */
  views: Record<string, Row[]>;
}

/** The key of a view: the parameter values in the definition's order (JSON, so no value can run into the next). */
export const viewKey = (def: FigureDef, params: Readonly<Record<string, string>>): string => JSON.stringify(def.params.map((p) => params[p.name] ?? null));

/** Every combination of the figure's control options (their cartesian product), in menu order. */
export function controlCombos(def: FigureDef, cb: Codebook): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const p of def.params) {
    const values = controlOptions(p.kind, cb).map((o) => o.value);
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [p.name]: v })));
  }
  return combos;
}

/** Whether the build publishes the figure's results: it has controls, this survey measured it, and it has at most MAX_VIEWS views. */
export const publishesResults = (def: FigureDef, cb: Codebook): boolean => def.params.length > 0 && !figureAvailability(def, cb).notMeasured && controlCombos(def, cb).length <= MAX_VIEWS;

/**
 * The figure's results file, or null when it has no controls or more than MAX_VIEWS combinations.
 * `rowsFor` returns the suppressed rows of one view (render-static.ts figureRows: the figure's SQL).
 */
export async function figureResults(def: FigureDef, cb: Codebook, frame: Frame | null, rowsFor: (params: Record<string, string>) => Promise<Row[]>): Promise<FigureResults | null> {
  if (!def.params.length) return null;
  const combos = controlCombos(def, cb);
  if (combos.length > MAX_VIEWS) return null;
  const views: Record<string, Row[]> = {};
  for (const params of combos) {
    if (emptySelectionText(def, params, cb, frame)) continue;
    views[viewKey(def, params)] = await rowsFor(params);
  }
  return { figure: def.id, version: urlVersion(def), k: cb.k, params: def.params.map((p) => p.name), views };
}

/** Whether a fetched file can stand for this figure under this codebook (same figure, version, k and parameters). */
export function resultsMatch(def: FigureDef, cb: Codebook, file: unknown): file is FigureResults {
  const f = file as FigureResults | null;
  return (
    !!f &&
    typeof f === 'object' &&
    f.figure === def.id &&
    f.version === urlVersion(def) &&
    f.k === cb.k &&
    Array.isArray(f.params) &&
    f.params.join('\u0000') === def.params.map((p) => p.name).join('\u0000') &&
    !!f.views &&
    typeof f.views === 'object'
  );
}

/** The rows of one view, or undefined when the file does not hold it (the engine then runs the SQL). */
export function viewRows(def: FigureDef, results: FigureResults, params: Readonly<Record<string, string>>): Row[] | undefined {
  const rows = Object.prototype.hasOwnProperty.call(results.views, viewKey(def, params)) ? results.views[viewKey(def, params)] : undefined;
  return Array.isArray(rows) ? rows : undefined;
}
