import { describe, expect, it } from 'vitest';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import * as XLSX from 'xlsx';
import { loadCodebook } from '../codebook/load.ts';
import { importExport, ImportFailed, toCanonicalCSV, parseCSV } from './import.ts';
import { buildData } from './build.ts';
import { openDuck, rows as q } from './duck.ts';

const codebook = loadCodebook('data/codebook.yaml');
const MAPPING_FILE = 'tests/fixtures/import/mapping.yaml';
const mapping = readFileSync(MAPPING_FILE, 'utf8');

const HEADER = [
  '序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP', '1、您的性别', '2、您的年龄', '3、您的学历', '4、您的职级', '5、您的工作年限',
  '6、是否担任领导职务', '7、您的录用渠道', '8、您所在的乡镇', '9、近12个月参加培训次数', '10、近12个月培训学时', '11、最近一次培训班次类型',
  '12、您接受过的培训形式', '13、参加培训的主要障碍', '14、您希望的培训方式',
  '15、您目前的能力水平—政治鉴别能力', '15、您目前的能力水平—依法行政能力', '16、该能力对岗位的重要程度—政治鉴别能力', '16、该能力对岗位的重要程度—依法行政能力',
  '17、我经常想离开现在的岗位', '18、您的意见建议',
];
function row(i: number): string[] {
  return [
    String(i), `2025/3/${1 + (i % 28)} 10:${10 + (i % 40)}:00`, `${100 + i}秒`, '微信', 'N/A', `198.51.100.${i}(江苏-南京)`,
    i % 2 ? '男' : '女', String(25 + (i % 30)), ['大专', '本科', '研究生'][i % 3], ['科员及以下', '副科级'][i % 2], String(2 + (i % 20)),
    i % 5 ? '否' : '是', '公务员考试录用', ['城关镇', '和平镇'][i % 2], String(i % 6), String((i % 6) * 8), i % 6 ? '基层岗位培训' : '未参加培训',
    i % 6 ? '课堂讲授┋网络培训' : '', '培训机会太少┋工作忙没时间', '案例教学', String(1 + (i % 5)), '3', '5', '4', ['同意', '一般', '不同意'][i % 3], i === 3 ? '希望多一些"实战"培训,少讲理论' : '',
  ];
}
const csvOf = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
const good = () => [HEADER, ...Array.from({ length: 12 }, (_, i) => row(i + 1))];
const run = (text: string | Buffer, file = 'export.csv', map = mapping) => importExport(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), file, map, MAPPING_FILE, codebook);
const errorsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportFailed) return e.errors.map((x) => x.message);
    throw e;
  }
  throw new Error('expected the import to fail');
};

describe('importer: questionnaire-platform export → canonical raw CSV', () => {
  it('maps labels, numbers with units, joined multi-selects and matrix rows to codebook codes', () => {
    const res = run(csvOf(good()));
    const rec = Object.fromEntries(res.header.map((h, i) => [h, res.rows[0][i]]));
    expect(rec).toMatchObject({ gender: 'male', age: '26', education: 'bachelor', rank: 'deputy_section', leader: 'no', township: 'h_t2', county: 'h_county', sample: 'township_cadres' });
    expect(rec).toMatchObject({ fmt_classroom: '1', fmt_online: '1', fmt_onsite: '0', bar_few_opportunities: '1', bar_proxy: '0', pref_case: '1', pref_online: '0' });
    expect(rec).toMatchObject({ pro_political_1: '2', imp_law_1: '4', ti_1: '3', ip: '198.51.100.1(江苏-南京)' });
    expect(res.rows[2][res.header.indexOf('comment')]).toBe('希望多一些"实战"培训,少讲理论');
  });

  it('reads UTF-8 with BOM, GBK and XLSX to the same result', () => {
    const text = csvOf(good());
    const base = run(text).rows;
    expect(run(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).rows).toEqual(base);
    expect(run(iconv.encode(text, 'gbk')).rows).toEqual(base);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(good()), '答卷');
    expect(run(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }), 'export.xlsx').rows).toEqual(base);
  });

  it('feeds the build, which publishes no identifier from the export', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'import-'));
    const many = [HEADER, ...Array.from({ length: 60 }, (_, i) => row(i + 1))];
    writeFileSync(path.join(dir, 'respondents.csv'), toCanonicalCSV(run(csvOf(many))));
    const out = mkdtempSync(path.join(os.tmpdir(), 'import-out-'));
    const { manifest } = await buildData({ rawDir: dir, outDir: out, codebook });
    expect(manifest.source.kind).toBe('import');
    const conn = await openDuck();
    const cols = (await q<{ column_name: string }>(conn, `DESCRIBE SELECT * FROM read_parquet('${out}/respondents.parquet')`)).map((r) => r.column_name);
    expect(cols).not.toContain('ip');
    expect(readFileSync(path.join(out, 'respondents.parquet')).includes(Buffer.from('198.51.100.'))).toBe(false);
  });
});

