import { describe, expect, it } from 'vitest';
import { bindNamed } from './params.ts';

describe('bindNamed', () => {
  it('numbers each distinct name once, in order of first use', () => {
    expect(bindNamed('SELECT * FROM t WHERE ($c = \'all\' OR c = $c) AND d = $d', { c: 'x', d: 2 })).toEqual({
      sql: "SELECT * FROM t WHERE ($1 = 'all' OR c = $1) AND d = $2",
      values: ['x', 2],
    });
  });
  it('refuses a parameter without a value', () => {
    expect(() => bindNamed('SELECT $x', {})).toThrow('SQL parameter $x has no value');
  });
});
