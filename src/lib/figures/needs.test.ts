import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../codebook/load.ts';
import { effectiveCodebook } from '../data/effective.ts';
import { absentColumns, figureAvailability, sqlNotMeasured, sqlWords } from './needs.ts';
import { controlOptions, resolveParams } from './options.ts';
import { figure as barriers } from '../../figures/training-barriers/figure.ts';
import { figure as formats } from '../../figures/training-formats/figure.ts';
import { figure as profile } from '../../figures/competency-profile/figure.ts';
import { figure as countyVsRest } from '../../figures/county-vs-rest/figure.ts';

const full = loadCodebook('data/codebook.yaml');
const survey = effectiveCodebook(full, {
  absent: ['leader', 'bar_proxy', 'fmt_classroom', 'fmt_online', 'fmt_onsite', 'fmt_exchange', 'pref_case', 'pref_onsite', 'pref_online', 'pref_lecture', 'pref_exchange', 'pref_mentoring', 'ti_1', 'ti_2', 'ti_3'],
  frame: { county: [{ code: 'donghu', label: { en: 'Donghu County', zh: '东湖县' } }] },
  survey: null,
});

describe('what figures and numbers need', () => {
  it('reads identifiers from SQL, not string literals', () => {
    expect([...sqlWords("SELECT avg(score_turnover) AS v FROM respondents WHERE sample = 'leader'")]).toEqual(['SELECT', 'avg', 'score_turnover', 'AS', 'v', 'FROM', 'respondents', 'WHERE', 'sample']);
  });
  it('nothing is absent in the full codebook', () => {
    expect(absentColumns(full).size).toBe(0);
    expect(figureAvailability(barriers, full)).toEqual({ notMeasured: false, absent: [] });
  });
  it('a <Stat> on an absent column is not measured; a scale with no item asked is absent', () => {
    expect(sqlNotMeasured('SELECT avg(score_turnover) AS v FROM respondents', survey)).toEqual(['Turnover intention']);
    expect(sqlNotMeasured("SELECT count(*) AS v FROM respondents WHERE leader = 'yes'", survey)).toEqual(['Holds a leadership post']);
    expect(sqlNotMeasured('SELECT avg(score_exhaustion) AS v FROM respondents', survey)).toEqual([]);
  });
  it('a figure is not measured when all it reads is absent, drawn with a note when only some is', () => {
    expect(figureAvailability(formats, survey).notMeasured).toBe(true);
    const b = figureAvailability(barriers, survey);
    expect(b.notMeasured).toBe(false);
    expect(b.absent).toEqual(["Barrier: attended on someone else's behalf"]);
    // group variables chosen by a control are not needs
    expect(figureAvailability(profile, survey)).toEqual({ notMeasured: false, absent: [] });
    expect(figureAvailability({ ...profile, needs: ['leader'] }, survey).notMeasured).toBe(true);
  });
  it('controls offer only measured groups and this survey\'s frame; a default the survey lacks falls back', () => {
    expect(controlOptions('group', survey).map((o) => o.value)).not.toContain('leader');
    expect(controlOptions('group', full).map((o) => o.value)).toContain('leader');
    const only = { ...survey, variables: survey.variables.map((v) => (v.name === 'county' ? { ...v, values: v.values!.filter((x) => x.code === 'donghu') } : v)) };
    expect(resolveParams(countyVsRest, {}, full).params.county).toBe('h_county');
    expect(resolveParams(countyVsRest, {}, only).params.county).toBe('donghu');
  });
});
