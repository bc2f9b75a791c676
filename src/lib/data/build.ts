/**
 * raw canonical CSV → validate → anonymise → public/data/{respondents,competency}.parquet
 * + codebook.json + manifest.json + disclosure.json.
 *
 * Everything is written to a temporary folder first and moved into place only when every
 * step succeeded, so a failed validation publishes nothing.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, statSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Codebook, Variable } from '../codebook/types.ts';
import { publishedName } from '../codebook/load.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { closeDuck, connectAgain, ident, lit, openDuck, rows } from './duck.ts';
import { validateRaw, ValidationFailed } from './validate.ts';
import { anonymiseMicrodata, bandRecordNumbers, generaliseExpr, quasiIdentifierColumns, scenarioOf, type DisclosureReport } from './anonymise.ts';
import { buildGroupAggregates } from '../privacy/aggregates.ts';
import { CUBES } from './cube.ts';
import { competencyTableSQL, dimensionCubeFromRespondentsSQL, effectiveCodebook, frameFromData, readSourceMeta, scoreColumnsSQL } from './effective.ts';
import type { SurveyInfo } from './import.ts';

export interface BuildOptions {
  rawDir: string;
  outDir: string;
  codebook: Codebook;
  k?: number;
  /** rows per Parquet row group */
  rowGroupSize?: number;
  /** print stages and elapsed time to stderr (default: on a terminal, or for a raw file over 20 MB) */
  progress?: boolean;
}

export interface BuildResult {
  manifest: Manifest;
  disclosure: DisclosureReport;
  /** seconds per step (load, typed table, anonymise microdata, protected aggregates, …) */
  timings: Record<string, number>;
}

export interface Manifest {
  dataset: string;
  codebookVersion: string;
  /** for imports: the survey's own description only; the raw files' hashes go to the private build log (raw/<source>/build-log.json) */
  source: { kind: 'synthetic'; seed: number; respondents: number; truth: unknown } | { kind: 'import'; survey: SurveyInfo | null; respondents: number };
  k: number;
  files: { name: string; bytes: number; sha256: string; rows?: number; schema?: { name: string; type: string }[] }[];
  tools: Record<string, string>;
}

/** a full-detail record's source row (1-based data row of the raw CSV): the typed table is stored in the file's order */
const sourceRow = (alias?: string) => `(${alias ? `${alias}.` : ''}rowid + 1)`;

/** the order of the microdata files' rows (the competency view's: by competency, then this) */
export const RESPONDENTS_ORDER = 'county, dept_type, rid';

