import { describe, it, expect } from 'vitest';
import { parseState } from './view.ts';
import type { CompareData } from './aggregate.ts';

const counties = ['h_county', 'l_county', 'q_county', 'z_urban', 'a', 'b', 'c', 'd'];
const data = { k: 5, overall: { measures: {} }, groups: [...counties.map((value) => ({ by: 'county', value })), { by: 'gender', value: '1' }, { by: 'gender', value: '2' }] } as unknown as CompareData;

describe('compare URL state', () => {
  it('keeps a valid state', () => {
    const p = parseState('?by=county&g=h_county,z_urban&sort=need&dir=asc', data);
    expect(p.state).toEqual({ by: 'county', groups: ['h_county', 'z_urban'], sort: 'need', dir: 'asc' });
    expect([p.rejected, p.duplicates, p.dropped, p.tooFew]).toEqual([[], [], [], false]);
  });
  it('rejects duplicate groups instead of comparing them twice', () => {
    const p = parseState('?g=h_county,h_county,h_county', data);
    expect(p.state.groups).toEqual(['h_county']);
    expect(p.duplicates).toEqual(['h_county']);
    expect(p.tooFew).toBe(true);
  });
  it('says which groups beyond six were left out', () => {
    const p = parseState(`?g=${counties.join(',')}`, data);
    expect(p.state.groups).toHaveLength(6);
    expect(p.dropped).toEqual(['c', 'd']);
  });
  it('flags a single group as too few', () => {
    expect(parseState('?g=l_county', data).tooFew).toBe(true);
  });
  it('rejects unknown values and an invalid sort direction', () => {
    const p = parseState('?by=nope&g=<script>,h_county,l_county&sort=x&dir=sideways', data);
    expect(p.rejected).toEqual(['by=nope', 'g=<script>', 'sort=x', 'dir=sideways']);
    expect(p.state.dir).toBe('desc');
  });
});
