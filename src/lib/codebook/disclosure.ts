/**
 * The declared disclosure scenario (codebook `disclosure:`): what an intruder who knows a colleague
 * may know, how each such variable can be generalised, which answers would harm if disclosed, and
 * what the microdata may never hold. Browser-safe (no Node imports); parsed by the codebook loader.
 */
import type { Label } from './types.ts';

/** One step up a quasi-identifier's generalisation hierarchy: level-0 code → coarser code. */
export interface HierarchyLevel {
  map: Record<string, string>;
  labels: Record<string, Label>;
}

export interface QuasiIdentifier {
  /** published column (after the codebook's own generalisation, e.g. `age_band`) */
  name: string;
  /** how much the report relies on this detail; the search keeps heavy variables fine and local suppression blanks light ones first */
  weight: number;
  /** numeric source banded into level-0 codes before anything else (for numbers held in records, e.g. training counts) */
  bands?: [number, number, string][];
  /** labels of banded level-0 codes */
  bandLabels?: Record<string, Label>;
  /** coarser levels, finest first; one more implicit level withholds the variable from the microdata */
  levels: HierarchyLevel[];
}

export interface DisclosureScenario {
  /** frame variables the intruder knows and the microdata keeps exact: part of every key */
  fixed: string[];
  /** published only in protected aggregate tables, never in the microdata */
  aggregateOnly: string[];
  /** answers that would harm if disclosed: every equivalence class holds at least `l` distinct answers, or the answer is withheld in that class */
  sensitive: string[];
  l: number;
  /** share of records the lattice search may leave to local suppression */
  suppressionLimit: number;
  quasiIdentifiers: QuasiIdentifier[];
}

export class ScenarioError extends Error {}

const label = (x: any, where: string): Label => {
  if (!x || typeof x.en !== 'string' || typeof x.zh !== 'string') throw new ScenarioError(`${where}: a label needs en and zh`);
  return { en: x.en, zh: x.zh };
};

/** Parses and checks the scenario against the published column names it may refer to. */
export function parseScenario(src: any, columns: Set<string>, where = 'codebook disclosure'): DisclosureScenario | undefined {
  if (src === undefined || src === null) return undefined;
  const list = (x: any, name: string): string[] => {
    if (x === undefined) return [];
    if (!Array.isArray(x) || x.some((s) => typeof s !== 'string')) throw new ScenarioError(`${where}: ${name} must be a list of variable names`);
    for (const s of x) if (!columns.has(s)) throw new ScenarioError(`${where}: ${name} names "${s}", which is not a published column`);
    return x;
  };
  const qis: QuasiIdentifier[] = (src.quasi_identifiers ?? []).map((q: any, i: number) => {
    const w = `${where}: quasi_identifiers[${i}]`;
    if (!q?.name || !columns.has(q.name)) throw new ScenarioError(`${w}: "${q?.name}" is not a published column`);
    const weight = Number(q.weight ?? 1);
    if (!(weight > 0)) throw new ScenarioError(`${w}: weight must be positive`);
    const levels: HierarchyLevel[] = (q.levels ?? []).map((l: any, j: number) => {
      if (!l?.map || typeof l.map !== 'object') throw new ScenarioError(`${w}.levels[${j}]: needs a map from codes to coarser codes`);
      const labels: Record<string, Label> = {};
      for (const to of new Set(Object.values(l.map as Record<string, string>))) labels[to] = label(l.labels?.[to], `${w}.levels[${j}] label of "${to}"`);
      return { map: Object.fromEntries(Object.entries(l.map).map(([a, b]) => [String(a), String(b)])), labels };
    });
    const out: QuasiIdentifier = { name: q.name, weight, levels };
    if (q.bands) {
      out.bands = q.bands;
      out.bandLabels = Object.fromEntries(q.bands.map((b: [number, number, string]) => [b[2], label(q.band_labels?.[b[2]], `${w} band "${b[2]}"`)]));
    }
    return out;
  });
  const names = qis.map((q) => q.name);
  if (new Set(names).size !== names.length) throw new ScenarioError(`${where}: a quasi-identifier is listed twice`);
  const l = Number(src.l ?? 2);
  const suppressionLimit = Number(src.suppression_limit ?? 0.02);
  if (!Number.isInteger(l) || l < 1) throw new ScenarioError(`${where}: l must be a positive integer`);
  if (!(suppressionLimit >= 0 && suppressionLimit < 1)) throw new ScenarioError(`${where}: suppression_limit must be in [0, 1)`);
  return {
    fixed: list(src.fixed, 'fixed'),
    aggregateOnly: list(src.aggregate_only, 'aggregate_only'),
    sensitive: list(src.sensitive, 'sensitive'),
    l,
    suppressionLimit,
    quasiIdentifiers: qis,
  };
}

/** Label of a code that exists only at a coarser level of a hierarchy (or as a band), if any. */
export function scenarioLabel(s: DisclosureScenario | undefined, variable: string, code: string): Label | undefined {
  const q = s?.quasiIdentifiers.find((x) => x.name === variable);
  if (!q) return undefined;
  return q.bandLabels?.[code] ?? q.levels.map((l) => l.labels[code]).find(Boolean);
}
