// Reference: tests/fixtures/bfi/reference-extra.json, computed by tests/fixtures/bfi/reference-extra.R
// (R's ptukey; Games–Howell written out from its definition with ptukey; psych::fa minres + stats::varimax).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as S from './index.ts';

const ref = JSON.parse(readFileSync('tests/fixtures/bfi/reference-extra.json', 'utf8'));
const lines = readFileSync('tests/fixtures/bfi/bfi.csv', 'utf8').trim().split('\n');
const header = lines[0].split(',').map((h) => h.replace(/"/g, ''));
const data = lines.slice(1).map((l) => l.split(',').map((v) => (v === '' ? null : Number(v))));

describe('studentized range and Games–Howell (reference: R ptukey)', () => {
  it('ptukey matches R to 1e-6', () => {
    for (const r of ref.ptukey) expect(Math.abs(S.ptukey(r.q, r.k, r.df) - r.p), JSON.stringify(r)).toBeLessThan(1e-6);
  });
  it('Games–Howell on bfi A2 by education matches the R computation', () => {
    const keep = data.filter((r) => r[header.indexOf('A2')] !== null && r[header.indexOf('education')] !== null);
    const groups = [1, 2, 3, 4, 5].map((e) => keep.filter((r) => r[header.indexOf('education')] === e).map((r) => r[header.indexOf('A2')]));
    const gh = S.gamesHowell(groups);
    expect(gh).toHaveLength(ref.games_howell.length);
    gh.forEach((g, idx) => {
      const r = ref.games_howell[idx];
      expect([g.i + 1, g.j + 1]).toEqual([r.i, r.j]);
      expect(g.t).toBeCloseTo(r.t, 10);
      expect(g.df).toBeCloseTo(r.df, 8);
      expect(Math.abs(g.p - r.p)).toBeLessThan(1e-6);
    });
  });
});

describe('exploratory factor analysis (reference: psych::fa minres, stats::varimax)', () => {
  const R = S.correlationMatrix(header.slice(0, 25).map((h) => data.map((r) => r[header.indexOf(h)]))).r;
  const fa = S.factorAnalysis(R, 5);
  it('communalities of the 5-factor solution match minres to 1e-4', () => {
    fa.communalities.forEach((h, i) => expect(Math.abs(h - ref.efa.communalities[i])).toBeLessThan(1e-4));
  });
  const matches = (rot: number[][], refL: number[][]) => {
    const used = new Set<number>();
    for (let f = 0; f < 5; f++) {
      // find R's factor that matches ours best
      let best = -1, bestErr = Infinity, bestSign = 1;
      for (let g = 0; g < 5; g++) {
        if (used.has(g)) continue;
        for (const sign of [1, -1]) {
          const err = Math.max(...rot.map((row, i) => Math.abs(sign * row[f] - refL[i][g])));
          if (err < bestErr) { bestErr = err; best = g; bestSign = sign; }
        }
      }
      used.add(best);
      expect(bestErr, `factor ${f} vs R factor ${best} (sign ${bestSign})`).toBeLessThan(1e-3);
    }
  };
  it('varimax loadings match R up to factor order and sign, to 1e-3', () => matches(S.varimax(fa).loadings, ref.efa.varimax));
  it('variance explained (SS loadings) of the unrotated and varimax solutions match R to 1e-4', () => {
    fa.varianceExplained.forEach((v, i) => expect(Math.abs(v.ss - ref.efa_ss.unrotated[i])).toBeLessThan(1e-4));
    // varimax may order factors differently: compare the sorted sums of squares
    const ours = S.varimax(fa).varianceExplained.map((v) => v.ss).sort();
    [...ref.efa_ss.varimax].sort().forEach((v: number, i: number) => expect(Math.abs(ours[i] - v)).toBeLessThan(1e-3));
    expect(fa.varianceExplained[0].proportion).toBeCloseTo(fa.varianceExplained[0].ss / 25, 12);
  });
  it('degenerate: a singular R is refused by KMO, 0 or too many factors by the EFA', () => {
    const Rs = [[1, 1, 0.5], [1, 1, 0.5], [0.5, 0.5, 1]];
    expect(() => S.kmo(Rs)).toThrow('singular');
    expect(() => S.bartlett(Rs, 100)).toThrow('singular');
    expect(() => S.factorAnalysis(R, 25)).toThrow('factors');
  });
  it('oblimin (quartimin) loadings match GPArotation up to factor order and sign, to 1e-3', () => {
    const ob = S.oblimin(fa);
    matches(ob.loadings, ref.efa.oblimin);
    // factor correlations: the same set of absolute off-diagonal values
    const offd = (m: number[][]) => m.flatMap((r, i) => r.filter((_, j) => j > i)).map(Math.abs).sort();
    offd(ob.phi).forEach((v, i) => expect(Math.abs(v - offd(ref.efa.oblimin_phi)[i])).toBeLessThan(1e-3));
  });
});

describe('descriptive intervals (reference: R prop.test(81, 263, correct = FALSE), t.test)', () => {
  it('Wilson interval', () => {
    const w = S.wilson(81, 263);
    expect(w.lo).toBeCloseTo(0.255288519878, 9);
    expect(w.hi).toBeCloseTo(0.366209576983, 9);
  });
  it('t interval for a mean', () => {
    const m = S.meanCI([3, 4, 5, 4, 3, 5, 4, 4, 2, 5]);
    expect(m.lo).toBeCloseTo(3.188628400281, 9);
    expect(m.hi).toBeCloseTo(4.611371599719, 9);
  });
  it('weighted mean: integer weights equal replicating the data; unit weights equal the unweighted interval', () => {
    const xs = [2, 3, 5, 4], ws = [1, 3, 2, 1];
    const replicated = xs.flatMap((x, i) => Array(ws[i]).fill(x));
    expect(S.weightedMeanCI(xs, ws).mean).toBeCloseTo(S.mean(replicated), 12);
    const u = S.weightedMeanCI([3, 4, 5, 4, 3, 5, 4, 4, 2, 5], Array(10).fill(1));
    expect(u.lo).toBeCloseTo(3.188628400281, 9);
    expect(u.nEff).toBeCloseTo(10, 12);
  });
});
