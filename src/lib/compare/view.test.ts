import { describe, it, expect } from 'vitest';
import { defaultState, fmtDiff, fmtInterval, parseState } from './view.ts';
import type { Measure } from './measures.ts';
import type { CompareData } from './aggregate.ts';

const counties = ['h_county', 'l_county', 'q_county', 'z_urban', 'a', 'b', 'c', 'd'];
const group = (by: string, value: string, suppressed = false) => ({ by, value, suppressed, n: suppressed ? 0 : 50, measures: {} });
const data = {
  k: 5,
  measures: [{ id: 'turnover' }, { id: 'need' }],
  overall: { n: 500, measures: {} },
  groups: [...counties.map((value) => group('county', value)), group('gender', '1'), group('gender', '2')],
} as unknown as CompareData;

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

describe('default view comes from the data', () => {
  it('the first three groups shown, skipping withheld ones; sort by turnover when measured', () => {
    const d = { ...data, groups: [group('county', 'h_county', true), ...['x', 'y', 'z', 'w'].map((v) => group('county', v))] } as unknown as CompareData;
    expect(defaultState(d)).toEqual({ by: 'county', groups: ['x', 'y', 'z'], sort: 'turnover', dir: 'desc' });
    expect(parseState('', d).state.groups).toEqual(['x', 'y', 'z']);
  });
  it('an imported survey with its own counties and without turnover gets its own defaults', () => {
    const d = { ...data, measures: [{ id: 'dim_knowledge' }], groups: [group('county', 'donghu'), group('county', 'nanshan')] } as unknown as CompareData;
    const s = defaultState(d);
    expect(s.groups).toEqual(['donghu', 'nanshan']);
    expect(s.sort).toBe('dim_knowledge');
    expect(parseState('?sort=turnover', d).rejected).toEqual(['sort=turnover']);
  });
  it('a survey without counties starts on its first breakdown', () => {
    const d = { ...data, groups: [group('gender', 'male'), group('gender', 'female')] } as unknown as CompareData;
    expect(defaultState(d).by).toBe('gender');
  });
});

describe('signed differences', () => {
  const mean = { percent: false } as Measure;
  const share = { percent: true } as Measure;
  it('prints a value that rounds to zero without a sign, never "−0.0" (issue #13)', () => {
    expect(fmtInterval(share, -0.049, -0.0004, 'en')).toBe('[−4.9, 0.0]');
    // the unit is said once, by the difference the interval follows
    expect(`${fmtDiff(share, -0.046, 'en')} ${fmtInterval(share, -0.082, -0.01, 'en')}`).toBe('−4.6 pts [−8.2, −1.0]');
    expect(fmtInterval(share, -0.049, -0.0004, 'zh')).not.toMatch(/[−-]0[.,]0\b/);
    expect(fmtDiff(mean, -0.004, 'en')).toBe('0.00');
    expect(fmtDiff(mean, 0.004, 'en')).toBe('0.00');
    expect(fmtDiff(share, -0.0006, 'en', false)).toBe('−0.1');
  });
  it('keeps the sign of a value that does not round to zero', () => {
    expect(fmtDiff(mean, -0.006, 'en')).toBe('−0.01');
    expect(fmtDiff(mean, 0.25, 'en')).toBe('+0.25');
    expect(fmtInterval(mean, -0.3, 0.2, 'en')).toBe('[−0.30, +0.20]');
  });
});
