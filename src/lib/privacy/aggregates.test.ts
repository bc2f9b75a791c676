// The protected aggregate table is built by one scan (every breakdown and each scope's total as the
// grouping sets of one query). Each published cell is checked here against a direct computation: a plain
// GROUP BY per grouping variable and scope, written independently of buildGroupAggregates.
import { describe, expect, it } from 'vitest';
import { openDuck, rows } from '../data/duck.ts';
import { loadCodebook } from '../codebook/load.ts';
import { buildGroupAggregates } from './aggregates.ts';

const cb = loadCodebook('data/codebook.yaml');

describe('protected aggregates from one scan', () => {
  it('every shown cell equals a direct GROUP BY of its grouping variable (count, answers, Σx, Σx²), and each scope’s total too', async () => {
    const conn = await openDuck({ threads: 1 });
    // 600 respondents in 3 counties; gender and dept_type with a few missing answers; two scale scores with gaps
    await conn.run(`CREATE TABLE full_detail AS SELECT
        (['h_county', 'l_county', 'q_county'])[1 + (i * 7) % 3] AS county,
        CASE WHEN i % 29 = 0 THEN NULL WHEN hash(i, 'g') % 2 = 0 THEN 'male' ELSE 'female' END AS gender,
        (['township_office', 'petition_office', 'county_bureau'])[1 + (hash(i, 'd') % 3)::INTEGER] AS dept_type,
        CASE WHEN i % 13 = 0 THEN NULL ELSE 1 + (hash(i, 't') % 1000)::DOUBLE / 250 END AS score_turnover,
        CASE WHEN i % 17 = 0 THEN NULL ELSE 1 + (hash(i, 'w') % 12)::DOUBLE / 3 END AS score_autonomy
      FROM range(600) t(i)`);
    const { report } = await buildGroupAggregates(conn, 'full_detail', cb, 5);
    const published = await rows<any>(conn, `SELECT * FROM groups`);
    const bys = [...new Set(published.map((r) => r.by_var))].filter((b) => b !== '_total').sort();
    expect(bys).toEqual(['county', 'dept_type', 'gender']);
    const measures = ['score_turnover', 'score_autonomy'];
    expect(published.filter((r) => r.measure === '_n').length).toBeGreaterThan(10);
    let checked = 0;
    for (const by of [...bys, '_total']) {
      for (const scope of ['all', 'h_county', 'l_county', 'q_county']) {
        const where = scope === 'all' ? '' : `WHERE county = '${scope}'`;
        const grp = by === '_total' ? 'NULL::VARCHAR' : `CAST(${by} AS VARCHAR)`;
        const direct = await rows<any>(
          conn,
          `SELECT ${grp} AS grp, count(*)::INTEGER AS n, ${measures.map((m, i) => `count(${m})::INTEGER AS n${i}, sum(${m}) AS s${i}, sum(${m} * ${m}) AS q${i}`).join(', ')} FROM full_detail ${where} GROUP BY ALL`,
        );
        for (const d of direct) {
          const cell = published.filter((r) => r.scope === scope && r.by_var === by && r.grp === d.grp);
          const count = cell.find((r) => r.measure === '_n');
          if (!count || count.withheld) continue;
          expect(count.n).toBe(d.n);
          measures.forEach((m, i) => {
            const r = cell.find((x) => x.measure === m);
            expect(r.m_n).toBe(d[`n${i}`]);
            if (r.m_sum === null) return; // withheld (fewer than k answers, or protecting such a cell)
            // one thread, sums in table order: the same additions as the direct query
            expect(r.m_sum).toBe(d[`s${i}`]);
            expect(r.m_sumsq).toBe(d[`q${i}`]);
            checked++;
          });
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    // a withheld cell is really withheld, and the report counts it
    expect(report.cells).toBeGreaterThan(0);
    for (const r of published.filter((x) => x.withheld && x.measure === '_n')) expect(r.n).toBeNull();
  });
});
