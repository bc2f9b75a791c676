// The DuckDB snippet of every figure, run by DuckDB (Node) against the published Parquet, gives the figure's rows.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { figures } from '../../figures/registry.ts';
import { snippets } from './snippets.ts';
import { nodeClient } from '../db/node.ts';
import { defaultParams, publishedCodebook } from './render-static.ts';
import { figureSQL } from './sql.ts';

const dataDir = 'public/data';
describe.skipIf(!existsSync(path.join(dataDir, 'respondents.parquet')))('reproduce snippets', () => {
  for (const def of Object.values(figures)) {
    it(`${def.id}: the DuckDB CLI snippet yields the figure's rows`, async () => {
      const params = defaultParams(def);
      const s = snippets(def, params, publishedCodebook());
      const db = await DuckDBInstance.create(':memory:');
      const conn = await db.connect();
      await conn.run(`SET file_search_path = '${path.resolve(dataDir)}'`);
      // run the snippet statement by statement, as the CLI would
      const statements = s.cli.split('\n').filter((l) => !l.startsWith('--')).join('\n').split(/;\s*\n|;\s*$/).map((x) => x.trim()).filter(Boolean);
      let last: Record<string, unknown>[] = [];
      for (const st of statements) last = (await conn.runAndReadAll(st)).getRowObjectsJS() as Record<string, unknown>[];
      const expected = await nodeClient(dataDir).query(figureSQL(def, publishedCodebook()), params);
      // equal up to floating-point summation order (parallel aggregation may differ in the 15th digit)
      expect(last.length).toBe(expected.length);
      last.forEach((row, i) => {
        for (const [k, v] of Object.entries(expected[i] as Record<string, unknown>)) {
          if (typeof v === 'number') expect(row[k] as number).toBeCloseTo(v, 9);
          else expect(row[k]).toEqual(v);
        }
      });
      expect(last.length).toBeGreaterThan(0);
    });
  }
});
