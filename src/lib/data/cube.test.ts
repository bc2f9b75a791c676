// The competency cubes (src/lib/data/cube.ts) against the long table they are drawn from, on the built data
// (public/data, or CUBE_DATA=<folder> e.g. a 100k bench build):
// 1. each cube file equals its SQL re-run over the competency view (respondents.parquet, the view's published SQL);
// 2. every figure that reads a cube gives, for EVERY parameter combination its controls offer (all
//    counties × departments), the same rows as its former SQL over the long table: same rows in the
//    same order, n exactly, every number within 1e-9 (relative to its size, at least 1).
// Same n means the same small-cell suppression (applied to the rows after the query, by n).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { nodeClient } from '../db/node.ts';
import { bindNamed } from '../db/params.ts';
import { CUBES } from './cube.ts';
import { figures } from '../../figures/registry.ts';
import { controlOptions } from '../figures/options.ts';
import type { ControlKind } from '../figures/types.ts';

const dataDir = process.env.CUBE_DATA ?? 'public/data';

/** the figures' SQL before the cubes: over the long table `competency` (one row per respondent × competency) */
const LONG_SQL: Record<string, string> = {
  'competency-profile': `SELECT competency,
       count(*)::INTEGER AS n,
       avg(proficiency) AS proficiency,
       avg(importance) AS importance,
       avg(proficiency) - 1.96 * stddev_samp(proficiency) / sqrt(count(*)) AS pro_lo,
       avg(proficiency) + 1.96 * stddev_samp(proficiency) / sqrt(count(*)) AS pro_hi,
       avg(importance) - avg(proficiency) AS gap
FROM competency
WHERE ($county = 'all' OR county = $county)
  AND ($dept = 'all' OR dept_type = $dept)
  AND proficiency IS NOT NULL AND importance IS NOT NULL
GROUP BY competency
ORDER BY gap DESC, competency`,
  'ipa-quadrants': `SELECT competency, count(*)::INTEGER AS n, avg(proficiency) AS proficiency, avg(importance) AS importance
FROM competency
WHERE ($county = 'all' OR county = $county) AND ($dept = 'all' OR dept_type = $dept)
  AND proficiency IS NOT NULL AND importance IS NOT NULL
GROUP BY competency
ORDER BY competency`,
  'borich-ranking': `SELECT competency, count(*)::INTEGER AS n,
       avg(gap) * avg(importance) AS mwds,
       avg(importance) AS importance, avg(proficiency) AS proficiency,
       rank() OVER (ORDER BY avg(gap) * avg(importance) DESC)::INTEGER AS priority
FROM competency
WHERE ($county = 'all' OR county = $county) AND ($dept = 'all' OR dept_type = $dept)
  AND proficiency IS NOT NULL AND importance IS NOT NULL
GROUP BY competency
ORDER BY mwds DESC`,
  'gap-heatmap': `SELECT county, competency,
       count(*)::INTEGER AS n,
       avg(gap) AS gap
FROM competency
WHERE ($dept = 'all' OR dept_type = $dept) AND gap IS NOT NULL
GROUP BY county, competency
ORDER BY county, competency`,
  'dept-competency': `SELECT competency, dept_type, count(*)::INTEGER AS n, avg(proficiency) AS proficiency, avg(gap) AS gap
FROM competency
WHERE ($county = 'all' OR county = $county) AND proficiency IS NOT NULL AND importance IS NOT NULL
GROUP BY competency, dept_type
ORDER BY competency, dept_type`,
  'training-plan': `SELECT competency, count(*)::INTEGER AS n, avg(gap) * avg(importance) AS mwds, avg(gap) AS gap
FROM competency
WHERE ($county = 'all' OR county = $county) AND ($dept = 'all' OR dept_type = $dept)
  AND proficiency IS NOT NULL AND importance IS NOT NULL
GROUP BY competency
ORDER BY mwds DESC
LIMIT 5`,
  'county-vs-rest': `WITH person AS (
  SELECT rid, dimension, CASE WHEN county = $county THEN 'this county' ELSE 'all others' END AS side,
         avg(proficiency) AS p, avg(gap) AS g
  FROM competency WHERE proficiency IS NOT NULL AND importance IS NOT NULL
  GROUP BY rid, dimension, side
)
SELECT dimension, side, count(*)::INTEGER AS n, avg(p) AS proficiency, avg(g) AS gap,
       avg(g) - 1.96 * stddev_samp(g) / sqrt(count(*)) AS lo, avg(g) + 1.96 * stddev_samp(g) / sqrt(count(*)) AS hi
FROM person GROUP BY dimension, side ORDER BY dimension, side DESC`,
};

