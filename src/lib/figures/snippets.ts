/**
 * Ready-to-run code that reproduces a figure's rows from the downloaded Parquet files, for the
 * DuckDB CLI, Python (duckdb) and R (duckdb). Parameters are bound, as on the site.
 */
import { bindNamed, viewStatements, viewsNamed } from '../db/params.ts';
import type { FigureDef } from './types.ts';
import type { Codebook } from '../codebook/types.ts';
import { figureSQL } from './sql.ts';

/**
 * The views a SQL text reads (after FROM or JOIN, as the browser finds them), over the files of the same
 * names; a derived view (competency) after the views it reads, from its SQL published in the codebook.
 * (src/lib/figures/snippets.test.ts runs every figure's snippet with DuckDB alone, so none is missed.)
 */
const viewsFor = (sql: string, cb: Codebook) => viewStatements(viewsNamed(sql), cb.views).map((s) => `${s};`).join('\n');

const sqlLiteral = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

export function snippets(def: FigureDef, params: Record<string, string>, cb: Codebook) {
  const bound = bindNamed(figureSQL(def, cb), params);
  const views = viewsFor(bound.sql, cb);
  const execute = bound.values.length ? `EXECUTE figure(${bound.values.map(sqlLiteral).join(', ')});` : 'EXECUTE figure;';
  const cli = `-- duckdb  (run in the folder holding the downloaded Parquet files)\n${views}\nPREPARE figure AS\n${bound.sql};\n${execute}`;
  const pyList = `[${bound.values.map((v) => JSON.stringify(v)).join(', ')}]`;
  // duckdb's own fetch methods: .df() would also need pandas and numpy, which `pip install duckdb` does not bring
  const python = `# pip install duckdb   (the only package needed; run in the folder holding the downloaded Parquet files)\nimport duckdb\ncon = duckdb.connect()\ncon.execute("""${views}""")\ncur = con.execute("""\n${bound.sql}\n""", ${pyList})\nprint([c[0] for c in cur.description])\nfor row in cur.fetchall():\n    print(row)`;
  const rList = `list(${bound.values.map((v) => JSON.stringify(v)).join(', ')})`;
  const r = `# install.packages("duckdb")   (installs DBI with it; run in the folder holding the downloaded Parquet files)\nlibrary(DBI); library(duckdb)\ncon <- dbConnect(duckdb())\nfor (s in strsplit("${views.replace(/\n/g, ' ').replace(/"/g, '\\"')}", ";")[[1]]) if (nzchar(trimws(s))) dbExecute(con, s)\nrows <- dbGetQuery(con, "\n${bound.sql.replace(/"/g, '\\"')}\n", params = ${rList})\nprint(rows)`;
  return { cli, python, r, views, sql: bound.sql, values: bound.values };
}