/** SHA-256 of a file, read in 4 MB pieces: the published CSV of a million respondents is 1 GB, which read whole would add 1 GB to the build's peak memory. */
export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.alloc(4 << 20);
  const fd = openSync(file, 'r');
  try {
    for (let got: number; (got = readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, got));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Parquet column type for a published variable (see docs/architecture.md). */
export function sqlType(v: Variable): string {
  switch (v.type) {
    case 'likert':
      return 'TINYINT';
    case 'boolean':
      return 'TINYINT';
    case 'integer':
      return 'INTEGER';
    case 'number':
      return 'DOUBLE';
    default:
      return 'VARCHAR';
  }
}

export async function buildData(opts: BuildOptions): Promise<BuildResult> {
  // The working database is a file, not memory: its tables are stored compressed and DuckDB keeps
  // only what it works on within its memory limit, so memory does not grow with the survey.
  const dbFile = path.join(os.tmpdir(), `data-build-${process.pid}-${Date.now()}.duckdb`);
  const conn = await openDuck({ memoryLimit: process.env.BUILD_MEMORY_LIMIT ?? '1200MB', file: dbFile });
  try {
    return await runBuild(opts, conn);
  } finally {
    closeDuck(conn);
    for (const f of [dbFile, `${dbFile}.wal`]) rmSync(f, { force: true });
  }
}

async function runBuild(opts: BuildOptions, conn: DuckDBConnection): Promise<BuildResult> {
  const { rawDir, outDir } = opts;
  // the instrument as this survey used it: absent variables, scales from the items asked, frame values from the data
  const sourceMeta = readSourceMeta(rawDir);
  let codebook = effectiveCodebook(opts.codebook, sourceMeta);
  const k = opts.k ?? codebook.k;
  const rowGroupSize = opts.rowGroupSize ?? 16384;
  const file = path.join(rawDir, 'respondents.csv');
  if (!existsSync(file)) throw new Error(`no raw data at ${file}: run \`npm run data:generate\` or \`npm run data:import\` first`);
  if (statSync(file).size === 0) throw new ValidationFailed([{ file, row: null, column: null, value: null, expected: 'a header row and data (the file is empty)', message: `${file}: expected a header row and data (the file is empty)` }]);

  // Bounded memory: the survey is read from the CSV file by streaming scans and lives only in
  // DuckDB, which spills to disk past its limit; JavaScript holds counts and small tables only.
  const t0 = performance.now();
  let tLap = t0;
  const timings: Record<string, number> = {};
  // progress on long builds (stage, elapsed) to stderr: on a terminal, or when the survey is large
  const showProgress = opts.progress ?? (Boolean(process.stderr.isTTY) || statSync(file).size > 20 * 1024 * 1024);
  const stage = (what: string) => {
    if (showProgress) process.stderr.write(`[data:build ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${what} …\n`);
  };
  let cpuLap = process.cpuUsage();
  const lap = (what: string) => {
    timings[what] = (performance.now() - tLap) / 1000;
    const cpu = process.cpuUsage(cpuLap);
    // CPU seconds of the whole process (DuckDB's threads included): comparable on a loaded machine
    if (process.env.BUILD_TIMING) console.error(`[timing] ${what}: ${timings[what].toFixed(2)} s (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, rss ${(process.memoryUsage.rss() / 1048576).toFixed(0)} MB)`);
    tLap = performance.now();
    cpuLap = process.cpuUsage();
  };
  await conn.run(`SET preserve_insertion_order = true`);
  // (Tables are stored compressed, DuckDB's default. Stored uncompressed they cost less CPU to write —
  // at 100,000 respondents the long table 3.5 instead of 5.3 CPU-s — but at a million the build's peak
  // RSS rose from 1.6–1.9 GB to 2.38 GB, over the 2 GB target.)
  // Read everything as text: validation decides what is valid, nothing is coerced silently.
  // A view, not a table: each pass streams the file (validation once, the typed table once), on every
  // thread. Rows are not numbered there: row_number() OVER () would read the file on one thread. A
  // row's number is its position, which the typed table keeps (preserve_insertion_order): its rowid + 1.
  // Only a file with problems is read again, numbered, to name the rows (`raw_rows`).
  stage('reading and validating the raw data (storing the typed table alongside)');
  await conn.run(
    `CREATE VIEW raw AS SELECT * FROM read_csv(${lit(file)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', null_padding = false, auto_detect = false, columns = ${await headerColumns(file)})`,
  );
  await conn.run(`CREATE VIEW raw_rows AS SELECT row_number() OVER () AS _row, * FROM raw`);
  const notCSV = (e: unknown) =>
    new ValidationFailed([{ file, row: null, column: null, value: null, expected: 'a well-formed CSV', message: `${file}: not a well-formed CSV (${(e as Error).message.split('\n')[0]})` }]);
  // Typed, generalised, identifier-free table with the scale scores: the full-detail records, never published.
  const select: string[] = [];
  const generalised: DisclosureReport['generalised'] = {};
  const published: Variable[] = [];
  for (const v of codebook.variables) {
    const out = publishedName(v);
    if (!out) continue;
    published.push(v);
    const typed = v.absent ? `CAST(NULL AS ${sqlType(v)})` : `CAST(${ident(v.name)} AS ${sqlType(v)})`;
    if (v.generalise) {
      const g = generaliseExpr(codebook, v.name, typed);
      select.push(`${g.expr} AS ${ident(g.to)}`);
    } else select.push(`${typed} AS ${ident(v.name)}`);
  }
  // Scale scores: mean of the items asked after reverse keying; NULL if any asked item is missing.
  const scoreCols = scoreColumnsSQL(codebook);
  // The typed table is stored while the file is validated, on a second connection: storing it runs on
  // one thread (at a million respondents 37 CPU-s, of which the typed read itself is 19 on two threads),
  // so validation's scan has the other core. It is kept only if validation finds nothing; then an error
  // while typing can only be a malformed file. (No _row column: a record's source row is its rowid + 1.)
  const typing = await connectAgain(conn);
  const typed = typing
    .run(`CREATE TABLE full_detail AS SELECT *, ${scoreCols.join(', ')} FROM (SELECT ${select.join(', ')} FROM raw)`)
    .then(
      () => null,
      (e: unknown) => e,
    );
  let header: string[];
  let errors: Awaited<ReturnType<typeof validateRaw>>;
  try {
    header = (await rows<{ column_name: string }>(conn, `SELECT column_name FROM (DESCRIBE raw)`)).map((r) => r.column_name);
    errors = await validateRaw(conn, 'raw', header, codebook, file, 'raw_rows');
  } catch (e) {
    await typed;
    if (e instanceof ValidationFailed) throw e;
    throw notCSV(e);
  }
  lap('validate (typing alongside)');
  const typingFailed = await typed;
  typing.closeSync?.();
  if (errors.length) throw new ValidationFailed(errors);
  if (typingFailed) throw notCSV(typingFailed);
  await conn.run(`DROP VIEW raw_rows`);
  await conn.run(`DROP VIEW raw`);
  codebook = await frameFromData(conn, 'full_detail', codebook);
  const [{ n: recordsIn }] = await rows<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM full_detail`);
  for (const v of codebook.variables) if (v.generalise) generalised[v.name] = { from: v.name, to: v.generalise.to, records: recordsIn };
  lap('typed table (after validation)');

  // Tier 1: the microdata, k-anonymous over the declared scenario. Only the columns anonymisation
  // reads or changes (the frame, the intruder's variables, sensitive answers) go through it: a narrow
  // table keyed by _row, joined back to the full record when the microdata is written.
  stage('anonymising the microdata');
  const scenario = scenarioOf(codebook);
  const detailCols = (await rows<{ column_name: string }>(conn, `SELECT column_name FROM (DESCRIBE full_detail)`)).map((r) => r.column_name);
  const anonCols = new Set([...scenario.fixed, ...scenario.quasiIdentifiers.map((q) => q.name), ...scenario.sensitive].filter((c) => detailCols.includes(c)));
  await conn.run(`CREATE TABLE pub AS SELECT ${sourceRow()} AS _row, ${[...anonCols].map(ident).join(', ')} FROM full_detail`);
  await bandRecordNumbers(conn, 'pub', scenario);
  const disclosureCore = await anonymiseMicrodata(conn, 'pub', codebook, k, recordsIn);
  lap('anonymise microdata');
  const levels = Object.fromEntries(Object.entries(disclosureCore.variables).map(([v, d]) => [v, d.level]));

  // Respondent ids re-keyed: a hash of a salt and the source row, so ids carry no order or source.
  const privateSource = sourceInfo(rawDir);
  const salt = createHash('sha256').update(JSON.stringify({ source: privateSource.kind === 'synthetic' ? privateSource.seed : privateSource.files, v: codebook.version })).digest('hex');
  const source: Manifest['source'] = privateSource.kind === 'synthetic' ? privateSource : { kind: 'import', survey: sourceMeta?.survey ?? null, respondents: recordsIn };
  // the microdata: the full record with the anonymised columns, for the records anonymisation kept
  // (aggregate-only variables left out)
  const pubCols = detailCols.filter((c) => c !== '_row' && !scenario.aggregateOnly.includes(c)).map((c) => (anonCols.has(c) ? `a.${ident(c)}` : `f.${ident(c)}`));
  const present = new Set(detailCols.filter((c) => c !== '_row' && !scenario.aggregateOnly.includes(c)));
  // the competency table carries every published frame and quasi-identifier column (and the numbers an
  // intruder knows, banded in the microdata), in codebook order: the codebook says which they are
  const carried = codebook.variables
    .filter((v) => v.role === 'frame' || v.role === 'quasi_identifier' || scenario.quasiIdentifiers.some((q) => q.name === (v.generalise?.to ?? v.name)))
    .map((v) => v.generalise?.to ?? v.name);
  const groupCols = [...new Set(carried)].filter((c) => present.has(c));
  // competencies in DuckDB's sort order of their ids
  const ids = (await rows<{ c: string }>(conn, `SELECT c FROM (VALUES ${codebook.competencies.map((c) => `(${lit(c.id)})`).join(', ')}) t(c) ORDER BY c`)).map((r) => r.c);
  const competencyView = competencyTableSQL(codebook, groupCols, 'respondents', ids);

  // Write to a temporary folder; move into place only on success.
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });

  // From here on every query runs on ONE thread: floating-point sums in a fixed order and Parquet
  // written in one piece, so the same input gives the same bytes. The two cores are used by two
  // connections running independent work side by side (below).
  await conn.run(`SET threads = 1`);
  const conn2 = await connectAgain(conn);
  // BUILD_TIMING=serial: the two lines of work one after the other, so that each step's CPU seconds are its own
  const serial = process.env.BUILD_TIMING === 'serial';
  // BUILD_TIMING: the process's RSS sampled every 200 ms, so each step reports the peak during it
  const samples: [number, number][] = [];
  const sampler = process.env.BUILD_TIMING ? setInterval(() => samples.push([performance.now(), process.memoryUsage.rss()]), 200) : null;
  const timed = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const cpu0 = process.cpuUsage();
    const out = await f();
    timings[what] = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const peak = samples.filter(([at]) => at >= t).reduce((a, [, r]) => Math.max(a, r), 0);
    if (process.env.BUILD_TIMING)
      console.error(
        `[timing]   ${what}: ${timings[what].toFixed(2)} s (${serial ? `cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s` : 'side by side with other work'}, peak rss ${(peak / 1048576).toFixed(0)} MB)`,
      );
    return out;
  };
  stage('protected aggregate tables, and the microdata files alongside');
  // The microdata file is written sorted (county, dept_type, rid) straight from the join of the full
  // records with their anonymised columns; the CSV twin and the cubes then read that file. The
  // competency long table (respondents × competencies, 15 million rows at a million respondents) is no
  // longer stored or published: it is a view (src/lib/db/params.ts), the union of one scan of the
  // respondents per competency, competencies in sorted order. (Storing and writing it took 90 of the
  // build's 276 CPU-seconds at a million respondents, and 186 MB of download said nothing new.)
  const scan = (c: DuckDBConnection, sql: string, name: string) =>
    c.run(`COPY (${sql}) TO ${lit(path.join(tmp, name))} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${rowGroupSize})`);
  const respondentsFile = path.join(tmp, 'respondents.parquet');
  // the microdata file, sorted as it is written (no stored table: storing 1M wide rows cost more than the sort)
  const microdataFile = async (): Promise<number> => {
    await timed('respondents.parquet', () =>
      scan(
        conn2,
        `SELECT * FROM (SELECT substr(sha256(${lit(salt)} || CAST(${sourceRow('f')} AS VARCHAR)), 1, 16) AS rid, ${pubCols.join(', ')} FROM full_detail f JOIN pub a ON a._row = ${sourceRow('f')}) ORDER BY ${RESPONDENTS_ORDER}`,
        'respondents.parquet',
      ),
    );
    // what follows reads the published file itself, as a reader does: the CSV twin and the competency
    // view (its SQL published in codebook.json, src/lib/db/params.ts), whose rows come in the order
    // (competency, county, dept_type, rid): the cubes' sums are taken in that order
    await conn2.run(`CREATE VIEW respondents AS SELECT * FROM read_parquet(${lit(respondentsFile)})`);
    await conn2.run(`CREATE VIEW competency AS ${competencyView}`);
    return (await rows<{ n: number }>(conn2, `SELECT count(*)::INTEGER AS n FROM respondents`))[0].n;
  };
  // CSV twin of the microdata for readers without a Parquet reader. DuckDB writes CSV on one thread
  // (35 s at a million respondents): the two halves are written side by side and joined, the same bytes
  // as one COPY (checked in src/lib/data/build.test.ts). `records`: the rows of respondents.parquet.
  const csvPart = (which: 0 | 1) => path.join(tmp, `respondents.csv.part${which}`);
  const csvHalf = (c: DuckDBConnection, which: 0 | 1, records: number) => {
    const half = Math.ceil(records / 2);
    return c.run(`COPY (SELECT * FROM respondents ${which === 0 ? `LIMIT ${half}` : `OFFSET ${half}`}) TO ${lit(csvPart(which))} (HEADER ${which === 0}, DELIMITER ',')`);
  };
  // the cubes (src/lib/data/cube.ts), for the competency figures: competency_cube by its SQL over the
  // competency view; dimension_cube from the wide rows (the same rows as its SQL over the view, which
  // groups a million respondents by rid: 16 CPU-s and a 2.2 GB peak at a million)
  const cubeFile = (name: string) => CUBES.find((c) => c.name === name)!.file;
  const competencyCube = (c: DuckDBConnection) => scan(c, CUBES.find((x) => x.name === 'competency_cube')!.sql, cubeFile('competency_cube'));
  const dimensionCube = (c: DuckDBConnection) => scan(c, dimensionCubeFromRespondentsSQL(codebook, 'respondents', ids), cubeFile('dimension_cube'));
  const tables = async () => {
    // Tier 2: protected aggregate tables from the full-detail records, which are never published.
    const aggregates = await timed('protected aggregates', () => buildGroupAggregates(conn, 'full_detail', codebook, k, levels, 'groups'));
    // What the same design reaches on smaller surveys: deterministic subsamples of these records,
    // anonymised and tabulated the same way (nothing of them is published; docs/privacy.md).
    const reachable: DisclosureReport['reachable'] = [];
    await timed('reachable at smaller sizes', async () => {
      for (const size of [1000, 300].filter((s) => s < recordsIn)) {
        // the records whose source row hashes lowest: the same subsample however the table is stored
        await conn.run(`CREATE OR REPLACE TABLE sub_full AS SELECT * FROM full_detail WHERE ${sourceRow()} IN (SELECT ${sourceRow()} FROM full_detail ORDER BY hash(${sourceRow()} * 31 + 42), ${sourceRow()} LIMIT ${size}) ORDER BY ${sourceRow()}`);
        await conn.run(`CREATE OR REPLACE TABLE sub_micro AS SELECT * FROM sub_full`);
        await bandRecordNumbers(conn, 'sub_micro', scenarioOf(codebook));
        const micro = await anonymiseMicrodata(conn, 'sub_micro', codebook, k, size);
        const subLevels = Object.fromEntries(Object.entries(micro.variables).map(([v, d]) => [v, d.level]));
        const agg = await buildGroupAggregates(conn, 'sub_full', codebook, k, subLevels, 'sub_groups');
        reachable.push({
          respondents: size,
          recordsPublished: micro.recordsPublished,
          levels: Object.fromEntries(Object.entries(micro.variables).map(([v, d]) => [v, d.levelName])),
          uniqueShareBefore: micro.risk.uniqueShareBefore,
          views: agg.report.views.length,
          viewsOver5: agg.report.viewsOver5,
          meanViewShare: agg.report.meanViewShare,
          worstViewShare: agg.report.worstViewShare,
        });
        for (const t of ['sub_full', 'sub_micro', 'sub_groups']) await conn.run(`DROP TABLE ${t}`);
      }
    });
    return { aggregates, reachable };
  };
  // Two lines of work on two connections (each query on one thread, see above):
  //   conn:  the aggregate tables and reachable-at-smaller-sizes │ CSV first half  │ competency_cube
  //   conn2: respondents.parquet (sorted as written)            │ CSV second half │ dimension_cube
  // each line's second step waits for the Parquet file. BUILD_TIMING=serial runs the six steps in turn.
  let result: Awaited<ReturnType<typeof tables>>;
  if (serial) {
    result = await tables();
    const records = await microdataFile();
    await timed('respondents.csv, first half', () => csvHalf(conn, 0, records));
    await timed('respondents.csv, second half', () => csvHalf(conn2, 1, records));
    await timed('competency_cube', () => competencyCube(conn));
    await timed('dimension_cube', () => dimensionCube(conn2));
  } else {
    const parquet = microdataFile();
    [result] = await Promise.all([
      (async () => {
        const r = await tables();
        const records = await parquet;
        await timed('respondents.csv, first half', () => csvHalf(conn, 0, records));
        await timed('competency_cube', () => competencyCube(conn));
        return r;
      })(),
      (async () => {
        const records = await parquet;
        await timed('respondents.csv, second half', () => csvHalf(conn2, 1, records));
        await timed('dimension_cube', () => dimensionCube(conn2));
      })(),
    ]);
  }
  if (sampler) clearInterval(sampler);
  const { aggregates, reachable } = result;
  appendFile(csvPart(0), csvPart(1));
  renameSync(csvPart(0), path.join(tmp, 'respondents.csv'));
  await conn.run(`DROP VIEW competency`);
  await conn.run(`DROP VIEW respondents`);
  conn2.closeSync?.();
  await conn.run(`DROP TABLE pub`);
  await conn.run(`DROP TABLE full_detail`);
  lap('aggregates and files');
  const disclosure: DisclosureReport = {
    ...disclosureCore,
    generalised,
    aggregates: aggregates.report,
    reachable,
    definition:
      'Every combination of the intruder-known variables (' +
      quasiIdentifierColumns(codebook).join(', ') +
      ') occurs at least k times in the microdata, NULL (withheld) counted as a value of its own; each class holds at least l distinct answers to every sensitive question or the answer is withheld there. Breakdowns by group are published as aggregate tables from the full data, with cells under k and their complements withheld.',
  };
  stage('writing groups.parquet, codebook.json, disclosure.json, manifest.json');
  await scan(conn, `SELECT * FROM groups ORDER BY measure, scope, by_var, grp`, 'groups.parquet');
  // one k: the published codebook states the k this data was built with, and every consumer reads it there
  // and the SQL of the views derived from the published files (the competency long table)
  writeFileSync(path.join(tmp, 'codebook.json'), JSON.stringify({ ...codebook, k, views: { competency: competencyView } }, null, 2) + '\n');
  // 12 significant digits: entropy sums computed on several threads differ in the last bits from run to
  // run (checked: recodingLoss 0.4552273513482056 vs …547), and the same input must give the same bytes
  const stable = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v);
  writeFileSync(path.join(tmp, 'disclosure.json'), JSON.stringify(disclosure, stable, 2) + '\n');

  const files: Manifest['files'] = [];
  for (const name of ['respondents.parquet', ...CUBES.map((c) => c.file), 'groups.parquet', 'respondents.csv', 'codebook.json', 'disclosure.json']) {
    const p = path.join(tmp, name);
    const entry: Manifest['files'][number] = { name, bytes: statSync(p).size, sha256: sha256File(p) };
    if (name.endsWith('.parquet')) {
      const [{ n }] = await rows<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM read_parquet(${lit(p)})`);
      entry.rows = n;
      entry.schema = (await rows<{ column_name: string; column_type: string }>(conn, `DESCRIBE SELECT * FROM read_parquet(${lit(p)})`)).map((r) => ({
        name: r.column_name,
        type: r.column_type,
      }));
    }
    files.push(entry);
  }
  const [{ v: duckdbVersion }] = await rows<{ v: string }>(conn, `SELECT version() AS v`);
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const manifest: Manifest = {
    dataset: codebook.id,
    codebookVersion: codebook.version,
    source,
    k,
    files,
    tools: { report: pkg.version, node: process.version, duckdb: duckdbVersion, '@duckdb/node-api': pkg.devDependencies?.['@duckdb/node-api'] ?? pkg.dependencies?.['@duckdb/node-api'] },
  };
  writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  if (privateSource.kind === 'import') writeBuildLog(rawDir, privateSource.files, manifest);

  mkdirSync(outDir, { recursive: true });
  // what the previous build published and this one does not (competency.parquet before it became a
  // view) is removed, so the site never serves a stale file beside the new ones
  const before = path.join(outDir, 'manifest.json');
  const previous: string[] = existsSync(before) ? (JSON.parse(readFileSync(before, 'utf8')).files ?? []).map((f: { name: string }) => f.name) : [];
  for (const name of previous) if (!files.some((f) => f.name === name) && !name.includes('/') && !name.includes('\\')) rmSync(path.join(outDir, name), { force: true });
  for (const name of readdirSync(tmp)) renameSync(path.join(tmp, name), path.join(outDir, name));
  rmSync(tmp, { recursive: true, force: true });
  return { manifest, disclosure, timings };
}

