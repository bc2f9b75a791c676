// Change since the previous wave: the protected table gets each county's waves when some county has two,
// their moments equal a direct computation, and the change statistics equal Welch's test on the raw values.
import { describe, expect, it } from 'vitest';
import { openDuck, rows } from '../data/duck.ts';
import { loadCodebook } from '../codebook/load.ts';
import { buildGroupAggregates } from '../privacy/aggregates.ts';
import { compareAggregates } from './aggregate.ts';
import { countyChange, surveyWaves } from './view.ts';
import { waveChange } from './stats.ts';
import { welchT, mean } from '../stats/index.ts';
import { tQuantile } from '../stats/distributions.ts';

const cb = loadCodebook('data/codebook.yaml');
const moments = (xs: number[]) => ({ n: xs.length, sum: xs.reduce((a, b) => a + b, 0), sumsq: xs.reduce((a, b) => a + b * b, 0) });

describe('change since the previous wave', () => {
  it('waveChange is Welch’s latest − previous, at 1 − 0.05/family', () => {
    const prev = [2, 3, 3, 2, 4, 3, 2, 3, 3, 2, 1, 3], latest = [3, 4, 5, 4, 3, 5, 4, 4, 2, 5];
    const c = waveChange(moments(prev), moments(latest), 5);
    const w = welchT(latest, prev);
    expect(c.diff).toBeCloseTo(mean(latest) - mean(prev), 12);
    const se = c.diff / w.t;
    expect(c.hi - c.diff).toBeCloseTo(tQuantile(1 - 0.05 / 10, w.df) * se, 10);
    expect(c.pAdj).toBeCloseTo(Math.min(1, 5 * w.p), 10);
  });

  it('a county surveyed twice gets protected per-wave aggregates; a county surveyed once says so', async () => {
    const conn = await openDuck();
    // H County: 2023 (40 people, turnover about 2.2) and 2024 (40, about 3.1); Linshui: 2024 only
    const values: string[] = [];
    for (let i = 0; i < 40; i++) values.push(`('h_county', 2023, ${i % 2 ? "'male'" : "'female'"}, ${2 + (i % 5) / 10})`, `('h_county', 2024, ${i % 2 ? "'male'" : "'female'"}, ${3 + (i % 3) / 10})`, `('l_county', 2024, 'male', ${2.5 + (i % 4) / 10})`);
    await conn.run(`CREATE TABLE full_detail (county VARCHAR, survey_year INTEGER, gender VARCHAR, score_turnover DOUBLE)`);
    await conn.run(`INSERT INTO full_detail VALUES ${values.join(', ')}`);
    await buildGroupAggregates(conn, 'full_detail', cb, 5);
    await conn.run(`CREATE VIEW respondents AS SELECT * FROM full_detail`);
    const wave = await rows<any>(conn, `SELECT scope, grp, m_n, m_sum FROM groups WHERE by_var = 'survey_year' AND measure = 'score_turnover' AND NOT withheld ORDER BY ALL`);
    const direct = await rows<any>(conn, `SELECT county AS scope, CAST(survey_year AS VARCHAR) AS grp, count(*)::INTEGER AS m_n, sum(score_turnover) AS m_sum FROM full_detail GROUP BY ALL ORDER BY ALL`);
    // every county × wave cell (the 'all' scope too), equal to the direct sums
    for (const d of direct) expect(wave.find((w) => w.scope === d.scope && w.grp === d.grp)?.m_sum).toBeCloseTo(d.m_sum, 10);
    const data = await compareAggregates((sql) => rows(conn, sql), cb);
    expect(data.waves.years).toEqual({ h_county: ['2023', '2024'], l_county: ['2024'] });
    expect(surveyWaves(data)).toEqual(['2023', '2024']);
    const h = countyChange(data, 'h_county');
    expect(h.kind).toBe('change');
    if (h.kind !== 'change') return;
    const turnover = h.cells.find((c) => c.measure.id === 'turnover')!;
    const [d23, d24] = direct.filter((d) => d.scope === 'h_county');
    expect(turnover.diff).toBeCloseTo(d24.m_sum / d24.m_n - d23.m_sum / d23.m_n, 10);
    expect(turnover.verdict).toBe('higher');
    expect(countyChange(data, 'l_county')).toEqual({ kind: 'one-wave', years: ['2024'] });
  });

  it('a survey where no county has two waves adds nothing to the protected table', async () => {
    const conn = await openDuck();
    await conn.run(`CREATE TABLE full_detail AS SELECT CASE WHEN i % 2 = 0 THEN 'h_county' ELSE 'l_county' END AS county, CASE WHEN i % 2 = 0 THEN 2024 ELSE 2025 END AS survey_year, 'male' AS gender, (i % 5)::DOUBLE AS score_turnover FROM range(60) t(i)`);
    await buildGroupAggregates(conn, 'full_detail', cb, 5);
    expect(await rows(conn, `SELECT * FROM groups WHERE by_var = 'survey_year'`)).toEqual([]);
  });
});
