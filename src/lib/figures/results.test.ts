// The build-time results of every view (results.ts): the key, the combinations, the file check, and on
// the published data that the file holds exactly the views with respondents, each with the figure's rows.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { figures } from '../../figures/registry.ts';
import { nodeClient } from '../db/node.ts';
import { figureRows, frameCombos, publishedCodebook } from './render-static.ts';
import { controlOptions } from './options.ts';
import { figureSQL } from './sql.ts';
import { totalN } from './rows.ts';
import { controlCombos, figureResults, MAX_VIEWS, publishesResults, resultsMatch, viewKey, viewRows, type FigureResults } from './results.ts';
import { urlVersion } from './state.ts';
import { figure as profile } from '../../figures/competency-profile/figure.ts';
import type { Codebook } from '../codebook/types.ts';

const dataDir = 'public/data';
const published = existsSync(path.join(dataDir, 'respondents.parquet'));

describe('viewKey', () => {
  it('two different choices never share a key, whatever the values hold', () => {
    const def = { ...profile, params: [{ name: 'a' }, { name: 'b' }] } as any;
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (a1, b1, a2, b2) => {
        fc.pre(a1 !== a2 || b1 !== b2);
        expect(viewKey(def, { a: a1, b: b1 })).not.toBe(viewKey(def, { a: a2, b: b2 }));
      }),
    );
  });
  it('follows the definition order, not the order of the object', () => {
    expect(viewKey(profile, { dept: 'x', county: 'y' })).toBe(viewKey(profile, { county: 'y', dept: 'x' }));
  });
});

describe.skipIf(!published)('results on the published data', () => {
  const cb = publishedCodebook();

  it('controlCombos is the product of the menus, each combination once', () => {
    for (const def of Object.values(figures)) {
      const combos = controlCombos(def, cb);
      const product = def.params.reduce((n, p) => n * controlOptions(p.kind, cb).length, 1);
      expect(combos.length).toBe(product);
      expect(new Set(combos.map((c) => viewKey(def, c))).size).toBe(product);
    }
  });

  for (const def of Object.values(figures).filter((d) => publishesResults(d, publishedCodebook()))) {
    it(`${def.id}: every view with respondents is in the file with the figure's rows, and only those`, async () => {
      const file = await figureResults(def, cb, await frameCombos(def), (p) => figureRows(def, p));
      expect(file).not.toBeNull();
      expect(resultsMatch(def, cb, JSON.parse(JSON.stringify(file)))).toBe(true);
      const sql = figureSQL(def, cb);
      let present = 0;
      for (const params of controlCombos(def, cb)) {
        const rows = viewRows(def, file!, params);
        // the SQL run directly: no respondent ⇔ not in the file (the page says so in words)
        const raw = await nodeClient(dataDir).query(sql, params);
        if (rows === undefined) expect(totalN(def, raw as any), JSON.stringify(params)).toBe(0);
        else {
          present++;
          expect(rows).toEqual(await figureRows(def, params));
          expect(totalN(def, rows)).toBeGreaterThan(0);
        }
      }
      expect(Object.keys(file!.views).length).toBe(present);
    });
  }

  it('a figure with more than MAX_VIEWS combinations is left to the engine', async () => {
    // 30 counties × 15 departments (+ "all" each) = 496 views
    const many = (name: string, n: number) => ({ name, type: 'categorical', values: Array.from({ length: n }, (_, i) => ({ code: `${name}_${i}`, label: { en: `${name} ${i}`, zh: `${name}${i}` } })) });
    const big = { ...cb, variables: cb.variables.map((v: any) => (v.name === 'county' ? { ...v, ...many('county', 30) } : v.name === 'dept_type' ? { ...v, ...many('dept_type', 15) } : v)) } as Codebook;
    expect(controlCombos(profile, big).length).toBeGreaterThan(MAX_VIEWS);
    let queried = 0;
    expect(await figureResults(profile, big, null, async () => (queried++, []))).toBeNull();
    expect(queried).toBe(0);
  });
});

describe('resultsMatch and viewRows: a file is read only when it was built for this figure, version and k', () => {
  const cb = { k: 5 } as Codebook;
  const good: FigureResults = { figure: profile.id, version: urlVersion(profile), k: 5, params: profile.params.map((p) => p.name), views: { [viewKey(profile, { county: 'all', dept: 'all' })]: [{ n: 9 }] } };
  it('accepts the file it was built as', () => expect(resultsMatch(profile, cb, good)).toBe(true));
  it.each([
    ['another k', { ...good, k: 10 }],
    ['another version', { ...good, version: good.version + 1 }],
    ['another figure', { ...good, figure: 'ipa-quadrants' }],
    ['other parameters', { ...good, params: ['county'] }],
    ['no views', { ...good, views: null }],
    ['not an object', 'oops'],
    ['null', null],
  ])('refuses %s', (_, file) => expect(resultsMatch(profile, cb, file)).toBe(false));
  it('a view it lacks, or a key that names an object property, is undefined (the engine answers)', () => {
    expect(viewRows(profile, good, { county: 'all', dept: 'all' })).toEqual([{ n: 9 }]);
    expect(viewRows(profile, good, { county: 'h_county', dept: 'all' })).toBeUndefined();
    const hostile = { ...good, views: JSON.parse('{"__proto__": [1], "constructor": 2}') };
    expect(viewRows(profile, hostile, { county: '__proto__', dept: 'all' })).toBeUndefined();
    expect(viewRows({ ...profile, params: [] }, { ...good, views: { '[]': 'x' as any } }, {})).toBeUndefined();
  });
});
