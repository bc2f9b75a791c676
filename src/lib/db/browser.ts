/**
 * DuckDB-WASM in the browser, self-hosted: the worker and wasm are bundled by Vite (?url),
 * never fetched from a CDN. Version 1.28.0 is used because it has the Parquet reader built
 * in (later versions download it at run time). Started lazily, once per page.
 * Same interface as the Node client: query(sql, params) → plain row objects.
 *
 * Hardening (issue #16):
 * - the worker is created from a blob: URL, so it runs under the page's Content-Security-Policy
 *   (connect-src 'self'): it cannot reach another host even if asked to;
 * - start-up failures (wasm or worker file missing, worker error, no answer within
 *   START_TIMEOUT_MS) reject with a reader-facing message instead of hanging for good;
 * - every call races the worker's death and a timeout; a dead or hung engine is terminated and
 *   the next call starts a fresh one (`EngineFault` tells the caller it happened);
 * - `locked` mode (the SQL console): the published Parquet is copied into tables in schema
 *   `published`, the views read those tables, then external access is disabled and the
 *   configuration locked, so no query can read a file or address, ATTACH, COPY … TO or LOAD.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { bindNamed, DATA_VIEWS, DERIVED_VIEWS, FILE_VIEWS, viewSQL, viewsNamed, withDependencies, type DataView, type ParamValue } from './params.ts';
import { messages } from '../messages.ts';
import { measure } from '../figures/perf.ts';
import { tableRows } from './arrow-rows.ts';
import { codebookUrl, dataUrl } from './url.ts';
import { fetchJSON } from '../figures/fetch-once.ts';

/** the derived views' SQL from the published codebook (fetched once per page, shared with the figures) */
async function publishedViews(): Promise<Record<string, string>> {
  const got = await fetchJSON(codebookUrl());
  if (!got.ok) throw new Error(`codebook.json could not be read (HTTP ${got.status || 'error'}), so the view competency cannot be defined`);
  return ((got.json as { views?: Record<string, string> })?.views ?? {}) as Record<string, string>;
}

export const START_TIMEOUT_MS = 30_000;
export const QUERY_TIMEOUT_MS = 60_000;

/** The engine died, hung or could not start; `restarted` when a later call will start a new one. */
export class EngineFault extends Error {
  constructor(message: string, readonly kind: 'start' | 'crash' | 'timeout', readonly detail = '') {
    super(message);
  }
}

interface Engine {
  db: duckdb.AsyncDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
  worker: Worker;
  /** rejects when the worker reports an error */
  died: Promise<never>;
  kill(): void;
  /** the published views created so far (all of them in locked mode; on demand otherwise, see `withViews`) */
  views: Set<string>;
}

let ready: Promise<Engine> | null = null;
let lockedMode = false;
/** test hook: lets a test shorten the timeouts (set before the page's scripts run) */
const timeouts = () => ((globalThis as any).__engineTimeouts ?? {}) as { start?: number; query?: number };

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(onTimeout()), ms)))]).finally(() => clearTimeout(timer));
}

