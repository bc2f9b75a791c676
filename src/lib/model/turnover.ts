/**
 * The report's turnover-intention regression: one definition of the predictors and their SQL,
 * used by the careers chapter's table and by the truth-recovery check.
 */
import { ols } from '../stats/regression.ts';

type Query = <T = Record<string, unknown>>(sql: string) => Promise<T[]>;

export const TURNOVER_PREDICTORS: [key: string, label: string][] = [
  ['need', 'Need satisfaction (mean of autonomy, competence, relatedness)'],
  ['justice', 'Organisational justice (mean of four facets)'],
  ['fit', 'Person–job fit (mean of two facets)'],
  ['score_exhaustion', 'Exhaustion'],
  ['young', 'Aged 18–29 (1/0)'],
  ['higher_ed', "Bachelor's or postgraduate (1/0)"],
];

export const TURNOVER_SQL = `
  SELECT score_turnover,
         (score_autonomy + score_competence + score_relatedness) / 3 AS need,
         (score_just_dist + score_just_proc + score_just_inter + score_just_info) / 4 AS justice,
         (score_fit_da + score_fit_ns) / 2 AS fit,
         score_exhaustion,
         CASE WHEN age_band IS NULL THEN NULL WHEN age_band = '18-29' THEN 1 ELSE 0 END AS young,
         CASE WHEN education IS NULL THEN NULL WHEN education IN ('bachelor', 'postgraduate', 'bachelor_plus') THEN 1 ELSE 0 END AS higher_ed
  FROM respondents`;

/**
 * OLS of turnover intention on the predictors above, listwise. A predictor the published microdata
 * cannot carry (withheld or coarsened away by disclosure control, or not asked: constant or missing in
 * every complete row) is left out and reported, rather than making the model singular.
 */
export async function turnoverModel(query: Query) {
  const rows = await query<Record<string, number | null>>(TURNOVER_SQL);
  const complete = (keys: string[]) => rows.filter((r) => r.score_turnover !== null && keys.every((k) => r[k] !== null && r[k] !== undefined));
  const used: [string, string][] = [];
  const dropped: { key: string; label: string; reason: string }[] = [];
  for (const [key, label] of TURNOVER_PREDICTORS) {
    const values = new Set(rows.filter((r) => r.score_turnover !== null).map((r) => r[key]).filter((v) => v !== null && v !== undefined));
    if (values.size === 0) dropped.push({ key, label, reason: 'not in the published data' });
    else if (values.size === 1) dropped.push({ key, label, reason: 'the same for every respondent in the published data' });
    else used.push([key, label]);
  }
  const keys = used.map(([k]) => k);
  const data = complete(keys);
  const fit = ols(data.map((r) => r.score_turnover), data.map((r) => keys.map((k) => r[k])));
  const respondents = rows.length;
  /** coefficient of a predictor, or null when it was left out */
  const coefOf = (key: string) => (keys.includes(key) ? fit.coef[keys.indexOf(key) + 1] : null);
  return { ...fit, predictors: used, dropped, respondents, excluded: respondents - fit.n, coefOf };
}
