/** The measures the comparison explorer shows; person-level SQL expressions over `respondents`. */
export interface Measure { id: string; label: string; section: string; sql: string; higherIsBetter: boolean; digits: number; percent?: boolean }

const dim = (id: string, label: string, comps: string[]): Measure => ({
  id: `dim_${id}`,
  label: `Proficiency: ${label}`,
  section: 'Competency profile',
  sql: `(${comps.map((c) => `score_pro_${c}`).join(' + ')}) / ${comps.length}`,
  higherIsBetter: true,
  digits: 2,
});

export const MEASURES: Measure[] = [
  dim('political_quality', 'political quality', ['political', 'law']),
  dim('knowledge', 'professional knowledge', ['service', 'rural_dev', 'petition_law']),
  dim('working_skills', 'working skills', ['research', 'communication', 'emergency', 'mass_work', 'digital', 'mediation']),
  dim('motivation', 'motivation and attitude', ['learning', 'innovation']),
  dim('personal_traits', 'personal traits', ['psych_adjust', 'resilience']),
  { id: 'train_count', label: 'Trainings in the last 12 months', section: 'Training', sql: 'train_count', higherIsBetter: true, digits: 1 },
  { id: 'no_training', label: 'Share with no training', section: 'Training', sql: 'CASE WHEN train_count = 0 THEN 1 ELSE 0 END', higherIsBetter: false, digits: 0, percent: true },
  { id: 'train_sat', label: 'Satisfaction with training', section: 'Training', sql: 'score_train_sat', higherIsBetter: true, digits: 2 },
  { id: 'few_opportunities', label: 'Barrier: too few opportunities', section: 'Training', sql: 'bar_few_opportunities', higherIsBetter: false, digits: 0, percent: true },
  { id: 'no_time', label: 'Barrier: no time for training', section: 'Training', sql: 'bar_no_time', higherIsBetter: false, digits: 0, percent: true },
  { id: 'turnover', label: 'Turnover intention', section: 'Retention risk', sql: 'score_turnover', higherIsBetter: false, digits: 2 },
  { id: 'need', label: 'Need satisfaction', section: 'Retention risk', sql: '(score_autonomy + score_competence + score_relatedness) / 3', higherIsBetter: true, digits: 2 },
  { id: 'justice', label: 'Organisational justice', section: 'Retention risk', sql: '(score_just_dist + score_just_proc + score_just_inter + score_just_info) / 4', higherIsBetter: true, digits: 2 },
  { id: 'exhaustion', label: 'Exhaustion', section: 'Retention risk', sql: 'score_exhaustion', higherIsBetter: false, digits: 2 },
];

export const COMPARE_BY = ['county', 'dept_type', 'gender', 'age_band', 'education', 'rank', 'service_band', 'recruitment'];
