/**
 * Seeded synthetic survey generator. Streams `respondents.csv` in the canonical raw format
 * (header = codebook variable names, codes, empty = missing) and writes `truth.json`.
 * Rows are produced one at a time and written in chunks with backpressure, so memory stays
 * bounded at any n.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Codebook } from '../codebook/types.ts';
import { Rng } from './rng.ts';
import { MODEL } from './model.ts';

export interface GenerateOptions {
  seed: number;
  respondents: number;
  outDir: string;
  codebook: Codebook;
}

type Row = Record<string, string | number | undefined>;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建文辉玲红国志兵云鹏飞斌宇浩凯';
const COMMENTS = [
  '希望增加专业培训',
  '基层任务重，人手不足',
  '希望培训与岗位结合更紧密',
  '建议完善考核激励机制',
  '工作压力较大',
  '希望有更多交流学习机会',
];

/** how many respondents each sample gets, in generation order */
export function allocateSamples(n: number): [string, number][] {
  const g = n >= 930 ? MODEL.samples.g_district_n : Math.round(n * 0.1);
  const rest = n - g;
  const t = Math.round(rest * MODEL.samples.township_cadres / (1 - 0));
  const z = Math.round(rest * MODEL.samples.z_petition);
  const tn = rest - t - z;
  return [
    ['township_cadres', t],
    ['z_petition', z],
    ['g_district', g],
    ['training_needs', tn],
  ];
}

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
const likert = (x: number) => clamp(Math.round(x), 1, 5);

function pickKey(rng: Rng, weights: Record<string, number>): string {
  const keys = Object.keys(weights);
  return keys[rng.weighted(keys.map((k) => weights[k]))];
}

export function truthOf(opts: Omit<GenerateOptions, 'codebook' | 'outDir'>) {
  return {
    generator: 'synthetic-survey',
    seed: opts.seed,
    respondents: opts.respondents,
    samples: Object.fromEntries(allocateSamples(opts.respondents)),
    model: MODEL,
  };
}

