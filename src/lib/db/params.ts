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