describe('importer: each class of bad input gives its exact error', () => {
  const set = (r: number, col: number, v: string) => {
    const t = good();
    t[r][col] = v;
    return csvOf(t);
  };
  it('1. wrong encoding', () => {
    expect(errorsOf(() => run(Buffer.from([0x31, 0x2c, 0xff, 0xfe, 0x80, 0x0a])))).toEqual([
      'export.csv: expected text in UTF-8 or GBK/GB18030 (the file is neither; is it a binary or another encoding?)',
    ]);
    expect(errorsOf(() => run(iconv.encode(csvOf(good()), 'gbk'), 'export.csv', mapping.replace('encoding: auto', 'encoding: utf8')))).toEqual([
      'export.csv: expected UTF-8 text (the mapping says encoding: utf8, but the file has bytes that are not UTF-8; try encoding: gb18030)',
    ]);
  });
  it('2. missing column', () => {
    const t = good().map((r) => r.filter((_, i) => i !== 7));
    expect(errorsOf(() => run(csvOf(t)))).toEqual(['export.csv, column "question 2": expected the column named in the mapping to be in the export (it is missing)']);
  });
  it('3. unknown option label', () => {
    expect(errorsOf(() => run(set(2, 6, '未知')))).toEqual(['export.csv, row 2, column "1、您的性别": got "未知", expected one of 男, 女']);
  });
  it('4. out-of-range value', () => {
    expect(errorsOf(() => run(set(4, 7, '130')))).toEqual(['export.csv, row 4, column "2、您的年龄": got "130", expected an integer from 18 to 65']);
  });
  it('5. duplicate respondent', () => {
    expect(errorsOf(() => run(set(5, 0, '2')))).toEqual(['export.csv, row 5, column "序号": got "2", expected a unique respondent id (the same id is in row 2)']);
  });
  it('6. empty file', () => {
    expect(errorsOf(() => run(''))).toEqual(['export.csv: expected a header row and data rows (the file is empty)']);
  });
  it('7. header-only file', () => {
    expect(errorsOf(() => run(csvOf([HEADER])))).toEqual(['export.csv: expected at least one data row (the file has a header only)']);
  });
  it('8. ragged row', () => {
    const t = good();
    t[3] = t[3].slice(0, 20);
    expect(errorsOf(() => run(csvOf(t)))).toEqual(['export.csv, row 3: expected 26 fields like the header (the row has 20)']);
  });
  it('9. non-numeric in a numeric question', () => {
    expect(errorsOf(() => run(set(6, 10, '十年')))).toEqual(['export.csv, row 6, column "5、您的工作年限": got "十年", expected an integer from 0 to 45']);
  });
  it('10. multi-select with an unknown option', () => {
    expect(errorsOf(() => run(set(1, 18, '培训机会太少┋领导不支持')))).toEqual([
      'export.csv, row 1, column "13、参加培训的主要障碍": got "领导不支持", expected options of this multi-select question: 培训机会太少, 工作忙没时间, 师资水平不高, 内容与岗位脱节, 存在替训现象, 专业化培训太少, 与考核晋升脱钩',
    ]);
  });
  it('11. mapping to an unknown variable', () => {
    expect(errorsOf(() => run(csvOf(good()), 'export.csv', mapping.replace('variable: gender', 'variable: sex')))).toEqual([
      `${MAPPING_FILE}, column "question 1": got "sex", expected a variable defined in the codebook (it maps to "sex", which is not)`,
    ]);
  });
  it('12. identifier column left unmapped: listed in the import report as one, never read', () => {
    const res = run(csvOf(good()), 'export.csv', mapping.replace('  - { header: 来自IP, variable: ip }\n', ''));
    expect(res.meta.unmapped).toEqual([{ column: '来自IP', note: 'looks like a direct identifier; not read, never published' }]);
    expect(res.rows.flat().some((c) => c.includes('198.51.100.'))).toBe(false);
  });
  it('13. an extra, unmapped question column: listed in the import report, not read', () => {
    const t = good().map((r, i) => [...r, i === 0 ? '19、其他' : 'secret-x']);
    const res = run(csvOf(t));
    expect(res.meta.unmapped).toEqual([{ column: '19、其他', note: 'not named by the mapping; not read, never published' }]);
    expect(res.rows.flat()).not.toContain('secret-x');
  });
  it('14. a required answer left empty', () => {
    expect(errorsOf(() => run(set(7, 6, '')))).toEqual(['export.csv, row 7, column "1、您的性别": got "", expected an answer (one of male, female); "gender" is required']);
  });
  it('15. an XLSX file that is not a workbook', () => {
    expect(errorsOf(() => run(Buffer.from('PK\u0003\u0004garbage'), 'export.xlsx'))[0]).toMatch(/^export\.xlsx: expected a readable XLSX workbook/);
  });
  it('collects every problem at once instead of stopping at the first', () => {
    const t = good();
    t[1][6] = '未知';
    t[2][7] = 'abc';
    expect(errorsOf(() => run(csvOf(t)))).toHaveLength(2);
  });
});

