// One state per figure (issue #13, point 2): creation, versioned URLs and their migrations, hostile
// links, and the notes / table / download names derived from the state for build and browser alike.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { loadCodebook } from '../codebook/load.ts';
import type { FigureDef } from './types.ts';
import { fixtureDef } from './fixture.ts';
import { controlOptions } from './options.ts';
import { suppressSmallCells } from './rows.ts';
import { createState, downloadName, figureQuery, emptySelectionText, figureView, fromURL, migrate, notesHTML, readURL, renameParam, renameValue, toURL, urlVersion, VERSION_KEY, withParam, withRows } from './state.ts';
import { figure as groupDistribution } from '../../figures/group-distribution/figure.ts';
import { figure as borich } from '../../figures/borich-ranking/figure.ts';
import { figure as turnover } from '../../figures/turnover-by-group/figure.ts';

const cb = loadCodebook('data/codebook.yaml');
const def = fixtureDef('by', {
  // v2 renamed `group` to `by`; v3 recoded the county `old_h` to `h_county`
  migrations: [
    { to: 3, note: 'county old_h is h_county', up: renameValue('county', 'old_h', 'h_county') },
    { to: 2, note: 'group renamed by', up: renameParam('group', 'by') },
  ],
});

const allFigures = async () => {
  const ids = readdirSync('src/figures', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  return Promise.all(ids.map(async (id) => (await import(`../../figures/${id}/figure.ts`)).figure as FigureDef));
};

describe('creating a state', () => {
  it('opens on the opening view, resolved against the codebook, with the figure version', () => {
    const s = createState(def, cb, { county: 'h_county' });
    expect(s).toMatchObject({ figureId: 'f', version: 3, params: { county: 'h_county', by: 'age_band' }, opening: { county: 'h_county', by: 'age_band' }, rejected: [], migrated: [] });
    expect(s.rows).toBeUndefined();
    expect(urlVersion(turnover)).toBe(1);
  });
  it('requested values override the opening view; refused ones fall back to it and are reported', () => {
    const s = createState(def, cb, { county: 'h_county' }, { by: 'rank', county: 'nowhere', colour: 'red' });
    expect(s.params).toEqual({ county: 'h_county', by: 'rank' });
    expect(s.rejected).toEqual(['colour=red', 'county=nowhere']);
  });
  it('withParam changes one parameter, keeps the opening view, and drops the rows (they are for the old view)', () => {
    const s = withRows(createState(def, cb), [{ grp: 'a', n: 9, suppressed: false }]);
    const s2 = withParam(def, cb, s, 'by', 'gender');
    expect(s2.params).toEqual({ county: 'all', by: 'gender' });
    expect(s2.rows).toBeUndefined();
    expect(s2.opening).toEqual(s.opening);
    const s3 = withParam(def, cb, s2, 'by', "x' OR 1=1");
    expect(s3.params).toEqual({ county: 'all', by: 'age_band' });
    expect(s3.rejected).toEqual(["by=x' OR 1=1"]);
    expect(withParam(def, cb, s, 'county', 'all').rows).toBe(s.rows); // nothing changed: rows still hold
  });
});

describe('versioned URLs', () => {
  it('writes the version with the values that differ from the opening view, and keeps other figures\' keys', () => {
    const s = createState(def, cb, {}, { county: 'h_county' });
    expect(toURL(s, '?other.county=x&f.by=rank&f.junk=1')).toBe('?other.county=x&f.v=3&f.county=h_county');
    expect(toURL(createState(def, cb), '?f.v=3&f.by=rank')).toBe('');
    expect(toURL(createState(turnover, cb, {}, { group: 'gender' }))).toBe('?turnover-by-group.v=1&turnover-by-group.group=gender');
  });
  it('links a figure writes itself carry the version; defaults are left out unless told otherwise', () => {
    expect(figureQuery(def, { county: 'h_county', by: 'age_band' })).toBe('?f.v=3&f.county=h_county');
    expect(figureQuery(def, { county: 'all', by: 'age_band' })).toBe('?');
    expect(figureQuery(def, { county: 'all' }, {})).toBe('?f.v=3&f.county=all');
    expect(fromURL(def, figureQuery(def, { county: 'h_county', by: 'rank' }), cb).migrated).toEqual([]);
  });
  it('an unversioned link is version 1: every migration runs, in order of version', () => {
    const s = fromURL(def, '?f.group=rank&f.county=old_h', cb);
    expect(s.params).toEqual({ county: 'h_county', by: 'rank' });
    expect(s.rejected).toEqual([]);
    expect(s.migrated).toEqual(['group renamed by', 'county old_h is h_county']);
    // version 2 links skip the rename: `group` is no parameter of version 2
    const v2 = fromURL(def, '?f.v=2&f.group=rank&f.county=old_h', cb);
    expect(v2.params).toEqual({ county: 'h_county', by: 'age_band' });
    expect(v2.rejected).toEqual(['group=rank']);
    expect(v2.migrated).toEqual(['county old_h is h_county']);
    // a current link is read as it is
    expect(fromURL(def, '?f.v=3&f.county=old_h', cb).rejected).toEqual(['county=old_h']);
  });
  it('a renamed parameter given under both names keeps the new name\'s value', () => {
    expect(renameParam('group', 'by')({ group: 'rank', by: 'gender' })).toEqual({ by: 'gender' });
    expect(renameParam('group', 'by')({ county: 'x' })).toEqual({ county: 'x' });
  });
  it('a bad version is refused and reported: garbage reads as an old link, a future version as the current one', () => {
    expect(readURL(def, '?f.v=abc&f.group=rank')).toEqual({ version: 1, raw: { group: 'rank' }, rejected: ['v=abc'] });
    expect(fromURL(def, '?f.v=abc&f.group=rank', cb).params.by).toBe('rank');
    const future = fromURL(def, '?f.v=9&f.by=gender', cb);
    expect(future.params.by).toBe('gender');
    expect(future.rejected).toEqual(['v=9']);
    for (const v of ['0', '-1', '1e3', '3.0', ' 3', '']) expect(readURL(def, `?f.v=${encodeURIComponent(v)}`).rejected, v).toEqual([`v=${v}`]);
  });
  it('a migration step that throws is skipped and named, the link still opens', () => {
    const bad = { ...def, migrations: [{ to: 2, note: 'boom', up: () => { throw new Error('boom'); } }] } as FigureDef;
    const s = fromURL(bad, '?f.by=rank', cb);
    expect(s.params.by).toBe('rank');
    expect(s.rejected).toEqual(['v2']);
  });
  it('round trip: any view written to a URL reads back as the same view, whatever else the query string holds', () => {
    const figs = [def, groupDistribution, borich, turnover];
    const arb = fc.record({
      f: fc.constantFrom(...figs),
      picks: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
      openPicks: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
      other: fc.dictionary(fc.string(), fc.string(), { maxKeys: 4 }),
    });
    fc.assert(
      fc.property(arb, ({ f, picks, openPicks, other }) => {
        const pick = (ps: number[]) => Object.fromEntries(f.params.map((p, i) => { const opts = controlOptions(p.kind, cb); return [p.name, opts[ps[i] % opts.length].value]; }));
        const opening = pick(openPicks);
        const s = createState(f, cb, opening, pick(picks));
        const others = new URLSearchParams(Object.entries(other).filter(([k]) => !k.startsWith(f.id + '.')));
        const url = toURL(s, '?' + others.toString());
        const back = fromURL(f, url, cb, opening);
        expect(back.params).toEqual(s.params);
        expect(back.rejected, url).toEqual([]);
        expect(back.migrated, url).toEqual([]);
        // other keys survive untouched
        const sp = new URLSearchParams(url);
        for (const [k, v] of others) expect(sp.getAll(k)).toEqual(others.getAll(k).length ? others.getAll(k) : [v]);
      }),
      { numRuns: 300 },
    );
  });
  it('hostile values are refused and reported, never thrown; the view stays on allowed options', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('county', 'by', 'group', 'v', 'x', '__proto__', 'constructor'), fc.string({ unit: 'binary', maxLength: 60 })), (raw) => {
        const sp = new URLSearchParams();
        for (const [k, v] of Object.entries(raw)) sp.append(`f.${k}`, v);
        const s = fromURL(def, sp.toString(), cb);
        for (const p of def.params) expect(controlOptions(p.kind, cb).map((o) => o.value)).toContain(s.params[p.name]);
        for (const [k, v] of Object.entries(raw)) {
          const allowed = k === 'v' ? /^[1-3]$/.test(v) : k === 'county' ? controlOptions('county', cb).some((o) => o.value === v) : k === 'by' || k === 'group' ? controlOptions('group', cb).some((o) => o.value === v) : false;
          // a version 1 link's `group` (no version, v=1, or a garbled version) is `by`: reported under its new name
          const v1 = raw.v === undefined || raw.v === '1' || !/^[1-9][0-9]{0,5}$/.test(raw.v);
          const as = k === 'group' && v1 ? 'by' : k;
          if (!allowed && !(k === 'group' && raw.by !== undefined)) expect(s.rejected, `${k}=${v}`).toContain(`${as}=${v}`);
        }
      }),
      { numRuns: 500 },
    );
    for (const search of ['%', '?f.county=%E0%A4%A', '?f.county=a&f.county=b', '?f.__proto__=x', '&&&===', '?f.=1', '?f..v=2', `?f.by=${'x'.repeat(20000)}`])
      expect(() => fromURL(def, search, cb), search).not.toThrow();
    expect(fromURL(def, '?f.__proto__=x', cb).rejected).toEqual(['__proto__=x']);
  });
});

