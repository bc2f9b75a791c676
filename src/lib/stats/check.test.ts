// `npm run analyze` on broken and careless input: values are checked against the codebook before
// any statistic; empty, header-only and unrelated files fail with a message and a non-zero exit.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadCodebook } from '../codebook/load.ts';
import { checkValues, missingNote } from './check.ts';

const cb = loadCodebook('tests/fixtures/bfi/codebook.yaml');
const dir = mkdtempSync(join(tmpdir(), 'analyze-check-'));
const bfi = readFileSync('tests/fixtures/bfi/bfi.csv', 'utf8').trim().split('\n');
const header = bfi[0].split(',').map((h) => h.replace(/"/g, ''));
const col = (name: string) => header.indexOf(name);

function file(name: string, lines: string[]): string {
  const p = join(dir, name);
  writeFileSync(p, lines.join('\n') + (lines.length ? '\n' : ''));
  return p;
}
/** bfi with one cell replaced (row is the 1-based data row) */
function edited(name: string, row: number, column: string, value: string): string {
  const lines = [...bfi];
  const cells = lines[row].split(',');
  cells[col(column)] = value;
  lines[row] = cells.join(',');
  return file(name, lines);
}
function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/analyze.ts', ...args, '--codebook', 'tests/fixtures/bfi/codebook.yaml'], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const alphaOf = (out: string, id: string) => JSON.parse(out).scales.find((s: any) => s.id === id).alpha as number;

describe('checkValues', () => {
  const rows = [{ A1: '1', A2: '6' }, { A1: '', A2: '-9' }, { A1: 'NA', A2: '9' }, { A1: 'often', A2: '2.5' }];
  const small = { ...cb, scales: [{ ...cb.scales[0], items: ['A1', 'A2'], reverse: ['A1'] }] };
  it('names the column, the allowed range and the first offending rows', () => {
    expect(() => checkValues(rows, small)).toThrow(/column A1: 1 value\(s\) not whole numbers in 1–6 \(and no missing codes are declared\); first at row 4 \("often"\)/);
    expect(() => checkValues(rows, small)).toThrow(/column A2: 3 value\(s\) .*first at row 2 \("-9"\), row 3 \("9"\), row 4 \("2.5"\)/);
  });
  it('counts empty cells and declared missing codes as missing, with the reason', () => {
    const ok = checkValues([{ A1: '1', A2: '6' }, { A1: '', A2: '-9' }, { A1: 'NA', A2: ' -9 ' }], { ...small, missing: [-9] });
    expect(ok.rows).toEqual([{ A1: 1, A2: 6 }, { A1: null, A2: null }, { A1: null, A2: null }]);
    expect(ok.missing).toEqual({ total: 4, byReason: { empty: 2, 'missing code -9': 2 }, byColumn: { A1: 2, A2: 2 } });
    expect(missingNote(ok.missing)).toBe('treated 4 value(s) as missing: 2 empty, 2 missing code -9 (most in A1 2, A2 2)');
  });
  it('refuses an empty row set', () => {
    expect(() => checkValues([], small)).toThrow(/no data rows/);
  });
});

describe('npm run analyze on careless input', () => {
  it('a 9 on a 1–6 item stops the analysis and names the column and row', () => {
    const r = cli(edited('nine.csv', 5, 'A2', '9'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/column A2: 1 value\(s\) not whole numbers in 1–6 .*first at row 5 \("9"\)/);
    expect(r.out).toBe('');
  });
  it('a −9 missing code on a reversed item is refused unless declared; declared, it counts as missing (not reversed to 16)', () => {
    const f = edited('minus9.csv', 5, 'A1', '-9');
    const refused = cli(f);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/column A1: .*row 5 \("-9"\)/);
    const declared = cli(f, '--missing', '-9');
    expect(declared.code).toBe(0);
    expect(declared.err).toMatch(/1 missing code -9/);
    const blank = cli(edited('blank.csv', 5, 'A1', ''));
    expect(alphaOf(declared.out, 'agreeableness')).toBe(alphaOf(blank.out, 'agreeableness'));
    expect(JSON.parse(declared.out).missing.byReason['missing code -9']).toBe(1);
  });
  it('non-numeric text is refused with the column', () => {
    const r = cli(edited('text.csv', 7, 'C3', 'agree'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/column C3: .*row 7 \("agree"\)/);
  });
  it('empty, header-only and unrelated files exit non-zero with a message', () => {
    const empty = cli(file('empty.csv', []));
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/^analyze: .*empty\.csv is empty: the file has no data rows/);
    const headerOnly = cli(file('header.csv', [bfi[0]]));
    expect(headerOnly.code).toBe(1);
    expect(headerOnly.err).toMatch(/the file has no data rows \(empty, or a header only\)/);
    const unrelated = cli(file('unrelated.csv', ['x,y,z', '1,2,3']));
    expect(unrelated.code).toBe(1);
    expect(unrelated.err).toMatch(/the data has no column\(s\) A1, A2, .* that the codebook's scales use \(its header: x, y, z\)/);
    for (const r of [empty, headerOnly, unrelated]) expect(r.err).not.toMatch(/Cannot read properties|TypeError/);
  });
  it('a two-row file names the constant items and says how few respondents there are', () => {
    const r = cli(file('two.csv', [bfi[0], bfi[1], bfi[1].replace(/^2,4/, '3,4')]));
    expect(r.code).toBe(0);
    const errors = JSON.parse(r.out).scales.map((s: any) => s.error).filter(Boolean);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e).not.toMatch(/item \d|^alpha: an item is constant/);
      expect(e).toMatch(/only 2 respondent\(s\) answered this scale/);
    }
  });
}, 120_000);
