/**
 * Figure SQL uses named parameters (`$county`). Both engines receive it rewritten to numbered
 * parameters ($1, $2, …) with the values in order, so the same SQL text binds the same way in
 * DuckDB (Node) and DuckDB-WASM (whose 0.9 engine has no named binding). Values are always
 * bound, never spliced into SQL.
 */
export type ParamValue = string | number | boolean | null;

export function bindNamed(sql: string, params: Record<string, ParamValue>): { sql: string; values: ParamValue[] } {
  const order: string[] = [];
  const out = sql.replace(/\$([a-zA-Z_][a-zA-Z0-9_]*)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`SQL parameter $${name} has no value`);
    let i = order.indexOf(name);
    if (i === -1) i = order.push(name) - 1;
    return `$${i + 1}`;
  });
  return { sql: out, values: order.map((n) => params[n]) };
}

/**
 * The views every figure's SQL and the console may use. Each but `competency` is a published Parquet
 * file of the same name (the cubes: src/lib/data/cube.ts). `competency`, one row per respondent ×
 * competency, is a view of `respondents`: its SQL is published in codebook.json (`views.competency`),
 * and no file of it is stored (issue #11: at a million respondents the long table cost 90 of the
 * build's CPU-seconds and 186 MB of download, and said nothing respondents.parquet does not).
 * Listed so that a view comes after the views it reads.
 */
export const DATA_VIEWS = ['respondents', 'competency', 'competency_cube', 'dimension_cube', 'groups'] as const;
export type DataView = (typeof DATA_VIEWS)[number];
/** the views derived from others, with the views they read */
export const DERIVED_VIEWS: Partial<Record<DataView, readonly DataView[]>> = { competency: ['respondents'] };
/** the views with a Parquet file of their own (`<view>.parquet`) */
export const FILE_VIEWS: readonly DataView[] = DATA_VIEWS.filter((v) => !DERIVED_VIEWS[v]);

/**
 * The SELECT a view stands for: its file, or for a derived view the SQL the build published in the
 * codebook (`views`), which reads other views by name. `file` maps a file name to what read_parquet
 * reads (a path in Node).
 */
export function viewSQL(view: DataView, published: Record<string, string> | undefined, file: (name: string) => string = (n) => n): string {
  if (!DERIVED_VIEWS[view]) return `SELECT * FROM read_parquet('${file(`${view}.parquet`).replace(/'/g, "''")}')`;
  const sql = published?.[view];
  if (typeof sql !== 'string' || !sql.trim()) throw new Error(`the published codebook.json has no definition of the view ${view} (views.${view}): rebuild the data`);
  return sql;
}

/** `CREATE VIEW` statements for these views and the views they read (those first, each once), as `viewSQL` defines them */
export function viewStatements(views: readonly DataView[], published: Record<string, string> | undefined, file?: (name: string) => string): string[] {
  return withDependencies(views).map((v) => `CREATE VIEW ${v} AS ${viewSQL(v, published, file)}`);
}

/** a view and the views it reads, those first (each once) */
export function withDependencies(views: readonly DataView[]): DataView[] {
  const out: DataView[] = [];
  const add = (v: DataView) => {
    if (out.includes(v)) return;
    for (const d of DERIVED_VIEWS[v] ?? []) add(d);
    out.push(v);
  };
  views.forEach(add);
  return out;
}

/**
 * The published views a query reads after FROM or JOIN, as far as a pattern can tell (the browser
 * client creates a view when a query first names it; one missed here is created when DuckDB reports it
 * missing). A column called `competency` is not the view `competency`.
 */
export function viewsNamed(sql: string): DataView[] {
  const code = sql.replace(/--[^\n]*/g, ' ').replace(/'(?:[^']|'')*'/g, "''");
  return DATA_VIEWS.filter((v) => new RegExp(`\\b(?:FROM|JOIN)\\s+${v}\\b(?!\\s*\\()`, 'i').test(code));
}