const TOL = 1e-9;
/** the first difference between two result sets ('' when equal within TOL) */
export function difference(a: Record<string, unknown>[], b: Record<string, unknown>[]): string {
  if (a.length !== b.length) return `${a.length} rows vs ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    const ka = Object.keys(a[i]);
    const kb = Object.keys(b[i]);
    if (ka.join() !== kb.join()) return `row ${i}: columns ${ka.join()} vs ${kb.join()}`;
    for (const k of ka) {
      const x = a[i][k];
      const y = b[i][k];
      if (typeof x === 'number' && typeof y === 'number') {
        if (k === 'n' || k === 'priority' ? x !== y : !(Math.abs(x - y) <= TOL * Math.max(1, Math.abs(x), Math.abs(y)))) return `row ${i} ${k}: ${x} vs ${y}`;
      } else if (x !== y) return `row ${i} ${k}: ${String(x)} vs ${String(y)}`;
    }
  }
  return '';
}

/** every combination of the values a figure's county and department controls offer */
function combinations(params: { name: string; kind: ControlKind }[], cb: any): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const p of params) {
    const values = controlOptions(p.kind, cb).map((o) => o.value);
    out = out.flatMap((c) => values.map((v) => ({ ...c, [p.name]: v })));
  }
  return out;
}

describe('difference()', () => {
  it('sees a changed value, a changed n, a missing row and a NULL', () => {
    const r = [{ competency: 'a', n: 10, m: 2.5 }];
    expect(difference(r, [{ competency: 'a', n: 10, m: 2.5 + 1e-12 }])).toBe('');
    expect(difference(r, [{ competency: 'a', n: 10, m: 2.5 + 1e-6 }])).toMatch(/row 0 m/);
    expect(difference(r, [{ competency: 'a', n: 11, m: 2.5 }])).toMatch(/row 0 n/);
    expect(difference(r, [])).toMatch(/1 rows vs 0/);
    expect(difference(r, [{ competency: 'a', n: 10, m: null }])).toMatch(/row 0 m/);
    expect(difference([{ competency: 'a' }, { competency: 'b' }], [{ competency: 'b' }, { competency: 'a' }])).toMatch(/row 0 competency/);
  });
});

describe('the cubes on a small hand-made long table (cells of 1 and 2 ratings, NULL county, unanswered ratings)', () => {
  // 7 respondents; r1 alone in (a, x): n = 1, so no standard deviation; r6 has a withheld (NULL) county;
  // r7 answered only proficiency (left out everywhere); c1, c2 in dimension d1, c3 in d2
  const people: [string, string | null, string][] = [['r1', 'a', 'x'], ['r2', 'a', 'y'], ['r3', 'a', 'y'], ['r4', 'b', 'x'], ['r5', 'b', 'x'], ['r6', null, 'y'], ['r7', 'b', 'y']];
  const comps: [string, string][] = [['c1', 'd1'], ['c2', 'd1'], ['c3', 'd2']];
  const values: string[] = [];
  people.forEach(([rid, county, dept], i) =>
    comps.forEach(([c, d], j) => {
      const pro = ((i * 7 + j * 3) % 13) / 3 + 1;
      const imp = rid === 'r7' ? 'NULL' : String(((i * 5 + j * 11) % 13) / 3 + 1);
      values.push(`('${rid}', ${county ? `'${county}'` : 'NULL'}, '${dept}', '${c}', '${d}', ${pro}, ${imp})`);
    }),
  );
  const cases: Record<string, Record<string, string>[]> = {
    'competency-profile': [{ county: 'all', dept: 'all' }, { county: 'a', dept: 'x' }, { county: 'a', dept: 'y' }, { county: 'b', dept: 'y' }, { county: 'c', dept: 'all' }],
    'ipa-quadrants': [{ county: 'all', dept: 'all' }, { county: 'a', dept: 'x' }],
    'borich-ranking': [{ county: 'all', dept: 'all' }, { county: 'b', dept: 'x' }],
    'gap-heatmap': [{ dept: 'all' }, { dept: 'x' }, { dept: 'y' }],
    'dept-competency': [{ county: 'all' }, { county: 'a' }],
    'training-plan': [{ county: 'all', dept: 'all' }, { county: 'a', dept: 'y' }],
    'county-vs-rest': [{ county: 'a' }, { county: 'b' }, { county: 'c' }],
  };
  it('every rewritten figure gives the long table\'s rows', async () => {
    const db = await DuckDBInstance.create(':memory:', { threads: '1' });
    const c = await db.connect();
    await c.run(`CREATE TABLE competency AS SELECT rid, county, dept_type, competency, dimension, proficiency, importance, importance - proficiency AS gap
      FROM (VALUES ${values.join(', ')}) t(rid, county, dept_type, competency, dimension, proficiency, importance)`);
    for (const cube of CUBES) await c.run(`CREATE TABLE ${cube.name} AS ${cube.sql}`);
    const run = async (sql: string, params: Record<string, string>) => {
      const b = bindNamed(sql, params);
      const st = await c.prepare(b.sql);
      b.values.forEach((v, i) => st.bindVarchar(i + 1, String(v)));
      return (await st.runAndReadAll()).getRowObjectsJS() as Record<string, unknown>[];
    };
    let nullSD = 0;
    for (const [id, list] of Object.entries(cases)) {
      expect(Object.keys(LONG_SQL)).toContain(id);
      for (const params of list) {
        const long = await run(LONG_SQL[id], params);
        const cube = await run(figures[id].sql as string, params);
        expect(difference(long, cube), `${id} ${JSON.stringify(params)}`).toBe('');
        nullSD += long.filter((r) => 'pro_lo' in r && r.pro_lo === null).length;
      }
    }
    // the n = 1 cells (no standard deviation) were among them
    expect(nullSD).toBeGreaterThan(0);
    expect(await run('SELECT count(*)::INTEGER AS n FROM competency_cube WHERE county IS NULL', {})).toEqual([{ n: 3 }]);
  });
});

describe.skipIf(!existsSync(path.join(dataDir, 'competency_cube.parquet')))(`the competency cubes (${dataDir})`, () => {
  const db = nodeClient(dataDir);
  const cb = JSON.parse(readFileSync(path.join(dataDir, 'codebook.json'), 'utf8'));

  for (const cube of CUBES) {
    it(`${cube.file} is its SQL over the competency view`, async () => {
      const file = await db.query(`SELECT * FROM ${cube.name}`);
      const again = await db.query(cube.sql);
      expect(file.length).toBeGreaterThan(0);
      expect(difference(file, again)).toBe('');
    });
  }

  it('every figure that reads the long table has a cube version here', () => {
    const reading = Object.values(figures)
      .filter((f) => typeof f.sql === 'string' && /\b(competency_cube|dimension_cube)\b/.test(f.sql))
      .map((f) => f.id)
      .sort();
    expect(reading).toEqual(Object.keys(LONG_SQL).sort());
    // and none reads the long table any more
    for (const f of Object.values(figures)) if (typeof f.sql === 'string') expect(/\bFROM competency\b(?!_)/.test(f.sql), f.id).toBe(false);
  });

  for (const [id, longSQL] of Object.entries(LONG_SQL)) {
    it(`${id}: the cube SQL gives the long table's rows for every parameter combination`, async () => {
      const def = figures[id];
      const combos = combinations(def.params as any, cb);
      expect(combos.length).toBeGreaterThan(1);
      let nonEmpty = 0;
      let small = 0;
      for (const params of combos) {
        const long = await db.query(longSQL, params);
        const cube = await db.query(def.sql as string, params);
        expect(difference(long, cube), `${id} ${JSON.stringify(params)}`).toBe('');
        if (long.length) nonEmpty++;
        small += long.filter((r: any) => r.n < cb.k).length;
      }
      // the comparison saw data (not only empty selections)
      expect(nonEmpty).toBeGreaterThan(0);
      if (process.env.CUBE_VERBOSE) console.log(`${id}: ${combos.length} combinations, ${nonEmpty} non-empty, ${small} rows under k`);
    }, 600_000);
  }
});
