/**
 * DuckDB-WASM in the browser, self-hosted: the worker and wasm are bundled by Vite (?url),
 * never fetched from a CDN. Version 1.28.0 is used because it has the Parquet reader built
 * in (later versions download it at run time). Started lazily, once per page.
 * Same interface as the Node client: query(sql, params) → plain row objects.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { bindNamed, DATA_VIEWS, type ParamValue } from './params.ts';

let ready: Promise<{ db: duckdb.AsyncDuckDB; conn: duckdb.AsyncDuckDBConnection }> | null = null;

export function dataUrl(file: string): string {
  const base = (import.meta.env.BASE_URL ?? '/').replace(/\/$/, '');
  return new URL(`${base}/data/${file}`, window.location.href).href;
}

async function start() {
  if (typeof WebAssembly !== 'object') throw new Error('WebAssembly is not available in this browser');
  const worker = new Worker(ehWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(ehWasm);
  const conn = await db.connect();
  for (const view of DATA_VIEWS) {
    const url = dataUrl(`${view}.parquet`);
    const head = await fetch(url, { method: 'HEAD' });
    if (!head.ok) throw new Error(`data file ${view}.parquet is missing (HTTP ${head.status})`);
    await db.registerFileURL(`${view}.parquet`, url, duckdb.DuckDBDataProtocol.HTTP, false);
    await conn.query(`CREATE VIEW ${view} AS SELECT * FROM read_parquet('${view}.parquet')`);
  }
  return { db, conn };
}

export function browserClient() {
  if (!ready) {
    ready = start();
    ready.catch(() => (ready = null));
  }
  return {
    async query<T = Record<string, unknown>>(sql: string, params: Record<string, ParamValue> = {}): Promise<T[]> {
      const { conn } = await ready!;
      const bound = bindNamed(sql, params);
      const stmt = await conn.prepare(bound.sql);
      try {
        const table = await stmt.query(...bound.values);
        return table.toArray().map((r: any) => {
          const o = r.toJSON();
          for (const k in o) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
          return o as T;
        });
      } finally {
        await stmt.close();
      }
    },
    async raw(sql: string) {
      const { conn } = await ready!;
      return conn.query(sql);
    },
    async cancel() {
      const { conn } = await ready!;
      return conn.cancelSent();
    },
    async send(sql: string) {
      const { conn } = await ready!;
      return conn.send(sql);
    },
  };
}
