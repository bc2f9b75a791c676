// The codebook is the one source for what the survey holds (issue #10, point 4): a codebook with
// another grouping variable, a barrier fewer and a scale fewer gives other figure options, another
// groups.parquet and other figure rows, with no code change. And the imported fixture still builds.
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as XLSX from 'xlsx';
import { CodebookError, loadCodebook, loadCodebookFromObject } from './load.ts';
import type { Codebook } from './types.ts';
import { breakdownVariables, groupLabel, groupVariables } from './groups.ts';
import { codesOf, labelOf, optionLabel } from './labels.ts';
import { generateSurvey } from '../synthetic/generate.ts';
import { buildData } from '../data/build.ts';
import { importExport, toCanonicalCSV } from '../data/import.ts';
import { nodeClient } from '../db/node.ts';
import { controlOptions } from '../figures/options.ts';
import { figureSQL } from '../figures/sql.ts';
import { figureAvailability } from '../figures/needs.ts';
import { suppressSmallCells } from '../figures/rows.ts';
import { inCodebookOrder } from '../figures/charts.ts';
import type { FigureDef } from '../figures/types.ts';
import { figure as barriers } from '../../figures/training-barriers/figure.ts';
import { figure as deptScales } from '../../figures/dept-scales/figure.ts';
import { figure as careerByGroup } from '../../figures/career-by-group/figure.ts';
import { figure as kirkpatrick } from '../../figures/kirkpatrick-levels/figure.ts';
import { figure as formats } from '../../figures/training-formats/figure.ts';
import { makeExport } from '../../../tests/fixtures/import-county/make-export.ts';

const yamlText = readFileSync('data/codebook.yaml', 'utf8');
const tmp = (p: string) => mkdtempSync(path.join(os.tmpdir(), p));

/** data/codebook.yaml with `edit` applied to its compact form */
function edited(edit: (src: any) => void): Codebook {
  const src = parseYaml(yamlText);
  edit(src);
  return loadCodebookFromObject(src, 'edited codebook');
}

const ALL_BARRIERS = ['bar_few_opportunities', 'bar_no_time', 'bar_weak_teachers', 'bar_irrelevant', 'bar_proxy', 'bar_little_professional', 'bar_no_link'];

describe('grouping variables from the codebook', () => {
  const cb = loadCodebook('data/codebook.yaml');

  it('lists the declared groups in order, breakdown-only ones apart, labelled by their published names', () => {
    expect(groupVariables(cb)).toEqual(['county', 'dept_type', 'gender', 'age_band', 'education', 'rank', 'service_band', 'leader', 'recruitment']);
    expect(breakdownVariables(cb)).toEqual([...groupVariables(cb), 'sample']);
    expect(groupLabel(cb, 'age_band', 'en')).toBe('Age');
    expect(groupLabel(cb, 'service_band', 'zh')).toBe('工作年限');
    expect(groupLabel(cb, 'education', 'zh')).toBe('学历');
    expect(controlOptions('group', cb, 'zh').map((o) => o.label)).toEqual(['县（区）', '单位类型', '性别', '年龄', '学历', '职级', '工作年限', '是否担任领导职务', '录用渠道']);
  });

  it('leaves out a group this survey did not ask (effective codebook)', () => {
    const eff: Codebook = structuredClone(cb);
    eff.variables.find((v) => v.name === 'leader')!.absent = true;
    eff.variables.find((v) => v.name === 'age')!.absent = true;
    expect(groupVariables(eff)).toEqual(['county', 'dept_type', 'gender', 'education', 'rank', 'service_band', 'recruitment']);
  });

  it('refuses a group that is not a published categorical column', () => {
    expect(() => edited((s) => s.groups.push('age'))).toThrow(CodebookError); // published as age_band
    expect(() => edited((s) => s.groups.push('phone'))).toThrow(/direct identifier/);
    expect(() => edited((s) => s.groups.push('train_hours'))).toThrow(/categorical/);
    expect(() => edited((s) => s.groups.push('county'))).toThrow(/twice/);
    expect(() => edited((s) => s.groups.push('nonesuch'))).toThrow(/not a variable/);
  });

  it('one code→label table: option codes, published bands, multi-select options by their own words', () => {
    expect(codesOf(cb, 'age_band')).toEqual(['18-29', '30-39', '40-49', '50+']);
    expect(codesOf(cb, 'gender')).toEqual(['male', 'female']);
    expect(labelOf(cb, 'service_band', '21+', 'zh')).toBe('21年及以上');
    expect(optionLabel(cb, 'bar_no_time', 'en')).toBe('No time for the workload');
    expect(optionLabel(cb, 'bar_no_time', 'zh')).toBe('工作忙没时间');
    expect(labelOf(cb, 'measure', 'score_turnover', 'en')).toBe('Turnover intention');
  });

  it('charts draw groups in the codebook\'s order of codes, combined groups and no answer last', () => {
    const rows = ['11-20', null, '21+', '0-5+6-10', '6-10', '0-5'].map((grp) => ({ grp }));
    const ctx = { codebook: cb } as any;
    expect(inCodebookOrder(rows, ctx, 'service_band').map((r) => r.grp)).toEqual(['0-5', '6-10', '11-20', '21+', '0-5+6-10', null]);
    expect(labelOf(cb, 'service_band', '0-5+6-10', 'en')).toBe('0–5 years + 6–10 years (combined)');
  });

  it('a codebook without the barriers question makes the barrier figure "not measured"', () => {
    const none = edited((s) => {
      s.variables = s.variables.filter((v: any) => v.multiselect !== 'barriers');
      s.disclosure.sensitive = [];
      // an instrument without the question cannot declare /compare/ measures on it either
      s.compare = (s.compare ?? []).filter((m: any) => !String(m.variable ?? '').startsWith('bar_'));
    });
    expect(figureAvailability(barriers, none).notMeasured).toBe(true);
    expect(figureAvailability(barriers, cb).notMeasured).toBe(false);
    // and its SQL is still valid (an empty list), so nothing crashes if it were queried
    expect(figureSQL(barriers, none)).toContain('WHERE false');
  });
});

