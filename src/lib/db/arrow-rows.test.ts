// tableRows (column-wise Arrow → rows) against the row-wise toJSON conversion it replaced, on a result
// of the browser's own engine (DuckDB-WASM 1.28, its Node build, no worker): strings, NULLs, 64-bit
// integers, doubles, booleans, dates and the figure SQL's casts.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { tableRows } from './arrow-rows.ts';

const require = createRequire(import.meta.url);
const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs').replace(/[^/]+$/, '');

describe('tableRows', () => {
  it('gives the same rows as toJSON per row, with 64-bit integers as numbers', async () => {
    const duckdb = require(dist + 'duckdb-node-blocking.cjs');
    const db = await duckdb.createDuckDB({ mvp: { mainModule: dist + 'duckdb-mvp.wasm', mainWorker: '' }, eh: { mainModule: dist + 'duckdb-eh.wasm', mainWorker: '' } }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    await db.instantiate();
    const conn = db.connect();
    const table = conn.query(`SELECT * FROM (VALUES
        ('h_county', 12::BIGINT, 3.25::DOUBLE, true, DATE '2024-05-01', 7::INTEGER),
        (NULL, NULL, NULL, NULL, NULL, NULL),
        ('z_urban', 9007199254740::BIGINT, -1.5::DOUBLE, false, DATE '1999-12-31', 0::INTEGER)
      ) t(county, n, mean, flag, day, k)`);
    const expected = table.toArray().map((r: any) => {
      const o = r.toJSON();
      for (const k in o) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
      return o;
    });
    const rows = tableRows(table);
    expect(rows).toEqual(expected);
    expect(rows[0]).toEqual({ county: 'h_county', n: 12, mean: 3.25, flag: true, day: expected[0].day, k: 7 });
    expect(rows[1].county).toBeNull();
    expect(rows[1].n).toBeNull();
    expect(typeof rows[2].n).toBe('number');
    expect(Object.keys(rows[0])).toEqual(['county', 'n', 'mean', 'flag', 'day', 'k']);
    conn.close();
  });

  it('an empty result gives no rows', () => {
    expect(tableRows({ numRows: 0, schema: { fields: [{ name: 'a' }] }, getChildAt: () => ({ get: () => 1 }) })).toEqual([]);
  });
});
