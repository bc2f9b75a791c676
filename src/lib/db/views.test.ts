// The browser client creates a published view only when a query first names it (src/lib/db/browser.ts),
// so a chapter's figures, which read the small cubes, never read the long tables' footers. This checks,
// on the built data, that every figure's SQL runs with ONLY the views `viewsNamed` finds for it (so none
// depends on the browser's fallback), and that the pattern does not mistake a column for a view.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { figures } from '../../figures/registry.ts';
import { bindNamed, DATA_VIEWS, DERIVED_VIEWS, FILE_VIEWS, viewSQL, viewsNamed, withDependencies } from './params.ts';

const dataDir = 'public/data';
const cb = JSON.parse(readFileSync(path.join(dataDir, 'codebook.json'), 'utf8'));

describe('viewsNamed', () => {
  it('finds views after FROM and JOIN, not a column, a longer name, a comment or a string of the same name', () => {
    expect(viewsNamed('SELECT competency, n FROM competency_cube WHERE county = $c')).toEqual(['competency_cube']);
    expect(viewsNamed('SELECT * FROM respondents r JOIN competency c USING (rid)')).toEqual(['respondents', 'competency']);
    expect(viewsNamed("SELECT 'FROM competency' AS x -- FROM respondents\nFROM groups")).toEqual(['groups']);
    expect(viewsNamed('select * from Competency')).toEqual(['competency']);
    expect(viewsNamed('SELECT * FROM read_parquet(\'x\')')).toEqual([]);
  });
});

describe('view definitions', () => {
  it('a file view reads its file; a derived view is the published SQL, after the views it reads', () => {
    expect(viewSQL('groups', undefined)).toBe("SELECT * FROM read_parquet('groups.parquet')");
    expect(viewSQL('groups', undefined, (n) => `/d/it's/${n}`)).toBe("SELECT * FROM read_parquet('/d/it''s/groups.parquet')");
    expect(viewSQL('competency', { competency: 'SELECT 1 FROM respondents' })).toBe('SELECT 1 FROM respondents');
    expect(() => viewSQL('competency', undefined)).toThrow(/views\.competency.*rebuild/);
    expect(() => viewSQL('competency', { competency: '  ' })).toThrow(/competency/);
    expect(withDependencies(['competency'])).toEqual(['respondents', 'competency']);
    expect(withDependencies(['groups', 'competency', 'respondents'])).toEqual(['groups', 'respondents', 'competency']);
    expect(FILE_VIEWS).not.toContain('competency');
    expect([...FILE_VIEWS, ...Object.keys(DERIVED_VIEWS)].sort()).toEqual([...DATA_VIEWS].sort());
  });
  it('the published codebook defines every derived view, over the published files', async () => {
    const db = await DuckDBInstance.create(':memory:', { threads: '1' });
    const conn = await db.connect();
    for (const v of DATA_VIEWS) await conn.run(`CREATE VIEW ${v} AS ${viewSQL(v, cb.views, (n) => path.resolve(dataDir, n))}`);
    const [{ n }] = (await (await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM competency')).getRowObjectsJS()) as { n: number }[];
    const [{ r }] = (await (await conn.runAndReadAll('SELECT count(*)::INTEGER AS r FROM respondents')).getRowObjectsJS()) as { r: number }[];
    expect(n).toBe(r * cb.competencies.filter((c: any) => !c.absent).length);
  });
});

describe('every figure runs with only the views its SQL names', async () => {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  for (const [id, def] of Object.entries(figures)) {
    it(id, async () => {
      const sql = typeof def.sql === 'function' ? def.sql(cb) : def.sql;
      const names = viewsNamed(sql);
      expect(names.length, `${id} names no published view`).toBeGreaterThan(0);
      const conn = await db.connect();
      const schema = `s_${id.replace(/\W/g, '_')}`;
      await conn.run(`CREATE SCHEMA ${schema}; USE ${schema}`);
      for (const v of withDependencies(names)) await conn.run(`CREATE VIEW ${v} AS ${viewSQL(v, cb.views, (n) => path.resolve(dataDir, n))}`);
      const bound = bindNamed(sql, Object.fromEntries(def.params.map((p) => [p.name, p.default])));
      const stmt = await conn.prepare(bound.sql);
      bound.values.forEach((v, i) => stmt.bindVarchar(i + 1, String(v)));
      const rows = (await stmt.runAndReadAll()).getRowObjectsJS();
      expect(rows.length, `${id} returned no rows with its default view`).toBeGreaterThan(0);
      conn.closeSync?.();
    });
  }
  it('the figures that read the cubes do not name the long tables', () => {
    const cubeFigures = Object.entries(figures).filter(([, d]) => viewsNamed(typeof d.sql === 'function' ? d.sql(cb) : d.sql).some((v) => v.endsWith('_cube')));
    expect(cubeFigures.length).toBeGreaterThanOrEqual(7);
    for (const [id, d] of cubeFigures) expect(viewsNamed(typeof d.sql === 'function' ? d.sql(cb) : d.sql), id).not.toContain('competency');
    expect(DATA_VIEWS).toContain('competency');
  });
});
