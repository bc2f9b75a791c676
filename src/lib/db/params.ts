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

/** The views every figure's SQL may use, over the published Parquet files (the cubes: src/lib/data/cube.ts). */
export const DATA_VIEWS = ['respondents', 'competency', 'competency_cube', 'dimension_cube', 'groups'] as const;

/**
 * The published views a query reads after FROM or JOIN, as far as a pattern can tell (the browser
 * client creates a view when a query first names it; one missed here is created when DuckDB reports it
 * missing). A column called `competency` is not the view `competency`.
 */
export function viewsNamed(sql: string): string[] {
  const code = sql.replace(/--[^\n]*/g, ' ').replace(/'(?:[^']|'')*'/g, "''");
  return DATA_VIEWS.filter((v) => new RegExp(`\\b(?:FROM|JOIN)\\s+${v}\\b(?!\\s*\\()`, 'i').test(code));
}
