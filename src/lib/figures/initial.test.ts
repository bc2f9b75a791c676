// <Figure params>: the view a figure opens on, checked against the codebook's options at build time.
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../codebook/load.ts';
import { initialParams, InitialParamError } from './initial.ts';
import { resolveParams } from './options.ts';
import { figure as barriers } from '../../figures/training-barriers/figure.ts';
import { figure as deptScales } from '../../figures/dept-scales/figure.ts';

const cb = loadCodebook('data/codebook.yaml');
const none = async () => [] as Record<string, unknown>[];

describe('a figure opens where the prose points', () => {
  it('a code sets that parameter; the others keep their defaults', async () => {
    expect(await initialParams(barriers, { sample: 'training_needs' }, cb, none)).toEqual({ sample: 'training_needs', county: 'all' });
    expect(await initialParams(barriers, undefined, cb, none)).toEqual({ sample: 'all', county: 'all' });
  });
  it('a value computed by SQL is the first column of the first row', async () => {
    const seen: string[] = [];
    const q = async (sql: string) => (seen.push(sql), [{ county: 'g_district', other: 'x' }]);
    expect(await initialParams(deptScales, { county: { sql: 'SELECT county FROM respondents LIMIT 1' } }, cb, q)).toEqual({ county: 'g_district' });
    expect(seen).toEqual(['SELECT county FROM respondents LIMIT 1']);
  });
  it('an invalid value, an unknown parameter or an empty query fails with a message naming figure and options', async () => {
    await expect(initialParams(barriers, { sample: 'nowhere' }, cb, none)).rejects.toThrow(InitialParamError);
    await expect(initialParams(barriers, { sample: 'nowhere' }, cb, none)).rejects.toThrow(/<Figure id="training-barriers" params>: sample = 'nowhere' is not one of this survey's options \(all, township_cadres/);
    await expect(initialParams(barriers, { county: 'training_needs' }, cb, none)).rejects.toThrow(/county = 'training_needs'/);
    await expect(initialParams(barriers, { group: 'age_band' }, cb, none)).rejects.toThrow(/'group' is not a parameter of this figure \(it has: sample, county\)/);
    await expect(initialParams(deptScales, { county: { sql: 'SELECT 1 WHERE false' } }, cb, none)).rejects.toThrow(/returned no value/);
  });
  it('the browser falls back to the opening view, not the definition default, for a missing or invalid URL value', () => {
    const opening = { sample: 'training_needs', county: 'all' };
    expect(resolveParams(barriers, {}, cb, opening)).toEqual({ params: opening, rejected: [] });
    expect(resolveParams(barriers, { sample: 'bogus', county: 'h_county' }, cb, opening)).toEqual({ params: { sample: 'training_needs', county: 'h_county' }, rejected: ['sample=bogus'] });
    // the URL still overrides the opening view
    expect(resolveParams(barriers, { sample: 'all' }, cb, opening).params.sample).toBe('all');
  });
});
