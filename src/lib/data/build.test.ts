import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { loadCodebook } from '../codebook/load.ts';
import { generateSurvey } from '../synthetic/generate.ts';
import { buildData } from './build.ts';
import { ValidationFailed } from './validate.ts';
import { openDuck, rows } from './duck.ts';
import { nodeClient } from '../db/node.ts';

const codebook = loadCodebook('data/codebook.yaml');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'build-test-'));
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

let raw: string;
let out: string;
beforeAll(async () => {
  raw = tmp();
  out = tmp();
  await generateSurvey({ seed: 7, respondents: 1200, outDir: raw, codebook });
  await buildData({ rawDir: raw, outDir: out, codebook });
});

describe('data build', () => {
  it('gives byte-identical Parquet for the same input', async () => {
    const out2 = tmp();
    await buildData({ rawDir: raw, outDir: out2, codebook });
    for (const f of ['respondents.parquet', 'competency_cube.parquet', 'dimension_cube.parquet', 'groups.parquet', 'codebook.json', 'disclosure.json', 'manifest.json'])
      expect(hash(path.join(out2, f)), f).toBe(hash(path.join(out, f)));
  });

  it('writes the microdata file in key order, in full row groups (no sort: written by an ordered scan)', async () => {
    const conn = await openDuck({ threads: 1 });
    await conn.run('SET threads = 1'); // file order
    for (const [f, key] of [['respondents.parquet', 'county, dept_type, rid']]) {
      const file = path.join(out, f);
      const [r] = await rows<{ n: number; bad: number }>(
        conn,
        `SELECT count(*)::INT AS n, count(*) FILTER (WHERE p IS NOT NULL AND k <= p)::INT AS bad FROM (SELECT k, lag(k) OVER () AS p FROM (SELECT [${key}]::VARCHAR[] AS k FROM read_parquet('${file}')))`,
      );
      expect(r.n, f).toBeGreaterThan(1000);
      expect(r.bad, `${f}: rows out of (${key}) order`).toBe(0);
      const groups = (await rows<{ n: number }>(conn, `SELECT any_value(row_group_num_rows)::INT AS n FROM parquet_metadata('${file}') GROUP BY row_group_id ORDER BY row_group_id`)).map((g) => g.n);
      // every row group but the last holds 16,384 rows, as a sorted COPY writes them
      expect(groups.slice(0, -1).every((n) => n === 16384), `${f}: row groups ${groups.join(', ')}`).toBe(true);
      expect(groups.reduce((a, b) => a + b, 0)).toBe(r.n);
    }
  });

  it('writes the CSV twin (two halves side by side, then joined) byte for byte as one COPY of respondents.parquet', async () => {
    const conn = await openDuck({ threads: 1 });
    await conn.run('SET preserve_insertion_order = true');
    const one = path.join(tmp(), 'one.csv');
    await conn.run(`COPY (SELECT * FROM read_parquet('${out}/respondents.parquet')) TO '${one}' (HEADER, DELIMITER ',')`);
    const csv = readFileSync(path.join(out, 'respondents.csv'), 'utf8');
    const published = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')).files.find((f: any) => f.name === 'respondents.parquet').rows;
    expect(csv.split('\n').length).toBe(published + 2); // header, one line per record, final newline
    expect(csv.split('\n').filter((l) => l.startsWith('rid,'))).toHaveLength(1); // the second half has no header
    expect(hash(path.join(out, 'respondents.csv'))).toBe(hash(one));
  });

  it('publishes the competency long table as a view of respondents.parquet (its SQL in codebook.json), not as a file', async () => {
    const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(m.files.map((f: any) => f.name)).not.toContain('competency.parquet');
    expect(existsSync(path.join(out, 'competency.parquet'))).toBe(false);
    const cb = JSON.parse(readFileSync(path.join(out, 'codebook.json'), 'utf8'));
    expect(cb.views.competency).toMatch(/FROM respondents/);
    const db = nodeClient(out);
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM competency');
    expect(n).toBe(m.files.find((f: any) => f.name === 'respondents.parquet').rows * codebook.competencies.length);
    // each competency's rows are the respondents' own scale scores, read here straight from the file
    for (const c of [codebook.competencies[0], codebook.competencies[7]]) {
      const pro = codebook.scales.find((x) => x.id === c.proficiency)!.score;
      const imp = codebook.scales.find((x) => x.id === c.importance)!.score;
      const [d] = await db.query<{ rows: number; off: number }>(
        `SELECT count(*)::INTEGER AS rows, count(*) FILTER (WHERE c.county IS DISTINCT FROM r.county OR c.dept_type IS DISTINCT FROM r.dept_type OR c.proficiency IS DISTINCT FROM r.${pro} OR c.importance IS DISTINCT FROM r.${imp} OR c.gap IS DISTINCT FROM r.${imp} - r.${pro} OR c.dimension <> '${c.dimension}')::INTEGER AS off
         FROM (SELECT * FROM competency WHERE competency = '${c.id}') c FULL JOIN read_parquet('${out}/respondents.parquet') r USING (rid)`,
      );
      expect(d, c.id).toEqual({ rows: n / codebook.competencies.length, off: 0 });
    }
  });

  it('publishes no direct identifier, and no identifier value appears anywhere in the published files', async () => {
    const conn = await openDuck();
    const cols = (await rows<{ column_name: string }>(conn, `DESCRIBE SELECT * FROM read_parquet('${out}/respondents.parquet')`)).map((r) => r.column_name);
    for (const id of ['name', 'id_card', 'phone', 'email', 'ip', 'submitted_at', 'comment', 'age', 'years_service']) expect(cols).not.toContain(id);
    const csv = readFileSync(path.join(raw, 'respondents.csv'), 'utf8').split('\n')[1].split(',');
    const phone = csv[2];
    const [{ n }] = await rows<{ n: number }>(conn, `SELECT count(*)::INT AS n FROM read_csv('${raw}/respondents.csv', all_varchar=true) WHERE phone = '${phone}'`);
    expect(n).toBe(1);
    const published = readFileSync(path.join(out, 'respondents.parquet'));
    expect(published.includes(Buffer.from(phone))).toBe(false);
  });

  it('round-trips through DuckDB with the codebook types', async () => {
    const conn = await openDuck();
    const schema = new Map(
      (await rows<{ column_name: string; column_type: string }>(conn, `DESCRIBE SELECT * FROM read_parquet('${out}/respondents.parquet')`)).map((r) => [r.column_name, r.column_type]),
    );
    expect(schema.get('pro_political_1')).toBe('TINYINT');
    expect(schema.get('bar_no_time')).toBe('TINYINT');
    expect(schema.has("train_hours")).toBe(false); // aggregate-only (docs/privacy.md)
    expect(schema.get("train_count")).toBe("VARCHAR"); // banded: training registers know it
    expect(schema.get('county')).toBe('VARCHAR');
    expect(schema.get('age_band')).toBe('VARCHAR');
    expect(schema.get('score_turnover')).toBe('DOUBLE');
    // score = mean of items after reverse keying, recomputed independently in SQL
    const [{ diff }] = await rows<{ diff: number }>(
      conn,
      `SELECT max(abs(score_autonomy - (bpn_aut_1 + bpn_aut_2 + (6 - bpn_aut_3)) / 3)) AS diff FROM read_parquet('${out}/respondents.parquet')`,
    );
    expect(diff).toBeLessThan(1e-12);
  });

  it('writes a manifest with the SHA-256 and row count of every file', () => {
    const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(m.source).toMatchObject({ kind: 'synthetic', seed: 7, respondents: 1200 });
    for (const f of m.files) expect(hash(path.join(out, f.name))).toBe(f.sha256);
  });

  it('removes what the previous build in that folder published and this one does not', async () => {
    const dest = tmp();
    writeFileSync(path.join(dest, 'competency.parquet'), 'from an earlier build');
    writeFileSync(path.join(dest, 'notes.txt'), 'not published by a build');
    writeFileSync(path.join(dest, 'manifest.json'), JSON.stringify({ files: [{ name: 'competency.parquet' }, { name: 'respondents.parquet' }] }));
    await buildData({ rawDir: raw, outDir: dest, codebook });
    expect(existsSync(path.join(dest, 'competency.parquet'))).toBe(false);
    expect(existsSync(path.join(dest, 'notes.txt'))).toBe(true);
    expect(existsSync(path.join(dest, 'respondents.parquet'))).toBe(true);
  });

  it('publishes nothing when validation fails', async () => {
    const bad = tmp();
    const lines = readFileSync(path.join(raw, 'respondents.csv'), 'utf8').split('\n');
    const header = lines[0].split(',');
    const cells = lines[3].split(',');
    cells[header.indexOf('gender')] = 'unknown';
    lines[3] = cells.join(',');
    writeFileSync(path.join(bad, 'respondents.csv'), lines.join('\n'));
    const dest = tmp();
    const err = await buildData({ rawDir: bad, outDir: dest, codebook }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationFailed);
    expect(err.errors[0].message).toBe(`${path.join(bad, 'respondents.csv')}, row 3, column "gender": got "unknown", expected one of male, female`);
    expect(() => readFileSync(path.join(dest, 'respondents.parquet'))).toThrow();
  });
});

// k-anonymity, l-diversity, linkage, differencing and utility: tests/unit/privacy.test.ts
