/** The measures the comparison explorer shows; person-level SQL expressions over `respondents`. */
export interface Measure { id: string; label: string; section: string; /** the Chinese edition's name and section */ zh: string; sectionZh: string; sql: string; higherIsBetter: boolean; digits: number; percent?: boolean }

const dim = (id: string, label: string, zh: string, comps: string[]): Measure => ({
  id: `dim_${id}`,
  label: `Proficiency: ${label}`,
  section: 'Competency profile',
  zh: `现有水平：${zh}`,
  sectionZh: '胜任力概况',
  sql: `(${comps.map((c) => `score_pro_${c}`).join(' + ')}) / ${comps.length}`,
  higherIsBetter: true,
  digits: 2,
});

export const MEASURES: Measure[] = [
  dim('political_quality', 'political quality', '政治素质', ['political', 'law']),
  dim('knowledge', 'professional knowledge', '专业知识', ['service', 'rural_dev', 'petition_law']),
  dim('working_skills', 'working skills', '工作技能', ['research', 'communication', 'emergency', 'mass_work', 'digital', 'mediation']),
  dim('motivation', 'motivation and attitude', '动机与态度', ['learning', 'innovation']),
  dim('personal_traits', 'personal traits', '个性特质', ['psych_adjust', 'resilience']),
  { id: 'train_count', label: 'Trainings in the last 12 months', section: 'Training', zh: '近12个月参训次数', sectionZh: '培训', sql: 'train_count', higherIsBetter: true, digits: 1 },
  { id: 'no_training', label: 'Share with no training', section: 'Training', zh: '未参加培训者占比', sectionZh: '培训', sql: 'CASE WHEN train_count = 0 THEN 1 ELSE 0 END', higherIsBetter: false, digits: 0, percent: true },
  { id: 'train_sat', label: 'Satisfaction with training', section: 'Training', zh: '培训满意度', sectionZh: '培训', sql: 'score_train_sat', higherIsBetter: true, digits: 2 },
  { id: 'few_opportunities', label: 'Barrier: too few opportunities', section: 'Training', zh: '障碍：培训机会太少', sectionZh: '培训', sql: 'bar_few_opportunities', higherIsBetter: false, digits: 0, percent: true },
  { id: 'no_time', label: 'Barrier: no time for training', section: 'Training', zh: '障碍：工作繁忙无暇参训', sectionZh: '培训', sql: 'bar_no_time', higherIsBetter: false, digits: 0, percent: true },
  { id: 'turnover', label: 'Turnover intention', section: 'Retention risk', zh: '离职倾向', sectionZh: '流失风险', sql: 'score_turnover', higherIsBetter: false, digits: 2 },
  { id: 'need', label: 'Need satisfaction', section: 'Retention risk', zh: '基本心理需要满足', sectionZh: '流失风险', sql: '(score_autonomy + score_competence + score_relatedness) / 3', higherIsBetter: true, digits: 2 },
  { id: 'justice', label: 'Organisational justice', section: 'Retention risk', zh: '组织公平', sectionZh: '流失风险', sql: '(score_just_dist + score_just_proc + score_just_inter + score_just_info) / 4', higherIsBetter: true, digits: 2 },
  { id: 'exhaustion', label: 'Exhaustion', section: 'Retention risk', zh: '情绪耗竭', sectionZh: '流失风险', sql: 'score_exhaustion', higherIsBetter: false, digits: 2 },
];

export const COMPARE_BY = ['county', 'dept_type', 'gender', 'age_band', 'education', 'rank', 'service_band', 'recruitment'];
