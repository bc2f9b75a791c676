// References: hand computations written out below; the Borich ranking of a generated survey is also
// checked against DuckDB SQL in analyze.test.ts.
import { describe, expect, it } from 'vitest';
import { borich, ipa, locusForFocus } from './needs.ts';

describe('Borich MWDS with missing values (hand computation)', () => {
  it('a respondent enters a competency only with both ratings', () => {
    // competency 0: pairs (5,3), (3,3) (respondent 1 lacks proficiency) → mean I = 4, WDS = 8, 0 → MWDS 4
    // competency 1: pairs (4,2), (4,4), (1,2) → mean I = 3, WDS = 6, 0, −3 → MWDS 1
    const b = borich([[5, 4], [4, 4], [3, 1]], [[3, 2], [null, 4], [3, 2]]);
    expect(b.map((r) => [r.n, r.mwds, r.meanImportance, r.rank])).toEqual([[2, 4, 4, 1], [3, 1, 3, 2]]);
    expect(b[1].meanGap).toBeCloseTo(1 / 3, 12); // mean I (4+4+1)/3 = 3 − mean P (2+4+2)/3 = 8/3
  });
  it('a competency nobody rated twice is an error', () => {
    expect(() => borich([[5], [4]], [[null], [null]])).toThrow('no respondent with both ratings');
  });
});

describe('IPA and locus for focus (hand computation)', () => {
  it('IPA quadrants around the grand means (4, 3.5)', () => {
    expect(ipa([4.5, 4.5, 3.5, 3.5], [3, 4, 3, 4])).toEqual({
      importanceMean: 4,
      proficiencyMean: 3.5,
      quadrants: ['concentrate here', 'keep up the good work', 'low priority', 'possible overkill'],
    });
  });
  it('locus for focus: high importance and high gap is priority 1, one of them 2, neither 3', () => {
    // means: importance 4, gap 0.5
    const l = locusForFocus([4.6, 4.6, 3.4, 3.4], [1, 0.1, 0.9, 0]);
    expect(l.importanceMean).toBeCloseTo(4, 12);
    expect(l.gapMean).toBeCloseTo(0.5, 12);
    expect(l.priority).toEqual([1, 2, 2, 3]);
  });
});