export async function generateSurvey(opts: GenerateOptions): Promise<{ file: string; rows: number }> {
  const { seed, respondents: n, outDir, codebook } = opts;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--respondents must be a positive integer, got ${n}`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got ${seed}`);
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'respondents.csv');
  const header = codebook.variables.map((v) => v.name);
  const optional = new Set(codebook.variables.filter((v) => v.type === 'likert').map((v) => v.name));
  const townshipsOf = new Map<string, string[]>();
  for (const t of codebook.variables.find((v) => v.name === 'township')!.values!) {
    const list = townshipsOf.get(t.parent!) ?? [];
    list.push(String(t.code));
    townshipsOf.set(t.parent!, list);
  }
  const cityOf = new Map(codebook.variables.find((v) => v.name === 'county')!.values!.map((v) => [String(v.code), v.parent!]));

  const rng = new Rng(seed);
  const out = createWriteStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(header.join(',') + '\n');

  let chunk: string[] = [];
  let serial = 0;
  for (const [sample, count] of allocateSamples(n)) {
    for (let i = 0; i < count; i++) {
      const row = respondent(rng, sample, ++serial, townshipsOf, cityOf, codebook);
      const cells = new Array<string>(header.length);
      for (let c = 0; c < header.length; c++) {
        const name = header[c];
        let v = row[name];
        if (v !== undefined && optional.has(name) && rng.next() < MODEL.missingRate) v = undefined;
        cells[c] = v === undefined ? '' : typeof v === 'number' ? String(v) : csvCell(v);
      }
      chunk.push(cells.join(','));
      if (chunk.length === 2000) {
        await write(chunk.join('\n') + '\n');
        chunk = [];
      }
    }
  }
  if (chunk.length) await write(chunk.join('\n') + '\n');
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  writeFileSync(path.join(outDir, 'truth.json'), JSON.stringify(truthOf({ seed, respondents: n }), null, 2) + '\n');
  return { file, rows: n };
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function respondent(
  rng: Rng,
  sample: string,
  serial: number,
  townshipsOf: Map<string, string[]>,
  cityOf: Map<string, string>,
  codebook: Codebook,
): Row {
  const r: Row = { sample };
  const frame = (MODEL.frame as any)[sample];
  const county = pickKey(rng, frame.counties);
  const dept = pickKey(rng, frame.dept);
  r.county = county;
  r.city = cityOf.get(county)!;
  r.dept_type = dept;
  r.survey_year = frame.year;
  if (dept === 'township_office') {
    const ts = (sample === 'training_needs' ? frame.townships.filter((t: string) => townshipsOf.get(county)!.includes(t)) : townshipsOf.get(county)) as string[];
    r.township = rng.pick(ts);
  }

  // ---- demographics ----
  const female = rng.bool(dept === 'petition_office' ? 0.45 : 0.36);
  r.gender = female ? 'female' : 'male';
  const age = Math.round(clamp(38 + 9 * rng.normal(), 22, 60));
  r.age = age;
  const yearsService = Math.round(clamp(age - 23 - rng.next() * 6, 0, 40));
  r.years_service = yearsService;
  const eduW = age < 35 ? [0.02, 0.18, 0.68, 0.12] : age < 45 ? [0.06, 0.34, 0.54, 0.06] : [0.15, 0.45, 0.38, 0.02];
  const edu = ['secondary', 'college', 'bachelor', 'postgraduate'][rng.weighted(eduW)];
  r.education = edu;
  const higherEd = edu === 'bachelor' || edu === 'postgraduate' ? 1 : 0;
  const rankW = yearsService < 6 ? [0.85, 0.13, 0.02, 0] : yearsService < 16 ? [0.35, 0.4, 0.2, 0.05] : [0.12, 0.4, 0.3, 0.18];
  const rank = ['staff', 'senior_staff', 'deputy_section', 'section'][rng.weighted(rankW)];
  r.rank = rank;
  r.leader = rank === 'section' ? (rng.bool(0.8) ? 'yes' : 'no') : rank === 'deputy_section' ? (rng.bool(0.55) ? 'yes' : 'no') : rng.bool(0.03) ? 'yes' : 'no';
  r.recruitment = age < 35 && rng.bool(0.25) ? 'selected_graduate' : rng.bool(0.82) ? 'open_exam' : 'transfer';

  // ---- direct identifiers (fake) ----
  r.name = rng.pick([...SURNAMES]) + rng.pick([...GIVEN]) + (rng.bool(0.6) ? rng.pick([...GIVEN]) : '');
  const birthYear = (frame.year as number) - age;
  r.id_card = `${rng.int(110000, 659000)}${birthYear}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}${String(rng.int(0, 999)).padStart(3, '0')}${rng.pick(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'])}`;
  r.phone = `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999999999)).padStart(9, '0')}`;
  r.email = `user${serial}x${rng.int(100, 999)}@example.com`;
  r.ip = `198.51.100.${rng.int(1, 254)}`;
  const day = rng.int(0, 59);
  r.submitted_at = new Date(Date.UTC(frame.year, 2, 1 + day, rng.int(0, 23), rng.int(0, 59), rng.int(0, 59))).toISOString();
  if (rng.bool(0.08)) r.comment = rng.pick(COMMENTS);

  // ---- competencies ----
  const m = MODEL.measurement;
  const g = rng.normal();
  const dimFactor: Record<string, number> = {};
  for (const d of codebook.dimensions) dimFactor[d.id] = rng.normal();
  const impFactor = rng.normal() * m.importanceFactorSd;
  const isH = county === 'h_county';
  const isZ = sample === 'z_petition';
  const isPetition = dept === 'petition_office';
  for (const c of codebook.competencies) {
    const mean = MODEL.competencyMeans[c.id];
    let pro = mean.pro + m.generalLoading * g + m.dimensionLoading * dimFactor[c.dimension] + m.uniqueSd * rng.normal();
    pro += ((age - 40) / 10) * (MODEL.demographics.agePerDecade[c.id] ?? 0);
    pro += higherEd * (MODEL.demographics.higherEducation[c.id] ?? 0);
    pro += (yearsService / 10) * (MODEL.demographics.servicePer10[c.id] ?? 0);
    if (isH) pro += MODEL.hCounty.overall + (MODEL.hCounty.dimensions[c.dimension] ?? 0);
    if (isZ) pro += MODEL.zPetition.competencies[c.id] ?? 0;
    let imp = mean.imp + impFactor + m.importanceUniqueSd * rng.normal();
    if (isPetition) {
      pro += MODEL.petitionStaff.proBoost[c.id] ?? 0;
      imp += MODEL.petitionStaff.impBoost[c.id] ?? 0;
    }
    const scalePro = codebook.scales.find((s) => s.id === c.proficiency)!;
    const scaleImp = codebook.scales.find((s) => s.id === c.importance)!;
    for (const item of scalePro.items) r[item] = likert(pro + m.itemNoiseSd * rng.normal());
    for (const item of scaleImp.items) r[item] = likert(imp + m.importanceNoiseSd * rng.normal());
  }

  // ---- training ----
  const meanCount = MODEL.training.meanCount[county] ?? MODEL.training.meanCount.default;
  const count = Math.max(0, Math.round(meanCount + 1.6 * rng.normal()));
  r.train_count = count;
  r.train_hours = count === 0 ? 0 : Math.round(count * (6 + rng.next() * 18));
  r.train_level =
    count === 0 ? 'none' : yearsService < 2 ? 'new_recruit' : r.leader === 'yes' ? (rank === 'section' ? 'leader' : 'manager') : rng.bool(0.15) ? 'outstanding' : 'basic_post';
  const got = count > 0;
  r.fmt_classroom = got && rng.bool(0.9) ? 1 : 0;
  r.fmt_online = got && rng.bool(0.65) ? 1 : 0;
  r.fmt_onsite = got && rng.bool(isH ? 0.15 : 0.3) ? 1 : 0;
  r.fmt_exchange = got && rng.bool(0.08) ? 1 : 0;
  for (const [bar, p] of Object.entries(MODEL.training.barriers)) {
    let pp = p;
    if (bar === 'bar_few_opportunities' && count <= 1) pp += 0.2;
    if (bar === 'bar_no_time' && dept === 'township_office') pp += 0.1;
    r[bar] = rng.bool(clamp(pp, 0, 0.95)) ? 1 : 0;
  }
  r.pref_case = rng.bool(0.62) ? 1 : 0;
  r.pref_onsite = rng.bool(0.55) ? 1 : 0;
  r.pref_online = rng.bool(age < 35 ? 0.5 : 0.3) ? 1 : 0;
  r.pref_lecture = rng.bool(0.3) ? 1 : 0;
  r.pref_exchange = rng.bool(0.35) ? 1 : 0;
  r.pref_mentoring = rng.bool(yearsService < 6 ? 0.45 : 0.2) ? 1 : 0;
  const trainQuality = rng.normal() * 0.5 - (r.bar_weak_teachers ? 0.4 : 0) - (r.bar_irrelevant ? 0.3 : 0);
  if (got) {
    for (const [k, mu] of Object.entries(MODEL.training.kirkpatrick)) r[k] = likert(mu + trainQuality + 0.6 * rng.normal());
    for (const item of ['sat_content', 'sat_teachers', 'sat_methods', 'sat_org']) r[item] = likert(3.4 + trainQuality + 0.5 * rng.normal());
  }

  // ---- career ----
  const ns = rng.normal() - (isZ ? 0.3 : 0);
  const justice = 0.4 * ns + 0.9 * rng.normal();
  const fit = 0.35 * ns + 0.3 * higherEd * 0 + 0.9 * rng.normal();
  const exhaustion = 0.4 * rng.normal() + (dept === 'township_office' ? 0.3 : 0) + (isZ ? 0.4 : 0) - 0.3 * ns + 0.7 * rng.normal();
  const t = MODEL.turnover;
  const ti =
    t.intercept +
    t.needSatisfaction * ns +
    t.justice * justice +
    t.fit * fit +
    t.exhaustion * exhaustion +
    t.under30 * (age < 30 ? 1 : 0) +
    t.higherEducation * higherEd +
    t.townshipOffice * (dept === 'township_office' ? 1 : 0) +
    (isZ ? MODEL.zPetition.turnover : 0) +
    t.noiseSd * rng.normal();
  const items = (latent: number, names: string[], sd = 0.45, reverse: string[] = []) => {
    for (const n of names) {
      const x = latent + sd * rng.normal();
      r[n] = reverse.includes(n) ? 6 - likert(x) : likert(x);
    }
  };
  const comp = (mu: number, s: number, f: number) => mu + s * f;
  items(comp(3.3, 0.7, 0.8 * ns + 0.6 * rng.normal()), ['bpn_aut_1', 'bpn_aut_2', 'bpn_aut_3'], 0.45, ['bpn_aut_3']);
  items(comp(3.7, 0.6, 0.7 * ns + 0.6 * rng.normal()), ['bpn_com_1', 'bpn_com_2', 'bpn_com_3']);
  items(comp(3.8, 0.6, 0.7 * ns + 0.6 * rng.normal()), ['bpn_rel_1', 'bpn_rel_2', 'bpn_rel_3'], 0.45, ['bpn_rel_3']);
  const jd = comp(2.8, 0.7, 0.8 * justice + 0.5 * rng.normal());
  items(jd, ['jus_dis_1', 'jus_dis_2', 'jus_dis_3']);
  items(comp(3.2, 0.7, 0.8 * justice + 0.5 * rng.normal()), ['jus_pro_1', 'jus_pro_2', 'jus_pro_3']);
  items(comp(3.7, 0.6, 0.8 * justice + 0.5 * rng.normal()), ['jus_int_1', 'jus_int_2', 'jus_int_3']);
  items(comp(3.3, 0.6, 0.8 * justice + 0.5 * rng.normal()), ['jus_inf_1', 'jus_inf_2', 'jus_inf_3']);
  items(comp(3.6, 0.6, 0.8 * fit + 0.5 * rng.normal()), ['fit_da_1', 'fit_da_2', 'fit_da_3']);
  items(comp(3.1, 0.7, 0.8 * fit + 0.5 * rng.normal()), ['fit_ns_1', 'fit_ns_2', 'fit_ns_3']);
  items(comp(3.2, 0.8, exhaustion), ['bo_exh_1', 'bo_exh_2', 'bo_exh_3']);
  items(comp(2.7, 0.6, 0.6 * exhaustion - 0.3 * ns + 0.5 * rng.normal()), ['bo_cyn_1', 'bo_cyn_2', 'bo_cyn_3']);
  items(3.5 + 0.35 * ns - 0.2 * exhaustion + (isZ ? MODEL.zPetition.enthusiasm : 0) + 0.45 * rng.normal(), ['ent_1', 'ent_2', 'ent_3']);
  items(jd - 0.2 + 0.4 * rng.normal(), ['pay_1', 'pay_2'], 0.38);
  items(2.8 + 0.3 * justice + 0.5 * rng.normal(), ['promo_1', 'promo_2'], 0.38);
  items(3.2 + 0.3 * fit + 0.5 * rng.normal(), ['cc_1', 'cc_2', 'cc_3'], 0.45, ['cc_3']);
  items(ti, ['ti_1', 'ti_2', 'ti_3'], 0.5);
  return r;
}