/** Crashes of the wasm engine surface as these messages; after one, every later query fails. */
export const isEngineCrash = (msg: string) => /null function|memory access out of bounds|unreachable|RuntimeError|out of memory|Aborted\(|function signature mismatch|table index is out of bounds/i.test(msg);

async function start(locked: boolean): Promise<Engine> {
  if (typeof WebAssembly !== 'object') throw new EngineFault(messages.engineNoWasm, 'start');
  const wasmUrl = new URL(ehWasm, location.href).href;
  const workerUrl = new URL(ehWorker, location.href).href;
  const [wasmHead, workerRes] = await Promise.all([fetch(wasmUrl, { headers: { Range: 'bytes=0-7' } }), fetch(workerUrl)]);
  if (!wasmHead.ok) throw new EngineFault(messages.engineFileMissing('duckdb-eh.wasm', wasmHead.status), 'start');
  // a file that is not WebAssembly would make the worker fail with an uncaught error: check its magic number first
  const reader = wasmHead.body!.getReader();
  const { value } = await reader.read();
  reader.cancel().catch(() => {});
  if (!value || value[0] !== 0x00 || value[1] !== 0x61 || value[2] !== 0x73 || value[3] !== 0x6d) throw new EngineFault(messages.engineWorkerFailed('duckdb-eh.wasm is not a WebAssembly file'), 'start');
  if (!workerRes.ok) throw new EngineFault(messages.engineFileMissing('duckdb worker', workerRes.status), 'start');
  const blobUrl = URL.createObjectURL(new Blob([await workerRes.text()], { type: 'text/javascript' }));
  const worker = new Worker(blobUrl);
  let dead = false;
  let die!: (e: Error) => void;
  const died = new Promise<never>((_, reject) => (die = reject));
  died.catch(() => {});
  const onError = (e: ErrorEvent) => {
    e.preventDefault();
    dead = true;
    const detail = (e.message || 'worker error').slice(0, 160);
    die(new EngineFault(messages.engineCrashed(detail), 'crash', detail));
  };
  worker.addEventListener('error', onError);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  const kill = () => {
    dead = true;
    worker.removeEventListener('error', onError);
    try { worker.terminate(); } catch { /* already gone */ }
    URL.revokeObjectURL(blobUrl);
  };
  const startMs = timeouts().start ?? START_TIMEOUT_MS;
  const views = new Set<string>();
  const boot = async () => {
    // every data file's presence checked at once, while the engine compiles (was one round trip per
    // file after it: five files since the competency cubes)
    const headsSent = Promise.all(FILE_VIEWS.map((view) => fetch(dataUrl(`${view}.parquet`), { method: 'HEAD' })));
    headsSent.catch(() => {});
    // the console (locked) defines every view now, the derived ones from the codebook's SQL
    const derivedSent = locked ? publishedViews() : null;
    derivedSent?.catch(() => {});
    await db.instantiate(wasmUrl);
    const conn = await db.connect();
    if (locked) await conn.query('CREATE SCHEMA published');
    const heads = await headsSent;
    for (const [i, view] of FILE_VIEWS.entries()) {
      const url = dataUrl(`${view}.parquet`);
      if (!heads[i].ok) throw new Error(`data file ${view}.parquet is missing (HTTP ${heads[i].status})`);
      await db.registerFileURL(`${view}.parquet`, url, duckdb.DuckDBDataProtocol.HTTP, false);
      if (locked) {
        await conn.query(`CREATE TABLE published.${view} AS SELECT * FROM read_parquet('${view}.parquet')`);
        await conn.query(`CREATE VIEW ${view} AS SELECT * FROM published.${view}`);
        views.add(view);
      }
      // otherwise each view is created when a query first names it: creating one reads its file's footer,
      // which for respondents.parquet at a million respondents is megabytes a chapter's figures (on the
      // cubes) never need
    }
    if (derivedSent) {
      const published = await derivedSent;
      // over the views of the published tables, by name (a reader's own view of that name is theirs to make)
      for (const view of DATA_VIEWS.filter((v) => DERIVED_VIEWS[v])) {
        await conn.query(`CREATE VIEW ${view} AS ${viewSQL(view, published)}`);
        views.add(view);
      }
    }
    if (locked) {
      await conn.query('SET enable_external_access = false');
      await conn.query('SET lock_configuration = true');
    }
    return conn;
  };
  try {
    const conn = await withTimeout(Promise.race([boot(), died]), startMs, () => new EngineFault(messages.engineStartTimeout(Math.round(startMs / 1000)), 'start'));
    if (dead) throw new EngineFault(messages.engineWorkerFailed('worker error'), 'start');
    return { db, conn, worker, died, kill, views };
  } catch (e) {
    kill();
    const msg = (e as Error).message;
    if (e instanceof EngineFault) throw new EngineFault(e.kind === 'crash' ? messages.engineWorkerFailed(e.detail) : msg, 'start', e.detail);
    // "Failed to execute 'compile' on 'WebAssembly'…" and other start errors
    if (/compile|WebAssembly|instantiate|magic word|wasm/i.test(msg)) throw new EngineFault(messages.engineWorkerFailed(msg.slice(0, 160)), 'start');
    throw e;
  }
}

function engine(): Promise<Engine> {
  if (!ready) {
    const p = start(lockedMode);
    ready = p;
    p.catch(() => {
      if (ready === p) ready = null;
    });
  }
  return ready;
}

/** Stops the current engine (if any); the next call starts a new one. */
export async function restartEngine() {
  const p = ready;
  ready = null;
  if (p) await p.then((e) => e.kill(), () => {});
}

/** query results kept per (SQL, values), most recently used last; a figure's views revisited redraw without the engine */
const RESULT_CACHE_SIZE = 200;
const results = new Map<string, Record<string, unknown>[]>();
/** prepared statements per engine and SQL text: a figure's re-query is one call to the worker, not three (prepare, run, close) */
const statements = new WeakMap<Engine, Map<string, Promise<duckdb.AsyncPreparedStatement>>>();
const STATEMENT_CACHE_SIZE = 32;

function prepared(e: Engine, sql: string): Promise<duckdb.AsyncPreparedStatement> {
  let m = statements.get(e);
  if (!m) statements.set(e, (m = new Map()));
  let p = m.get(sql);
  if (!p) {
    p = e.conn.prepare(sql);
    m.set(sql, p);
    p.catch(() => m!.get(sql) === p && m!.delete(sql));
    if (m.size > STATEMENT_CACHE_SIZE) forget(e, m.keys().next().value!);
  }
  return p;
}

/** drops one prepared statement (the oldest when the cache is full, or one that failed) and closes it in the worker */
function forget(e: Engine, sql: string) {
  const m = statements.get(e);
  const p = m?.get(sql);
  if (!p) return;
  m!.delete(sql);
  p.then((s) => s.close()).catch(() => {});
}

/** creates a view (and the views it reads first): over its file, or a derived view from the codebook's SQL */
async function createView(e: Engine, view: DataView) {
  for (const v of withDependencies([view])) {
    if (e.views.has(v)) continue;
    await e.conn.query(`CREATE OR REPLACE VIEW ${v} AS ${viewSQL(v, DERIVED_VIEWS[v] ? await publishedViews() : undefined)}`);
    e.views.add(v);
  }
}

/**
 * Runs `fn` once the views `sql` reads exist; a view the pattern missed surfaces as DuckDB's
 * "Catalog Error: Table with name X does not exist": it is created and `fn` runs again.
 */
async function withViews<T>(e: Engine, sql: string, fn: () => Promise<T>): Promise<T> {
  if (lockedMode) return fn();
  for (const v of viewsNamed(sql)) if (!e.views.has(v)) await createView(e, v);
  for (let tries = 0; ; tries++) {
    try {
      return await fn();
    } catch (err) {
      const missing = /Table with name (\w+) does not exist/i.exec((err as Error).message ?? '')?.[1]?.toLowerCase();
      const view = DATA_VIEWS.find((v) => v === missing);
      if (!view || e.views.has(view) || tries >= DATA_VIEWS.length) throw err;
      await createView(e, view);
    }
  }
}

/** Runs one call against the engine, detecting a dead worker, a wasm crash and a hang. */
async function guarded<T>(fn: (e: Engine) => Promise<T>, timeoutMs = timeouts().query ?? QUERY_TIMEOUT_MS): Promise<T> {
  const e = await engine();
  try {
    return await withTimeout(Promise.race([fn(e), e.died]), timeoutMs, () => new EngineFault(messages.engineTimedOut(Math.round(timeoutMs / 1000)), 'timeout'));
  } catch (err) {
    const msg = (err as Error).message ?? String(err);
    if (err instanceof EngineFault || isEngineCrash(msg)) {
      if (ready && (await ready.catch(() => null)) === e) ready = null;
      e.kill();
      if (err instanceof EngineFault) throw err;
      throw new EngineFault(messages.engineCrashed(msg.slice(0, 160)), 'crash');
    }
    throw err;
  }
}

/**
 * @param opts.locked start (or keep) the engine in locked mode: tables, no external access.
 *   Only the SQL console uses it; the first call on a page decides.
 */
export function browserClient(opts: { locked?: boolean } = {}) {
  if (opts.locked) lockedMode = true;
  return {
    async query<T = Record<string, unknown>>(sql: string, params: Record<string, ParamValue> = {}): Promise<T[]> {
      let t = performance.now();
      const bound = bindNamed(sql, params);
      // the published files never change under a page: the same SQL and values give the same rows
      // (not in the console's locked mode, where a reader's SQL may change the views)
      const key = lockedMode ? '' : JSON.stringify([bound.sql, bound.values]);
      const hit = key ? results.get(key) : undefined;
      t = measure('bind', t);
      if (hit) {
        // most recently used last
        results.delete(key);
        results.set(key, hit);
        measure('result-cache', t);
        return hit.map((r) => ({ ...r })) as T[];
      }
      return guarded(async (e) => {
        const table = await withViews(e, bound.sql, async () => {
          const stmt = await prepared(e, bound.sql);
          t = measure('prepare', t);
          try {
            return await stmt.query(...bound.values);
          } catch (err) {
            forget(e, bound.sql);
            throw err;
          }
        });
        t = measure('execute', t);
        const rows = tableRows(table) as T[];
        measure('arrow-to-rows', t);
        if (key && ready && (await ready.catch(() => null)) === e) {
          results.set(key, rows.map((r) => ({ ...r })) as Record<string, unknown>[]);
          if (results.size > RESULT_CACHE_SIZE) results.delete(results.keys().next().value!);
        }
        return rows;
      });
    },
    async raw(sql: string) {
      return guarded((e) => withViews(e, sql, () => e.conn.query(sql)));
    },
    /** starts the engine (or reports why it cannot start) */
    async ready() {
      await engine();
    },
    async cancel() {
      if (!ready) return false;
      const { conn } = await ready;
      return withTimeout(conn.cancelSent(), 2000, () => new Error('cancel timed out')).catch(() => false);
    },
    /** runs SQL and collects the Arrow batches, within the timeout */
    async collect(sql: string, onBatch: (batch: any) => boolean | void, timeoutMs?: number) {
      return guarded((e) => withViews(e, sql, async () => {
        const reader = await e.conn.send(sql);
        for await (const batch of reader as any) if (onBatch(batch) === false) break;
      }), timeoutMs);
    },
    /** true when the published views are all present (a reader may have dropped one) */
    async restoreViews(): Promise<boolean> {
      return guarded(async ({ conn }) => {
        const t = await conn.query(`SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal`);
        const present = new Set(t.toArray().map((r: any) => String(r.toJSON().view_name)));
        let restored = false;
        for (const view of DATA_VIEWS) {
          if (present.has(view)) continue;
          const def = DERIVED_VIEWS[view] ? viewSQL(view, await publishedViews()) : lockedMode ? `SELECT * FROM published.${view}` : viewSQL(view, undefined);
          await conn.query(`CREATE OR REPLACE VIEW ${view} AS ${def}`);
          restored = true;
        }
        return restored;
      });
    },
    async send(sql: string) {
      return guarded((e) => withViews(e, sql, () => e.conn.send(sql)));
    },
  };
}
