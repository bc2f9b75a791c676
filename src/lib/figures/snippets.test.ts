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

// The Python snippet must run on a clean machine after `pip install duckdb` alone: no pandas or numpy
// (`.df()`, `.fetchdf()`, `.pl()`, `.arrow()`, `.fetchnumpy()` need them). PyPI is not reachable here,
// so it runs against a stand-in `duckdb` module that offers only what the duckdb package has without
// extras (connect, execute, description, fetchall) and records the SQL; the SQL itself is the CLI's, run above.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadCodebook } from '../codebook/load.ts';

const sourceCodebook = loadCodebook('data/codebook.yaml');

const hasPython = (() => { try { execFileSync('python3', ['--version']); return true; } catch { return false; } })();
describe.skipIf(!hasPython)('Python reproduce snippet', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'duckdb-stub-'));
  writeFileSync(path.join(dir, 'duckdb.py'), `
import json
calls = []
class _Cursor:
    description = [("v", None, None, None, None, None, None)]
    def fetchall(self):
        return [(1,)]
class _Con:
    def execute(self, sql, params=None):
        calls.append({"sql": sql, "params": params})
        return _Cursor()
def connect(*a, **k):
    return _Con()
import atexit
atexit.register(lambda: print("CALLS " + json.dumps(calls)))
`);
  for (const def of Object.values(figures)) {
    it(`${def.id}: runs with duckdb alone and binds the figure's SQL and parameters`, () => {
      const s = snippets(def, defaultParams(def), sourceCodebook);
      expect(s.python).toMatch(/pip install duckdb\b/);
      expect(s.python).not.toMatch(/\.(df|fetchdf|pl|arrow|fetchnumpy|fetch_df)\(/);
      const out = execFileSync('python3', ['-c', s.python], { env: { ...process.env, PYTHONPATH: dir }, encoding: 'utf8' });
      const calls = JSON.parse(out.slice(out.indexOf('CALLS ') + 6));
      expect(calls).toHaveLength(2);
      expect(calls[0].sql).toBe(s.views);
      expect(calls[1].sql.trim()).toBe(s.sql.trim());
      expect(calls[1].params).toEqual(s.values);
    });
  }
});