// ---- a whole build with an edited codebook ----
const changed = edited((s) => {
  // two more grouping variables: the city (frame) and the class type of the last training (an answer)
  s.groups.splice(1, 0, 'city');
  s.groups.splice(s.groups.length - 1, 0, 'train_level');
  // one barrier fewer, one scale fewer, one scale more in career-by-group
  s.variables = s.variables.filter((v: any) => v.name !== 'bar_weak_teachers');
  s.scales = s.scales.filter((x: any) => x.id !== 'pay_sat');
  s.scales.find((x: any) => x.id === 'cynicism').figures = ['career-by-group'];
});

let out: string;
let raw: string;
let pub: Codebook;
beforeAll(async () => {
  raw = tmp('cb-lists-raw-');
  out = tmp('cb-lists-out-');
  await generateSurvey({ seed: 11, respondents: 480, outDir: raw, codebook: changed });
  await buildData({ rawDir: raw, outDir: out, codebook: changed });
  // as the site reads it (render-static.ts): the published, effective codebook
  pub = JSON.parse(readFileSync(path.join(out, 'codebook.json'), 'utf8'));
}, 120_000);

const rowsOf = async (def: FigureDef, params: Record<string, string>) => suppressSmallCells(def, await nodeClient(out).query(figureSQL(def, pub), params), pub.k);

