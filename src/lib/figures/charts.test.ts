// wilsonSQL (the figures' Wilson interval in SQL) against the TypeScript wilson() of src/lib/stats, in DuckDB,
// up to the sizes the bench builds: n is an integer column, and n * n once overflowed INT32 from n = 23,171.
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { wilsonSQL } from './charts.ts';
import { wilson } from '../stats/descriptive.ts';

describe('wilsonSQL', () => {
  it.each([
    [3, 10],
    [0, 25],
    [25, 25],
    [412, 1454],
    [30_000, 100_000],
    [400_000, 1_000_000],
  ])('%i of %i: the interval of wilson(), no overflow', async (x, n) => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const sql = `WITH t AS (SELECT ${n}::INTEGER AS n, ${x}::INTEGER / ${n}::DOUBLE AS share) SELECT ${wilsonSQL('share', 'n')} FROM t`;
    const [row] = (await conn.runAndReadAll(sql)).getRowObjectsJS() as { lo: number; hi: number }[];
    const ref = wilson(x, n);
    // the SQL takes z = 1.96, wilson() the exact 1.959964…: they differ by under 5e-6
    expect(row.lo).toBeCloseTo(ref.lo, 5);
    expect(row.hi).toBeCloseTo(ref.hi, 5);
  });
});