/** Appends `from` to `to` (4 MB at a time) and removes `from`: the second half of the CSV is copied, not both. */
function appendFile(to: string, from: string) {
  const out = openSync(to, 'a');
  const fd = openSync(from, 'r');
  const buf = Buffer.alloc(4 << 20);
  try {
    for (let got: number; (got = readSync(fd, buf, 0, buf.length, null)) > 0; ) writeSync(out, buf, 0, got);
  } finally {
    closeSync(fd);
    closeSync(out);
  }
  rmSync(from);
}

/** Private build log beside the raw data (never under public/): raw and export hashes, which identify the source files. */
function writeBuildLog(rawDir: string, rawFiles: { name: string; sha256: string }[], manifest: Manifest) {
  const log = { note: 'Private: not published. Hashes of the raw files this build read.', raw: rawFiles, published: manifest.files.map((f) => ({ name: f.name, sha256: f.sha256 })) };
  writeFileSync(path.join(rawDir, 'build-log.json'), JSON.stringify(log, null, 2) + '\n');
}

function sourceInfo(rawDir: string): { kind: 'synthetic'; seed: number; respondents: number; truth: unknown } | { kind: 'import'; files: { name: string; sha256: string }[] } {
  const truthFile = path.join(rawDir, 'truth.json');
  if (existsSync(truthFile)) {
    const truth = JSON.parse(readFileSync(truthFile, 'utf8'));
    return { kind: 'synthetic', seed: truth.seed, respondents: truth.respondents, truth };
  }
  const files = [{ name: 'respondents.csv', sha256: sha256File(path.join(rawDir, 'respondents.csv')) }];
  const sourceFile = path.join(rawDir, 'source.json');
  if (existsSync(sourceFile)) {
    const s = JSON.parse(readFileSync(sourceFile, 'utf8'));
    files.push({ name: `export: ${s.file}`, sha256: s.sha256 }, { name: 'mapping', sha256: s.mappingSha256 });
  }
  return { kind: 'import', files };
}

/** DuckDB `columns = {...}` struct for read_csv with every header column as VARCHAR (keeps header order). */
async function headerColumns(file: string): Promise<string> {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 16);
  const got = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  const head = buf.subarray(0, got).toString('utf8');
  const end = head.indexOf('\n');
  const firstLine = (end === -1 ? head : head.slice(0, end)).replace(/\r$/, '').replace(/^\uFEFF/, '');
  const names = firstLine.split(',');
  return `{${names.map((n, i) => `${lit(n || `column${i}`)}: 'VARCHAR'`).join(', ')}}`;
}