describe('a build with another codebook follows it with no code change', () => {
  it('figure group options are the edited codebook\'s groups', () => {
    const expected = ['county', 'city', 'dept_type', 'gender', 'age_band', 'education', 'rank', 'service_band', 'leader', 'recruitment', 'train_level'];
    expect(controlOptions('group', pub).map((o) => o.value)).toEqual(expected);
    expect(controlOptions('group', pub, 'en').find((o) => o.value === 'city')!.label).toBe('Prefecture / city');
  });

  it('groups.parquet breaks down by exactly the declared groups, and holds no dropped measure', async () => {
    const db = nodeClient(out);
    const bys = (await db.query<{ b: string }>(`SELECT DISTINCT by_var AS b FROM groups ORDER BY b`)).map((r) => r.b);
    expect(bys).toEqual(['_total', 'age_band', 'city', 'county', 'dept_type', 'education', 'gender', 'leader', 'rank', 'recruitment', 'sample', 'service_band', 'train_level']);
    const measures = new Set((await db.query<{ m: string }>(`SELECT DISTINCT measure AS m FROM groups`)).map((r) => r.m));
    expect(measures.has('bar_weak_teachers')).toBe(false);
    expect(measures.has('score_pay_sat')).toBe(false);
    expect(measures.has('bar_no_time')).toBe(true);
    expect(measures.has('score_cynicism')).toBe(true);
    // every city breakdown's groups are codes of the published codebook (or protected combinations of them)
    const grps = (await db.query<{ g: string | null }>(`SELECT DISTINCT grp AS g FROM groups WHERE by_var = 'city' AND grp IS NOT NULL`)).map((r) => r.g!);
    for (const g of grps) for (const part of g.split('+')) expect(codesOf(pub, 'city')).toContain(part);
  });

  it('the barrier figure shows the codebook\'s barriers, one fewer, with shares recomputed from the raw survey', async () => {
    const rows = await rowsOf(barriers, { sample: 'all', county: 'all' });
    expect(rows.map((r) => r.barrier).sort()).toEqual(ALL_BARRIERS.filter((b) => b !== 'bar_weak_teachers').sort());
    // independent of the figure's SQL and of groups.parquet: the raw CSV, in TypeScript
    const csv = readFileSync(path.join(raw, 'respondents.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const header = csv[0];
    for (const r of rows) {
      const col = header.indexOf(r.barrier);
      const xs = csv.slice(1).map((l) => l[col]).filter((v) => v !== '').map(Number);
      expect(r.n).toBe(xs.length);
      expect(r.share).toBeCloseTo(xs.filter((x) => x === 1).length / xs.length, 12);
    }
  });

  it('the scale figures show the tagged scales: pay satisfaction gone, cynicism added; grouping by the new group works', async () => {
    const dept = await rowsOf(deptScales, { county: 'all' });
    expect([...new Set(dept.map((r) => r.scale))]).toEqual(['score_autonomy', 'score_competence', 'score_relatedness', 'score_just_dist', 'score_exhaustion', 'score_enthusiasm', 'score_turnover']);
    const career = await rowsOf(careerByGroup, { group: 'city', county: 'all' });
    expect([...new Set(career.map((r) => r.scale))]).toEqual(['score_autonomy', 'score_competence', 'score_relatedness', 'score_just_proc', 'score_fit_ns', 'score_exhaustion', 'score_cynicism', 'score_turnover']);
    // cynicism by city, recomputed from the raw items (mean of bo_cyn_1..3, NULL if one is missing)
    const csv = readFileSync(path.join(raw, 'respondents.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const h = csv[0];
    const items = ['bo_cyn_1', 'bo_cyn_2', 'bo_cyn_3'].map((c) => h.indexOf(c));
    const shown = career.filter((r) => r.scale === 'score_cynicism' && !r.suppressed && r.grp !== null && !String(r.grp).includes('+'));
    expect(shown.length).toBeGreaterThan(1);
    for (const r of shown) {
      const xs = csv.slice(1).filter((l) => l[h.indexOf('city')] === r.grp).map((l) => items.map((i) => l[i])).filter((v) => v.every((x) => x !== '')).map((v) => v.reduce((a, x) => a + Number(x), 0) / 3);
      expect(r.n).toBe(xs.length);
      expect(r.mean).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 9);
    }
  });

  it('the other list figures still draw from the codebook', async () => {
    expect((await rowsOf(kirkpatrick, { dept: 'all', county: 'all' })).map((r) => r.level)).toEqual(['kirk_reaction', 'kirk_learning', 'kirk_behaviour', 'kirk_results']);
    expect((await rowsOf(formats, { county: 'all' })).map((r) => r.format)).toEqual(['fmt_classroom', 'fmt_online', 'fmt_onsite', 'fmt_exchange', 'pref_case', 'pref_onsite', 'pref_online', 'pref_lecture', 'pref_exchange', 'pref_mentoring']);
  });
});

describe('the imported fixture (tests/fixtures/import-county) still builds', () => {
  it('with groups from the codebook, less the ones it did not ask', async () => {
    const codebook = loadCodebook('data/codebook.yaml');
    const MAPPING = 'tests/fixtures/import-county/mapping.yaml';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(makeExport()), '答卷数据');
    const res = importExport(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }), 'export.xlsx', readFileSync(MAPPING, 'utf8'), MAPPING, codebook);
    const iraw = tmp('cb-lists-import-raw-');
    const iout = tmp('cb-lists-import-out-');
    writeFileSync(path.join(iraw, 'respondents.csv'), toCanonicalCSV(res));
    writeFileSync(path.join(iraw, 'source.json'), JSON.stringify({ kind: 'import', ...res.source, ...res.meta }));
    const { disclosure } = await buildData({ rawDir: iraw, outDir: iout, codebook });
    expect(disclosure.kAchieved).toBeGreaterThanOrEqual(disclosure.k);
    const ipub: Codebook = JSON.parse(readFileSync(path.join(iout, 'codebook.json'), 'utf8'));
    const absent = new Set(ipub.variables.filter((v) => v.absent).map((v) => v.generalise?.to ?? v.name));
    expect(absent.has('leader')).toBe(true);
    const expected = ['county', 'dept_type', 'gender', 'age_band', 'education', 'rank', 'service_band', 'leader', 'recruitment', 'sample'].filter((g) => !absent.has(g));
    expect(breakdownVariables(ipub)).toEqual(expected);
    const bys = (await nodeClient(iout).query<{ b: string }>(`SELECT DISTINCT by_var AS b FROM groups WHERE by_var <> '_total'`)).map((r) => r.b).sort();
    expect(bys).toEqual([...expected].sort());
    // the barrier figure lists the codebook's barriers; those the export did not ask are named as not measured
    const rows = suppressSmallCells(barriers, await nodeClient(iout).query(figureSQL(barriers, ipub), { sample: 'all', county: 'all' }), ipub.k);
    expect(rows.filter((r) => !r.suppressed).map((r) => r.barrier).sort()).toEqual(['bar_few_opportunities', 'bar_irrelevant', 'bar_no_time', 'bar_weak_teachers']);
    expect(figureAvailability(barriers, ipub).absent.length).toBe(3);
  }, 120_000);
});
