/**
 * A one-page brief per county, from the same aggregate table and the same statistics as /compare/:
 * headline numbers, strengths and gaps against the survey mean (the adjusted verdicts), the top
 * Borich training priorities and the most similar counties. Pure: the page renders what this returns.
 */
import type { CompareData, GroupAgg } from './aggregate.ts';
import type { Measure } from './measures.ts';
import { groupCells, similarGroups, type Cell } from './view.ts';

/** the county briefs this survey gets: one per county shown (not withheld) in the aggregate table */
export function briefCounties(data: CompareData): GroupAgg[] {
  return data.groups.filter((g) => g.by === 'county' && g.value !== null && !g.suppressed);
}

export interface Brief {
  county: GroupAgg;
  /** up to five: the codebook's `headline` measures (or the first measures), with the county's cell */
  headline: { measure: Measure; cell: Cell | null }[];
  strengths: Cell[];
  gaps: Cell[];
  /** measures with a difference whose direction the codebook does not rank */
  other: Cell[];
  priorities: { competency: string; mwds: number }[];
  similar: GroupAgg[];
}

export function countyBrief(data: CompareData, code: string): Brief | null {
  const county = briefCounties(data).find((g) => g.value === code);
  if (!county) return null;
  const cells = groupCells(data, county);
  const flagged = data.measures.filter((m) => m.headline);
  const headline = (flagged.length ? flagged : data.measures).slice(0, 5).map((m) => ({ measure: m, cell: cells.find((c) => c.measure === m) ?? null }));
  const size = (c: Cell) => Math.abs(c.diff) / (c.dhi - c.dlo || 1);
  const better = (c: Cell) => c.measure.higherIsBetter !== null && (c.verdict === 'higher') === c.measure.higherIsBetter;
  const decided = cells.filter((c) => c.verdict !== 'none');
  return {
    county,
    headline,
    strengths: decided.filter((c) => c.measure.higherIsBetter !== null && better(c)).sort((a, b) => size(b) - size(a)),
    gaps: decided.filter((c) => c.measure.higherIsBetter !== null && !better(c)).sort((a, b) => size(b) - size(a)),
    other: decided.filter((c) => c.measure.higherIsBetter === null),
    priorities: (county.borich ?? []).slice(0, 5),
    similar: similarGroups(data, county, 3).map((n) => n.item),
  };
}
