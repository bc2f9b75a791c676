/**
 * DuckDB in Node (build time, tests, reproduce): runs figure SQL over public/data.
 * Same interface as the browser client: query(sql, params) → plain row objects.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bindNamed, DATA_VIEWS, DERIVED_VIEWS, viewStatements, type ParamValue } from './params.ts';

const connections = new Map<string, Promise<DuckDBConnection>>();

async function connect(dataDir: string): Promise<DuckDBConnection> {
  // one thread: aggregates then sum in a fixed order, so figure rows are bit-for-bit reproducible
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  // the derived views' SQL (the competency long table) is published in codebook.json
  const cbFile = path.join(dataDir, 'codebook.json');
  const published = existsSync(cbFile) ? (JSON.parse(readFileSync(cbFile, 'utf8')).views as Record<string, string> | undefined) : undefined;
  // (data built before the view was published has no definition of it: queries naming it fail as "does not exist")
  const views = DATA_VIEWS.filter((v) => !DERIVED_VIEWS[v] || published?.[v]);
  for (const statement of viewStatements(views, published, (n) => path.resolve(dataDir, n))) await conn.run(statement);
  return conn;
}

export function nodeClient(dataDir = 'public/data') {
  const key = path.resolve(dataDir);
  if (!connections.has(key)) connections.set(key, connect(dataDir));
  return {
    async query<T = Record<string, unknown>>(sql: string, params: Record<string, ParamValue> = {}): Promise<T[]> {
      const conn = await connections.get(key)!;
      const bound = bindNamed(sql, params);
      const prepared = await conn.prepare(bound.sql);
      bound.values.forEach((v, i) => {
        if (typeof v === 'number') Number.isInteger(v) ? prepared.bindInteger(i + 1, v) : prepared.bindDouble(i + 1, v);
        else if (typeof v === 'boolean') prepared.bindBoolean(i + 1, v);
        else if (v === null) prepared.bindNull(i + 1);
        else prepared.bindVarchar(i + 1, v);
      });
      const reader = await prepared.runAndReadAll();
      return reader.getRowObjectsJS() as T[];
    },
  };
}
