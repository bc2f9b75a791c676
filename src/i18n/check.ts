/** Build-time check of the dictionaries (Node only): missing, empty, mismatched or unused keys. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { en } from './en.ts';
import { zh } from './zh.ts';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'i18n' ? [] : sources(p);
    return /\.(ts|astro|mdx)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

export function dictionaryProblems(srcDir = 'src'): string[] {
  const problems: string[] = [];
  const enKeys = Object.keys(en), zhKeys = Object.keys(zh);
  for (const k of enKeys) if (!zhKeys.includes(k)) problems.push(`zh.ts lacks "${k}"`);
  for (const k of zhKeys) if (!enKeys.includes(k)) problems.push(`zh.ts has "${k}", which en.ts does not`);
  for (const [k, v] of Object.entries(en) as [keyof typeof en, string][]) {
    if (!v.trim() || !zh[k]?.trim()) problems.push(`"${k}" is empty`);
    else if (placeholders(v) !== placeholders(zh[k])) problems.push(`"${k}": placeholders differ between en and zh`);
  }
  const text = sources(srcDir).map((f) => readFileSync(f, 'utf8')).join('\n');
  for (const k of enKeys) if (!text.includes(`'${k}'`) && !text.includes(`"${k}"`)) problems.push(`"${k}" is not used anywhere in ${srcDir}/`);
  return problems;
}
