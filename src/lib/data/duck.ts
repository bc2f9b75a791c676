/** Small helpers over @duckdb/node-api used by the build scripts (Node only). */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface DuckOptions {
  /** DuckDB's buffer pool limit: past it, sorts, joins and tables spill to disk instead of growing */
  memoryLimit?: string;
  threads?: number;
  /** a database file instead of memory: tables are stored compressed and DuckDB keeps only what it
   * works on in memory (the caller removes the file, see `closeDuck`) */
  file?: string;
}

export async function openDuck(opts: DuckOptions = {}): Promise<DuckDBConnection> {
  // Bounded memory: DuckDB spills to disk past this limit instead of growing with the data.
  // One spill folder per process (DuckDB creates it only when it spills, and removes what it created):
  // concurrent builds (tests, other checkouts) never share spill files.
  const spill = path.join(os.tmpdir(), `duckdb-spill-${process.pid}-${++opened}`);
  const db = await DuckDBInstance.create(opts.file ?? ':memory:', {
    threads: String(opts.threads ?? 2),
    memory_limit: process.env.DUCKDB_MEMORY_LIMIT ?? opts.memoryLimit ?? '3GB',
    temp_directory: spill,
  });
  const conn = await db.connect();
  instances.set(conn, db);
  spills.set(conn, spill);
  return conn;
}

let opened = 0;
const spills = new WeakMap<DuckDBConnection, string>();

/** Closes the connection and its database, and removes the database's spill folder. */
export function closeDuck(conn: DuckDBConnection): void {
  conn.closeSync();
  instances.get(conn)?.closeSync();
  const spill = spills.get(conn);
  if (spill) rmSync(spill, { recursive: true, force: true });
}

const instances = new WeakMap<DuckDBConnection, DuckDBInstance>();

/** Another connection to the same database (same tables), e.g. to run independent queries side by side. */
export async function connectAgain(conn: DuckDBConnection): Promise<DuckDBConnection> {
  const db = instances.get(conn);
  if (!db) throw new Error('connectAgain: not a connection from openDuck()');
  return db.connect();
}

export async function rows<T = Record<string, unknown>>(conn: DuckDBConnection, sql: string, params?: Record<string, unknown>): Promise<T[]> {
  const reader = await conn.runAndReadAll(sql, params as any);
  return reader.getRowObjectsJS() as T[];
}

/** Quotes an identifier that comes from the codebook (validated snake_case names). */
export const ident = (name: string) => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
};

/** Quotes a literal string for SQL that the build generates from codebook values (not user input). */
export const lit = (s: string | number) => (typeof s === 'number' ? String(s) : `'${String(s).replace(/'/g, "''")}'`);
