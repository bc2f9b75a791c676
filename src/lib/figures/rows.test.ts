import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { loadCodebook } from '../codebook/load.ts';
import type { FigureDef } from './types.ts';
import { cellText, suppressSmallCells, toCSV, totalN, withheldNote } from './rows.ts';
import { controlOptions, resolveParams } from './options.ts';
import { fixtureDef } from './fixture.ts';

const cb = loadCodebook('data/codebook.yaml');
const def = fixtureDef();

describe('small-cell suppression', () => {
  it('withholds every column but the keys in a row under k, including columns the figure did not list', () => {
    const rows = suppressSmallCells(def, [
      { grp: 'a', n: 4, mean: 3.2, extra: 'secret' },
      { grp: 'b', n: 5, mean: 2.9, extra: 'shown' },
    ], 5);
    expect(rows[0]).toEqual({ grp: 'a', n: null, mean: null, extra: null, suppressed: true });
    expect(rows[1]).toEqual({ grp: 'b', n: 5, mean: 2.9, extra: 'shown', suppressed: false });
  });
  it('honours a cell the published table already withheld, whatever its n', () => {
    const [r] = suppressSmallCells(def, [{ grp: 'a', n: null, mean: null, withheld: true }], 5);
    expect(r.suppressed).toBe(true);
  });
  it('refuses rows without n', () => {
    expect(() => suppressSmallCells(def, [{ grp: 'a', mean: 1 }], 5)).toThrow(/must return a column n/);
  });
  it('reads k from its argument (one k, passed down from the published codebook)', () => {
    const rows = [{ grp: 'a', n: 7, mean: 1 }];
    expect(suppressSmallCells(def, rows, 5)[0].suppressed).toBe(false);
    expect(suppressSmallCells(def, rows, 10)[0].suppressed).toBe(true);
  });
  it('shows withheld cells as such in the table and empty in the CSV, and counts them in the note', () => {
    const rows = suppressSmallCells(def, [{ grp: 'a', n: 2, mean: 1 }, { grp: 'b', n: 9, mean: 2 }], 5);
    expect(cellText(def, def.columns[1], rows[0], cb, 5)).toBe('<5');
    expect(cellText(def, def.columns[2], rows[0], cb, 5)).toBe('withheld');
    expect(cellText(def, def.columns[2], rows[1], cb, 5)).toBe('2.00');
    expect(toCSV(def, rows)).toBe('grp,n,mean,suppressed\na,,,true\nb,9,2,false\n');
    expect(withheldNote(rows, 5)).toMatch(/^1 row\(s\) withheld: fewer than 5/);
    expect(totalN(def, rows)).toBe(9);
  });
  it('every figure declares its key columns, and a small row of each keeps only those', async () => {
    const ids = readdirSync('src/figures', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      const f: FigureDef = (await import(`../../figures/${id}/figure.ts`)).figure;
      expect(f.keys.length, id).toBeGreaterThan(0);
      const row = Object.fromEntries([...f.keys, 'n', 'x'].map((c) => [c, c === 'n' ? 1 : 'v']));
      const [out] = suppressSmallCells(f, [row], 5);
      for (const c of Object.keys(row)) expect(out[c] === null, `${id}.${c}`).toBe(!f.keys.includes(c));
    }
  });
});

describe('parameters and URL state', () => {
  it('accepts only codebook values and reports the rest', () => {
    const { params, rejected } = resolveParams(def, { county: 'h_county', group: '<script>' }, cb);
    expect(params).toEqual({ county: 'h_county', group: 'age_band' });
    expect(rejected).toEqual(['group=<script>']);
    expect(controlOptions('county', cb).map((o) => o.value)).toContain('all');
  });
  // reading and writing links: state.test.ts (fromURL / toURL)
});
