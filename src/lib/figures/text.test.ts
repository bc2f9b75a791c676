// Every figure carries its Chinese text beside it (src/figures/<id>/text.ts): title, caption, alt,
// source, each control and each table column; and its spec draws Chinese when the page is Chinese.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { missingText, figureText } from './text.ts';
import type { FigureDef } from './types.ts';

const ids = readdirSync('src/figures', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const defs: FigureDef[] = await Promise.all(ids.map(async (id) => (await import(`../../figures/${id}/figure.ts`)).figure));

describe('figure text in Chinese', () => {
  it('covers title, caption, alt, source, controls and columns of every figure', () => {
    const missing = defs.flatMap((d) => missingText(d).map((m) => `${d.id}: ${m}`));
    expect(missing).toEqual([]);
    for (const d of defs) {
      const zh = figureText(d, 'zh');
      for (const s of [zh.title, zh.caption, zh.alt]) expect(s, d.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('translates every English string of the strings table (no stale keys)', () => {
    for (const d of defs) for (const [en, zh] of Object.entries(d.zh?.strings ?? {})) {
      expect(zh, `${d.id}: ${en}`).toMatch(/[\u4e00-\u9fff#]/);
    }
  });
});

describe('the chart spec follows the language', () => {
  it('draws Chinese axis titles and no English words in a Chinese chart', async () => {
    const { readFileSync } = await import('node:fs');
    const codebook = JSON.parse(readFileSync('public/data/codebook.json', 'utf8'));
    const d = defs.find((x) => x.id === 'training-barriers')!;
    const rows = [
      { barrier: 'bar_few_opportunities', n: 100, share: 0.5, lo: 0.4, hi: 0.6, suppressed: false },
      { barrier: 'bar_no_time', n: 100, share: 0.3, lo: 0.2, hi: 0.4, suppressed: false },
    ];
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const el = d.spec(rows, { width: 760, codebook, document: document as any, params: { sample: 'all', county: 'all' }, k: 5, lang: 'zh', t: figureText(d, 'zh').t });
    for (const st of [...el.querySelectorAll('style')]) st.remove();
    const text = el.textContent ?? '';
    // rows are codes; their labels are the codebook's Chinese (the option's own words, without "障碍：")
    expect(text).toContain('培训机会太少');
    expect(text).toContain('工作忙没时间');
    expect(text).not.toContain('障碍：');
    expect(text).toContain('选择该障碍的受访者占比（%）');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });
});

describe('downloads', () => {
  it('the decorated SVG is well-formed XML with the title, source and synthetic mark in Chinese', async () => {
    const { decorateSVG } = await import('./download.ts');
    const out = decorateSVG('<svg xmlns="http://www.w3.org/2000/svg" class="plot" width="760" height="300" viewBox="0 0 760 300"><text>x</text></svg>', 760, 300, { title: '参训障碍', source: 'respondents.parquet', synthetic: true, lang: 'zh' });
    const { DOMParser } = parseHTML('<html></html>') as any;
    const doc = new DOMParser().parseFromString(out, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const inner = out.match(/<svg[^>]*class="plot"[^>]*>/)![0];
    expect(inner.match(/\swidth=/g)!.length).toBe(1);
    expect(out).toContain('参训障碍');
    expect(out).toContain('资料来源：respondents.parquet');
    expect(out).toContain('合成数据——并非真实受访者');
  });
});

describe('source notes', () => {
  it('set file and variable names as code and escape the rest', async () => {
    const { sourceHTML } = await import('./text.ts');
    expect(sourceHTML('respondents.parquet，score_*（量表均值）。')).toBe('<code>respondents.parquet</code>，<code>score_*</code>（量表均值）。');
    expect(sourceHTML('score_turnover = mean of ti_1–ti_3.')).toBe('<code>score_turnover</code> = mean of <code>ti_1–ti_3</code>.');
    expect(sourceHTML('Weights: src/lib/model/ahp-judgements.ts; a < b')).toBe('Weights: <code>src/lib/model/ahp-judgements.ts</code>; a &lt; b');
  });
});
