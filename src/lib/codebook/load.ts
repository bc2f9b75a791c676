/**
 * Loads `data/codebook.yaml` (compact, hand-written) or a published `codebook.json`
 * (already expanded) and returns a validated `Codebook`. See the YAML's header for
 * what the compact form expands to.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Codebook, Competency, GroupVariable, Label, Scale, ValueLabel, Variable } from './types.ts';

export class CodebookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodebookError';
  }
}

type Anchors = Record<string, Label[]>;

interface CompactItem extends Partial<Label> {
  name?: string;
  reverse?: boolean;
}

import { parseScenario } from './disclosure.ts';

export function loadCodebook(path: string): Codebook {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CodebookError(`codebook ${path}: cannot read file (${(e as Error).message})`);
  }
  let obj: unknown;
  try {
    obj = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new CodebookError(`codebook ${path}: not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'} (${(e as Error).message})`);
  }
  return loadCodebookFromObject(obj, path);
}

function likertValues(anchors: Anchors, name: string, where: string): ValueLabel[] {
  const labels = anchors[name];
  if (!labels) throw new CodebookError(`${where}: unknown anchors "${name}"`);
  return labels.map((label, i) => ({ code: i + 1, label }));
}

/** Expands the compact form (if present) and validates cross-references. */
export function loadCodebookFromObject(raw: unknown, source = 'codebook'): Codebook {
  if (!raw || typeof raw !== 'object') throw new CodebookError(`${source}: expected an object at the top level`);
  const src = raw as Record<string, any>;
  for (const key of ['id', 'version', 'title', 'sections', 'variables']) {
    if (src[key] === undefined) throw new CodebookError(`${source}: missing top-level field "${key}"`);
  }
  const anchors: Anchors = src.anchors ?? {};
  const variables: Variable[] = [];
  const scales: Scale[] = [];
  const competencies: Competency[] = [];

  for (const v of src.variables as any[]) {
    const { anchors: a, ...rest } = v;
    const variable: Variable = { ...rest };
    if (a) {
      variable.values = likertValues(anchors, a, `${source}: variable ${v.name}`);
      variable.min = 1;
      variable.max = variable.values.length;
    }
    variables.push(variable);
  }

  const addScale = (
    id: string,
    label: Label,
    section: string,
    items: { name: string; wording: Label; reverse?: boolean }[],
    anchorName: string | undefined,
    construct: string,
    existingValues?: ValueLabel[],
    figures?: string[],
  ): Scale => {
    const values = existingValues ?? likertValues(anchors, anchorName ?? '', `${source}: scale ${id}`);
    for (const it of items) {
      variables.push({
        name: it.name,
        section,
        construct,
        label: { en: `${label.en}: ${it.wording.en}`, zh: `${label.zh}：${it.wording.zh}` },
        wording: it.wording,
        type: 'likert',
        values,
        min: 1,
        max: values.length,
        role: 'analysis',
        ...(it.reverse ? { reverse: true } : {}),
        optional: true,
      });
    }
    const scale: Scale = {
      id,
      label,
      section,
      items: items.map((i) => i.name),
      reverse: items.filter((i) => i.reverse).map((i) => i.name),
      min: 1,
      max: values.length,
      score: `score_${id}`,
      ...(Array.isArray(figures) && figures.length ? { figures: figures.map(String) } : {}),
    };
    scales.push(scale);
    return scale;
  };

  // Competencies: compact (with `items`) or expanded (with `proficiency`/`importance`).
  for (const c of (src.competencies ?? []) as any[]) {
    if (Array.isArray(c.items)) {
      const items = (c.items as CompactItem[]).map((w, i) => ({ i: i + 1, wording: { en: w.en ?? '', zh: w.zh ?? '' } }));
      const pro = addScale(
        `pro_${c.id}`,
        { en: `${c.label.en} — proficiency`, zh: `${c.label.zh}——现有水平` },
        'competency',
        items.map((it) => ({ name: `pro_${c.id}_${it.i}`, wording: it.wording })),
        'proficiency',
        c.id,
      );
      const imp = addScale(
        `imp_${c.id}`,
        { en: `${c.label.en} — importance`, zh: `${c.label.zh}——重要程度` },
        'competency',
        items.map((it) => ({ name: `imp_${c.id}_${it.i}`, wording: it.wording })),
        'importance',
        c.id,
      );
      competencies.push({ id: c.id, label: c.label, dimension: c.dimension, group: c.group, proficiency: pro.id, importance: imp.id });
    } else {
      competencies.push(c as Competency);
    }
  }

  for (const s of (src.scales ?? []) as any[]) {
    if (Array.isArray(s.items) && s.items.length && typeof s.items[0] === 'object') {
      addScale(
        s.id,
        s.label,
        s.section,
        (s.items as CompactItem[]).map((it) => ({
          name: it.name ?? '',
          wording: { en: it.en ?? '', zh: it.zh ?? '' },
          reverse: !!it.reverse,
        })),
        s.anchors,
        s.id,
        undefined,
        s.figures,
      );
    } else {
      scales.push({ ...s, reverse: s.reverse ?? [], score: s.score ?? `score_${s.id}` } as Scale);
    }
  }

  const codebook: Codebook = {
    id: String(src.id),
    version: String(src.version),
    title: src.title,
    k: Number(src.k ?? 5),
    sections: src.sections,
    variables,
    scales,
    dimensions: src.dimensions ?? [],
    competencies,
    ...(Array.isArray(src.missing) ? { missing: src.missing } : {}),
    ...(src.groups !== undefined ? { groups: parseGroups(src.groups, `${source}: groups`) } : {}),
    ...(Array.isArray(src.compare) ? { compare: src.compare } : {}),
  };
  const columns = new Set(variables.map((v) => v.generalise?.to ?? v.name));
  const disclosure = parseScenario(src.disclosure, columns, `${source}: disclosure`);
  if (disclosure) codebook.disclosure = disclosure;
  validateCodebook(codebook, source);
  return codebook;
}

