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
         CASE WHEN education IS NULL THEN NULL WHEN education IN ('bachelor', 'postgraduate') THEN 1 ELSE 0 END AS higher_ed
  FROM respondents`;

/** OLS of turnover intention on the predictors above (listwise: suppressed age or education excluded). */
export async function turnoverModel(query: Query) {
  const rows = await query<Record<string, number | null>>(TURNOVER_SQL);
  return ols(rows.map((r) => r.score_turnover), rows.map((r) => TURNOVER_PREDICTORS.map(([k]) => r[k])));
}