describe('the figures\' migration tables', () => {
  it('steps are numbered 2, 3, … without gaps; no parameter is called v; every step leaves an empty link empty', async () => {
    for (const f of await allFigures()) {
      const tos = (f.migrations ?? []).map((m) => m.to).sort((a, b) => a - b);
      expect(tos, f.id).toEqual(tos.map((_, i) => i + 2));
      expect(f.params.map((p) => p.name), f.id).not.toContain(VERSION_KEY);
      expect(migrate(f, 1, {}).params, f.id).toEqual({});
    }
  });
  it('group-distribution v2 (group → variable): an old link opens the same view as its version 2 link', () => {
    expect(urlVersion(groupDistribution)).toBe(2);
    const old = fromURL(groupDistribution, '?group-distribution.group=rank&group-distribution.county=h_county', cb);
    expect(old.params).toEqual({ variable: 'rank', county: 'h_county' });
    expect(old.rejected).toEqual([]);
    expect(old.migrated).toHaveLength(1);
    expect(toURL(old)).toBe('?group-distribution.v=2&group-distribution.variable=rank&group-distribution.county=h_county');
    expect(fromURL(groupDistribution, toURL(old), cb).params).toEqual(old.params);
    // an explicit v=1 link is the same
    expect(fromURL(groupDistribution, '?group-distribution.v=1&group-distribution.group=rank', cb).params.variable).toBe('rank');
  });
  it.skipIf(!existsSync('public/data/groups.parquet'))('… and the same rows: version 1\'s SQL with the old link\'s parameters equals the current SQL with the migrated ones', async () => {
    const { nodeClient } = await import('../db/node.ts');
    const { readFileSync } = await import('node:fs');
    const pub = JSON.parse(readFileSync('public/data/codebook.json', 'utf8'));
    const db = nodeClient('public/data');
    const sqlNow = groupDistribution.sql as string;
    const sqlV1 = sqlNow.replace('$variable', '$group'); // the parameter's only use in the version 1 SQL
    expect(sqlV1).not.toBe(sqlNow);
    const group = controlOptions('group', pub).map((o) => o.value).find((g) => g !== groupDistribution.params[0].default)!;
    const oldLink = { group, county: 'all' };
    const migrated = fromURL(groupDistribution, '?' + new URLSearchParams(Object.entries(oldLink).map(([k, v]) => [`group-distribution.${k}`, v])), pub).params;
    const before = await db.query(sqlV1, oldLink);
    const after = await db.query(sqlNow, { ...migrated });
    expect(before.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });
});

describe('the view derived from a state (the same at build time and in the browser)', () => {
  const rows = suppressSmallCells(def, [{ grp: 'a', n: 2, mean: 1 }, { grp: 'b', n: 9, mean: 2 }, { grp: 'c', n: 11, mean: 3 }], 5);
  it('n and withheld notes come from the rows', () => {
    const v = figureView(def, withRows(createState(def, cb), rows), cb, 'en');
    expect(v.n).toBe(20);
    expect(v.nText).toBe('n = 20 respondents');
    expect(v.withheld).toMatch(/^1 row\(s\) withheld: fewer than/);
    expect(v.empty).toBeNull();
    expect(v.notesHTML).toBe(`<span class="n" data-n="20">n = 20 respondents</span>. <span class="suppressed-note">${v.withheld}</span>`);
    expect(v.tableHTML).toContain('<tr class="suppressed">');
    const zh = figureView(def, withRows(createState(def, cb), rows), cb, 'zh');
    expect(zh.notesHTML).toMatch(/^<span class="n" data-n="20">样本量 20 人。<\/span> <span class="suppressed-note">1 行已隐去/);
    // new rows, new notes
    const v2 = figureView(def, withRows(createState(def, cb), rows.slice(1)), cb, 'en');
    expect(v2.notesHTML).toBe('<span class="n" data-n="20">n = 20 respondents</span>. <span class="suppressed-note"></span>');
  });
  it('a selection with no respondent says so in words, in the table too, and counts 0', () => {
    const frame = { params: ['county', 'dept'], present: [['h_county', 'township_office'], ['z_city', 'petition_office']] };
    const p = { county: 'h_county', dept: 'petition_office' };
    const text = emptySelectionText(borich, p, cb, frame, 'en');
    const dept = controlOptions('dept_type', cb).find((o) => o.value === 'petition_office')?.label;
    expect(dept).toBeTruthy();
    expect(text).toBe(`No respondents in H County's ${dept![0].toLowerCase() + dept!.slice(1)}.`);
    expect(emptySelectionText(borich, { county: 'h_county', dept: 'all' }, cb, frame, 'en')).toBeNull();
    expect(emptySelectionText(borich, p, cb, null, 'en')).toBeNull();
    const v = figureView(borich, withRows(createState(borich, cb, {}, p), rows), cb, 'en', frame);
    expect(v.empty).toBe(text);
    expect(v.n).toBe(0);
    expect(v.tableHTML).toBe(`<p class="empty-selection">${text!.replace("'", '&#39;')}</p>`);
  });
  it('notes escape what they print', () => {
    expect(notesHTML(1, '<b>', '"&', 'zh')).toBe('<span class="n" data-n="1">&lt;b&gt;</span> <span class="suppressed-note">&quot;&amp;</span>');
  });
  it('download names follow the parameters in the definition\'s order', () => {
    expect(downloadName(def, createState(def, cb, {}, { by: 'rank', county: 'h_county' }), 'csv')).toBe('f-h_county-rank.csv');
    expect(downloadName({ ...def, params: [] } as FigureDef, createState({ ...def, params: [] } as FigureDef, cb), 'png')).toBe('f.png');
  });
});
