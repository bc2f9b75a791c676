/**
 * Test results in APA style for the prose: t(df) = …, p = …, d = … with 95% CIs; F(df1, df2); r(df).
 * Statistics with no leading zero where they cannot exceed 1 (p, r, ω²), a true minus sign, and
 * group breakdowns read from group summaries (n, mean, SD) so that they come from the protected table.
 */
import type { Lang } from '../../i18n/index.ts';
import { correlationCI, pairedTSummary, welchAnovaSummary, welchTSummary, type GroupSummary } from '../stats/summary.ts';

const minus = (s: string) => s.replace(/^-/, '−');
export const num = (v: number, digits = 2) => minus(v.toFixed(digits));
/** no leading zero: for statistics bounded by 1 */
export const bounded = (v: number, digits = 2) => minus(v.toFixed(digits).replace(/^(-?)0\./, '$1.'));
export const pValue = (p: number) => (p < 0.001 ? 'p < .001' : `p = ${bounded(p, 3)}`);
const ci = (lang: Lang, lo: string, hi: string) => `95% CI [${lo}, ${hi}]`;
const nText = (lang: Lang, n: number) => (lang === 'zh' ? `n = ${n}` : `n = ${n}`);
const sep = (lang: Lang) => (lang === 'zh' ? '，' : ', ');

export function apaWelchT(a: GroupSummary, b: GroupSummary, lang: Lang = 'en') {
  const r = welchTSummary(a, b);
  const parts = [
    `M = ${num(a.mean)} ${lang === 'zh' ? '对' : 'vs'} ${num(b.mean)}`,
    `${lang === 'zh' ? '差值' : 'difference'} ${num(r.diff)}, ${ci(lang, num(r.lo), num(r.hi))}`,
    `t(${r.df.toFixed(1)}) = ${num(r.t)}, ${pValue(r.p)}`,
    `d = ${num(r.d)}, ${ci(lang, num(r.dLo), num(r.dHi))}`,
    nText(lang, r.n),
  ];
  return { text: parts.join(sep(lang) === '，' ? '；' : '; '), result: r };
}

export function apaPaired(d: GroupSummary, lang: Lang = 'en') {
  const r = pairedTSummary(d);
  const parts = [`${lang === 'zh' ? '平均差值' : 'mean difference'} ${num(r.diff)}, ${ci(lang, num(r.lo), num(r.hi))}`, `t(${r.df}) = ${num(r.t)}, ${pValue(r.p)}`, `d_z = ${num(r.dz)}`, nText(lang, r.n)];
  return { text: parts.join('; '), result: r };
}

export function apaWelchAnova(gs: GroupSummary[], lang: Lang = 'en') {
  const r = welchAnovaSummary(gs);
  const text = `${lang === 'zh' ? 'Welch 方差分析' : "Welch's"} F(${r.df1}, ${r.df2.toFixed(1)}) = ${num(r.F)}, ${pValue(r.p)}, ω² = ${bounded(r.omegaSquared, 3)}${sep(lang)}${nText(lang, r.n)}${lang === 'zh' ? `，${r.k} 组` : ` in ${r.k} groups`}`;
  return { text, result: r };
}

export function apaCorrelation(rv: number, n: number, lang: Lang = 'en') {
  const r = correlationCI(rv, n);
  return { text: `r(${r.df}) = ${bounded(r.r)}, ${ci(lang, bounded(r.lo), bounded(r.hi))}, ${pValue(r.p)}`, result: r };
}

/** what a result lets the prose say (two-sided p < alpha): the outcome slots of <Apa> */
export function outcomeOf(test: 'welch-t' | 'paired' | 'welch-anova' | 'r', r: { p: number; diff?: number; r?: number }, alpha = 0.05): string {
  if (!(r.p < alpha)) return 'same';
  if (test === 'welch-anova') return 'differ';
  if (test === 'r') return r.r! > 0 ? 'positive' : 'negative';
  return r.diff! > 0 ? 'higher' : 'lower';
}
