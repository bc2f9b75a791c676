// Reference: R 4.2 pt/pf/pchisq/pnorm/qt/qnorm on a grid (tests/fixtures/bfi/reference-extra.R → dist_grid).
import { describe, expect, it } from 'vitest';
import { referenceExtra as ref } from '../../../tests/fixtures/bfi/load.ts';
import { chiSquareCdf, chiSquareUpper, fCdf, fUpper, normalCdf, normalQuantile, tCdf, tQuantile, tTwoSided } from './distributions.ts';

type Row = { f: string; x: number; a: number; b: number; lower: number; upper?: number };
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('distributions against R on a grid (df up to 2800, tails to 1e-198)', () => {
  const fns: Record<string, (r: Row) => [number, number | null]> = {
    pt: (r) => [tCdf(r.x, r.a), tCdf(-r.x, r.a)],
    pf: (r) => [fCdf(r.x, r.a, r.b), fUpper(r.x, r.a, r.b)],
    pchisq: (r) => [chiSquareCdf(r.x, r.a), chiSquareUpper(r.x, r.a)],
    pnorm: (r) => [normalCdf(r.x), normalCdf(-r.x)],
    qt: (r) => [tQuantile(r.x, r.a), null],
    qnorm: (r) => [normalQuantile(r.x), null],
  };
  for (const f of Object.keys(fns))
    it(`${f}: every value within 1e-8 relative (lower and upper tail)`, () => {
      const rows = (ref.dist_grid as Row[]).filter((r) => r.f === f);
      expect(rows.length).toBeGreaterThan(5);
      for (const r of rows) {
        const [lower, upper] = fns[f](r);
        // values that underflow to 0 in double precision are compared absolutely
        if (r.lower > 1e-290) expect(relErr(lower, r.lower), JSON.stringify(r)).toBeLessThan(1e-8);
        else expect(lower).toBeLessThan(1e-290);
        if (upper !== null && r.upper !== undefined) {
          if (r.upper > 1e-290) expect(relErr(upper, r.upper), JSON.stringify(r)).toBeLessThan(1e-8);
          else expect(upper).toBeLessThan(1e-290);
        }
      }
    });
  it('two-sided t p-value is twice the smaller tail', () => {
    for (const r of (ref.dist_grid as Row[]).filter((x) => x.f === 'pt' && x.x > 0))
      expect(relErr(tTwoSided(r.x, r.a), 2 * r.upper!)).toBeLessThan(1e-8);
  });
  it('quantiles refuse p outside (0, 1)', () => {
    expect(() => tQuantile(1, 5)).toThrow('p must be in (0, 1)');
  });
});