describe('importer: edges', () => {
  it('U+FFFD in a cell is an error naming file, row, column and position, whatever the encoding says', () => {
    const t = good();
    t[3][6] = '男\uFFFD';
    const errs = errorsOf(() => run(csvOf(t)));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^export\.csv, row 3, column "1、您的性别": got "男\uFFFD", expected text without U\+FFFD .*character 2 of this cell, spreadsheet line 4, column 7/);
    // GBK bytes read as if GB18030 with a broken byte: the decoder writes U+FFFD, which is refused
    const gbk = iconv.encode(csvOf(good()), 'gbk');
    const broken = Buffer.concat([gbk.subarray(0, gbk.length - 3), Buffer.from([0x81, 0x0d, 0x0a])]);
    expect(errorsOf(() => run(broken, 'export.csv', mapping.replace('encoding: auto', 'encoding: gb18030')))[0]).toMatch(/expected text without U\+FFFD/);
  });
  it('quotes at most 200 characters of a value in an error', () => {
    const long = 'x'.repeat(5000);
    const [msg] = errorsOf(() => run((() => { const t = good(); t[2][6] = long; return csvOf(t); })()));
    expect(msg).toContain(`got "${'x'.repeat(200)}"… (5000 characters), expected one of 男, 女`);
    expect(msg.length).toBeLessThan(400);
  });
  it('a cell over DuckDB\'s CSV line limit fails in the importer', () => {
    const t = good();
    t[5][25] = '长'.repeat(800_000); // 2.4 MB of UTF-8 in the free-text comment
    const [msg] = errorsOf(() => run(csvOf(t)));
    expect(msg).toMatch(/^export\.csv, row 5, column "18、您的意见建议": got "长{200}"… \(800000 characters\), expected a row under 2097152 bytes/);
  });
  it('not_asked: declared variables, scales, competencies and multi-select questions are absent, not required', () => {
    const lean = mapping
      .replace(/  - \{ question: 6, variable: leader.*\n/, '')
      .replace(/  - \{ question: 7, variable: recruitment.*\n/, '')
      .replace('columns:', 'not_asked: [leader, recruitment, autonomy, political]\ncolumns:');
    const cut = (r: string[]) => r.filter((_, i) => i !== 11 && i !== 12 && i !== 20 && i !== 22);
    const map2 = lean.replace(/  - \{ header: "15、您目前的能力水平—政治鉴别能力".*\n/, '').replace(/  - \{ header: "16、该能力对岗位的重要程度—政治鉴别能力".*\n/, '');
    const res = run(csvOf(good().map(cut)), 'export.csv', map2);
    expect(res.meta.absent).toEqual(expect.arrayContaining(['leader', 'recruitment', 'bpn_aut_1', 'pro_political_1', 'pro_political_3', 'imp_political_2', 'pro_law_2']));
    expect(res.meta.absent).not.toContain('pro_law_1');
    expect(res.meta.absent).not.toContain('name');
    // without the declaration, the mapping is named
    expect(errorsOf(() => run(csvOf(good().map(cut)), 'export.csv', map2.replace('not_asked: [leader, recruitment, autonomy, political]\n', '')))).toContain(
      `${MAPPING_FILE}: got "leader", expected a column or constant for the required variable "leader" (Holds a leadership post), or "leader" listed under not_asked`,
    );
    expect(errorsOf(() => run(csvOf(good()), 'export.csv', mapping.replace('columns:', 'not_asked: [nonsense]\ncolumns:')))).toEqual([
      `${MAPPING_FILE}, column "not_asked": got "nonsense", expected a codebook variable, scale id, competency id or multi-select question id (e.g. formats, barriers, preferred)`,
    ]);
  });
  it('frame values come from the data: codes from the mapping or made from the text, labels defaulting to the text, parents from the row', () => {
    const map2 = mapping
      .replace('  county: h_county\n', '')
      .replace('  city: a_city\n', '')
      .replace(/  - \{ question: 8, variable: township.*\n/, '  - { question: 8, variable: county, labels: { 城关镇: chengguan } }\n')
      .replace('columns:', 'frame:\n  county: { chengguan: { en: Chengguan, zh: 城关 } }\ncolumns:\n  - { header: 城市, variable: city }');
    const t = good().map((r, i) => [...r, i === 0 ? '城市' : i % 3 ? '东市' : '西市']);
    const res = run(csvOf(t), 'export.csv', map2);
    const col = (n: string) => res.rows.map((r) => r[res.header.indexOf(n)]);
    expect(new Set(col('county'))).toEqual(new Set(['chengguan', 'county_1']));
    expect(new Set(col('city'))).toEqual(new Set(['city_1', 'city_2']));
    expect(res.meta.frame.county).toEqual([
      { code: 'county_1', label: { en: '和平镇', zh: '和平镇' }, parent: 'city_1' },
      { code: 'chengguan', label: { en: 'Chengguan', zh: '城关' }, parent: 'city_1' },
    ]);
    expect(res.meta.frame.city.map((c) => c.label.zh)).toEqual(['东市', '西市']);
    expect(res.meta.absent).toContain('township');
  });
});

describe('CSV parser', () => {
  it('handles quotes, doubled quotes, commas and newlines inside quotes, CRLF', () => {
    expect(parseCSV('a,"b,1","c ""q""\nline"\r\nx,y,z\n')).toEqual([['a', 'b,1', 'c "q"\nline'], ['x', 'y', 'z']]);
  });
});
