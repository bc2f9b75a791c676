/**
 * Training-needs analysis. Inputs are respondents × competencies matrices of importance and
 * proficiency ratings. Missing values: a respondent enters a competency's figures only when both
 * ratings of that competency are present (pairwise per competency).
 */
import type { Value } from './descriptive.ts';

const ok = (x: Value): x is number => typeof x === 'number' && Number.isFinite(x);

export interface BorichRow { index: number; mwds: number; meanImportance: number; meanProficiency: number; meanGap: number; n: number; rank: number }

/**
 * Borich: for each competency j and respondent i, WDS = (I_ij − P_ij) × mean importance of j;
 * MWDS_j = mean of WDS over respondents. Ranked highest first (rank 1 = first priority).
 */
export function borich(importance: Value[][], proficiency: Value[][]): BorichRow[] {
  const k = importance[0]?.length ?? 0;
  const rows: Omit<BorichRow, 'rank'>[] = [];
  for (let j = 0; j < k; j++) {
    const pairs = importance.map((r, i) => [r[j], proficiency[i][j]] as const).filter(([a, b]) => ok(a) && ok(b)) as [number, number][];
    if (!pairs.length) throw new Error(`Borich: competency ${j} has no respondent with both ratings`);
    const mi = pairs.reduce((s, [a]) => s + a, 0) / pairs.length;
    const mp = pairs.reduce((s, [, b]) => s + b, 0) / pairs.length;
    const mwds = pairs.reduce((s, [a, b]) => s + (a - b) * mi, 0) / pairs.length;
    rows.push({ index: j, mwds, meanImportance: mi, meanProficiency: mp, meanGap: mi - mp, n: pairs.length });
  }
  return rankBorich(rows);
}

/**
 * borich() from per-competency sums over the respondents with both ratings: n, Σ importance and
 * Σ proficiency (MWDS = mean importance × mean gap, the same quantity summed differently).
 */
export function borichFromSums(sums: { n: number; sumImportance: number; sumProficiency: number }[]): BorichRow[] {
  return rankBorich(
    sums.map(({ n, sumImportance, sumProficiency }, j) => {
      if (!n) throw new Error(`Borich: competency ${j} has no respondent with both ratings`);
      const mi = sumImportance / n, mp = sumProficiency / n;
      return { index: j, mwds: mi * (mi - mp), meanImportance: mi, meanProficiency: mp, meanGap: mi - mp, n };
    }),
  );
}

function rankBorich(rows: Omit<BorichRow, 'rank'>[]): BorichRow[] {
  const order = [...rows].sort((a, b) => b.mwds - a.mwds);
  return rows.map((r) => ({ ...r, rank: order.indexOf(r) + 1 }));
}

export type IpaQuadrant = 'concentrate here' | 'keep up the good work' | 'low priority' | 'possible overkill';

/**
 * Importance–performance analysis: x = mean proficiency, y = mean importance, cross-hairs at the
 * grand means of the competency means. Ties on a cross-hair count as "high".
 */
export function ipa(meanImportance: number[], meanProficiency: number[]) {
  const gi = meanImportance.reduce((a, b) => a + b, 0) / meanImportance.length;
  const gp = meanProficiency.reduce((a, b) => a + b, 0) / meanProficiency.length;
  const quadrants = meanImportance.map((imp, j): IpaQuadrant => {
    const hiI = imp >= gi, hiP = meanProficiency[j] >= gp;
    return hiI && !hiP ? 'concentrate here' : hiI && hiP ? 'keep up the good work' : !hiI && !hiP ? 'low priority' : 'possible overkill';
  });
  return { importanceMean: gi, proficiencyMean: gp, quadrants };
}

/** Locus for focus: x = mean importance, y = mean gap; the high/high quadrant is the first priority. */
export function locusForFocus(meanImportance: number[], meanGap: number[]) {
  const gi = meanImportance.reduce((a, b) => a + b, 0) / meanImportance.length;
  const gg = meanGap.reduce((a, b) => a + b, 0) / meanGap.length;
  return { importanceMean: gi, gapMean: gg, priority: meanImportance.map((imp, j) => (imp >= gi && meanGap[j] >= gg ? 1 : imp >= gi || meanGap[j] >= gg ? 2 : 3)) };
}
