import { describe, it, expect } from 'vitest';
import { checkSQL, limited, MAX_SQL_CHARS, tokenize } from './guard.ts';

const refused = (sql: string) => {
  const r = checkSQL(sql);
  return r.ok ? null : r.message;
};

describe('console guard', () => {
  it('accepts ordinary reads of the published views', () => {
    for (const sql of [
      'SELECT county, count(*) FROM respondents GROUP BY county',
      "SELECT * FROM competency WHERE competency = 'digital' LIMIT 5;",
      'WITH x AS (SELECT 1 AS a) SELECT * FROM x',
      "SELECT 'Age: 30' AS label, 'a -- b' AS s",
      'DESCRIBE respondents',
      'CREATE TABLE mine AS SELECT * FROM respondents',
      "SELECT repeat('x', 10)",
    ])
      expect(refused(sql), sql).toBeNull();
  });
  it('refuses remote and file access, extensions, settings and ATTACH', () => {
    const cases: [string, RegExp][] = [
      ["SELECT count(*) FROM read_parquet('http://other-host/x.parquet')", /read_parquet\(\)/],
      ["SELECT * FROM 'http://other-host/x.parquet'", /http:\/\/other-host/],
      ["SELECT * FROM \"https://e.com/a.csv\"", /Reading files or addresses/],
      ['COPY (SELECT 1) TO \'http://x/y\'', /COPY is not allowed/],
      ["ATTACH 'http://x/missing.duckdb'", /ATTACH is not allowed/],
      ['INSTALL httpfs', /INSTALL is not allowed/],
      ['load httpfs', /LOAD is not allowed/],
      ["EXPORT DATABASE 'x'", /EXPORT is not allowed/],
      ['SET enable_external_access = true', /SET is not allowed/],
      ["PRAGMA threads=4", /PRAGMA is not allowed/],
      ["SELECT * FROM glob('/etc/*')", /glob\(\)/],
      ["SELECT * FROM parquet_metadata('respondents.parquet')", /parquet_metadata\(\)/],
      ["SELECT * FROM read_csv_auto('/etc/passwd')", /read_csv_auto\(\)/],
      ["SELECT 1; SELECT 2", /one statement/],
      ['/* hi */ cOpY respondents TO $$s3://b/k$$', /COPY is not allowed/],
      ["SELECT * FROM 's3://bucket/key'", /s3:\/\//],
      ["SELECT * FROM '../data/respondents.parquet'", /Reading files/],
    ];
    for (const [sql, re] of cases) expect(refused(sql), sql).toMatch(re);
  });
  it('keeps the published views', () => {
    expect(refused('DROP VIEW respondents')).toMatch(/respondents cannot be dropped/);
    expect(refused('drop view if exists "competency"')).toMatch(/competency cannot be dropped/);
    expect(refused('CREATE OR REPLACE VIEW respondents AS SELECT 1')).toMatch(/respondents/);
    expect(refused('ALTER VIEW respondents RENAME TO r2')).toMatch(/respondents/);
    expect(refused('DROP TABLE published.respondents')).toMatch(/respondents/);
    expect(refused('DROP SCHEMA published CASCADE')).toMatch(/published/);
    expect(refused('PREPARE x AS DROP VIEW respondents')).toMatch(/respondents cannot be dropped/);
    expect(refused('CREATE TEMP VIEW competency AS SELECT 1')).toMatch(/competency/);
    expect(refused('CREATE TABLE mine AS SELECT * FROM respondents')).toBeNull();
  });
  it('caps the length', () => {
    const long = 'SELECT ' + Array.from({ length: 5000 }, (_, i) => `${i} AS c${i}`).join(', ');
    expect(long.length).toBeGreaterThan(MAX_SQL_CHARS);
    expect(refused(long)).toMatch(/characters long; the console accepts at most 8,000/);
  });
  it('wraps row-returning queries in a LIMIT and leaves others alone', () => {
    const r = checkSQL('SELECT * FROM respondents;');
    expect(r.ok && limited(r.sql, r.wrap, 1001)).toBe('SELECT * FROM (\nSELECT * FROM respondents\n) AS console_query LIMIT 1001');
    const d = checkSQL('DESCRIBE respondents');
    expect(d.ok && d.wrap).toBe(false);
  });
  it('does not treat words inside strings, quoted names or comments as statements', () => {
    expect(tokenize("SELECT 'copy' AS \"attach\" -- load\n")).toEqual([
      { kind: 'word', text: 'select' },
      { kind: 'string', text: 'copy' },
      { kind: 'word', text: 'as' },
      { kind: 'quoted', text: 'attach' },
    ]);
    expect(refused("SELECT 'copy' AS \"attach\" -- load")).toBeNull();
  });
});