/** `groups:` entries are a name or `{ name, menu }`. */
function parseGroups(raw: unknown, where: string): GroupVariable[] {
  if (!Array.isArray(raw)) throw new CodebookError(`${where}: expected a list of variable names`);
  return raw.map((g, i) => {
    if (typeof g === 'string') return { name: g };
    if (g && typeof g === 'object' && typeof (g as any).name === 'string') {
      const { name, menu } = g as { name: string; menu?: unknown };
      if (menu !== undefined && typeof menu !== 'boolean') throw new CodebookError(`${where}[${i}]: "menu" must be true or false`);
      return menu === false ? { name, menu: false } : { name };
    }
    throw new CodebookError(`${where}[${i}]: expected a variable name or { name, menu }`);
  });
}

const TYPES = new Set(['likert', 'categorical', 'boolean', 'integer', 'number', 'text', 'datetime', 'string']);
const ROLES = new Set(['direct_identifier', 'quasi_identifier', 'frame', 'analysis', 'meta']);

export function validateCodebook(cb: Codebook, source = 'codebook'): void {
  const fail = (msg: string) => {
    throw new CodebookError(`${source}: ${msg}`);
  };
  if (!Number.isInteger(cb.k) || cb.k < 1) fail(`k must be a positive integer, got ${cb.k}`);
  const sections = new Set(cb.sections.map((s) => s.id));
  const names = new Map<string, Variable>();
  for (const v of cb.variables) {
    if (!v.name || !/^[A-Za-z][A-Za-z0-9_]*$/.test(v.name)) fail(`variable name "${v.name}" must be an ASCII identifier`);
    if (names.has(v.name)) fail(`variable "${v.name}" is defined twice`);
    names.set(v.name, v);
    if (!sections.has(v.section)) fail(`variable "${v.name}": unknown section "${v.section}"`);
    if (!TYPES.has(v.type)) fail(`variable "${v.name}": unknown type "${v.type}"`);
    if (!ROLES.has(v.role)) fail(`variable "${v.name}": unknown role "${v.role}"`);
    if (!v.label?.en || !v.label?.zh) fail(`variable "${v.name}": label needs both en and zh`);
    if ((v.type === 'categorical' || v.type === 'likert') && !(v.values && v.values.length))
      fail(`variable "${v.name}": ${v.type} needs values`);
    if (v.values) {
      const codes = new Set<string>();
      for (const val of v.values) {
        if (codes.has(String(val.code))) fail(`variable "${v.name}": value code "${val.code}" is listed twice`);
        codes.add(String(val.code));
      }
    }
    if (v.generalise && !v.generalise.to) fail(`variable "${v.name}": generalise needs "to"`);
  }
  // Generalised output names must not clash with raw names.
  for (const v of cb.variables) {
    if (v.generalise && names.has(v.generalise.to)) fail(`variable "${v.name}": generalised name "${v.generalise.to}" clashes with a variable`);
  }
  const scaleIds = new Set<string>();
  for (const s of cb.scales) {
    if (scaleIds.has(s.id)) fail(`scale "${s.id}" is defined twice`);
    scaleIds.add(s.id);
    if (s.items.length < 2) fail(`scale "${s.id}" needs at least 2 items`);
    for (const it of s.items) if (!names.has(it)) fail(`scale "${s.id}": item "${it}" is not a variable`);
    for (const it of s.reverse) if (!s.items.includes(it)) fail(`scale "${s.id}": reverse item "${it}" is not one of its items`);
  }
  // grouping variables: published categorical columns (a generalised variable by its published name), each once
  const seenGroups = new Set<string>();
  for (const g of cb.groups ?? []) {
    if (seenGroups.has(g.name)) fail(`groups: "${g.name}" is listed twice`);
    seenGroups.add(g.name);
    const v = cb.variables.find((x) => x.name === g.name && !x.generalise) ?? cb.variables.find((x) => x.generalise?.to === g.name);
    if (!v) fail(`groups: "${g.name}" is not a variable (a generalised variable is listed by its published name, e.g. age_band)`);
    else if (v.role === 'direct_identifier') fail(`groups: "${g.name}" is a direct identifier, never published`);
    else if (!v.generalise && v.type !== 'categorical' && v.type !== 'boolean') fail(`groups: "${g.name}" must be categorical (or generalised to bands), not ${v.type}`);
  }
  const dims = new Set(cb.dimensions.map((d) => d.id));
  for (const c of cb.competencies) {
    if (!dims.has(c.dimension)) fail(`competency "${c.id}": unknown dimension "${c.dimension}"`);
    if (!scaleIds.has(c.proficiency)) fail(`competency "${c.id}": proficiency scale "${c.proficiency}" is not defined`);
    if (!scaleIds.has(c.importance)) fail(`competency "${c.id}": importance scale "${c.importance}" is not defined`);
  }
  const measureIds = new Set<string>();
  for (const m of cb.compare ?? []) {
    const where = `compare measure "${m.id}"`;
    if (!m.id || !/^[a-z][a-z0-9_]*$/.test(m.id) || m.id.startsWith('dim_')) fail(`${where}: id must be a lower-case identifier not starting with dim_`);
    if (measureIds.has(m.id)) fail(`${where} is defined twice`);
    measureIds.add(m.id);
    if ((m.variable === undefined) === (m.scales === undefined)) fail(`${where}: give either "variable" or "scales"`);
    if (m.variable !== undefined && !names.has(m.variable)) fail(`${where}: "${m.variable}" is not a variable`);
    for (const s of m.scales ?? []) if (!scaleIds.has(s)) fail(`${where}: "${s}" is not a scale`);
    if (m.scales && !m.scales.length) fail(`${where}: "scales" is empty`);
    if (m.equals !== undefined && (m.variable === undefined || typeof m.equals !== 'number')) fail(`${where}: "equals" needs a variable and a number`);
    if (m.better !== undefined && m.better !== 'higher' && m.better !== 'lower') fail(`${where}: "better" is higher or lower`);
    if (((m.scales?.length ?? 0) > 1 || m.equals !== undefined) && !(m.label?.en && m.label?.zh)) fail(`${where}: needs a label (en and zh)`);
  }
}

export { variable, variablesByRole, allowedCodes, publishedName, labelOf } from './labels.ts';
