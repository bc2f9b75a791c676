import { describe, expect, it } from 'vitest';
import { wrapLabel } from './plot.ts';
import { textWidth } from '../../i18n/index.ts';

describe('wrapLabel', () => {
  it('breaks Latin labels at spaces, each line within the width', () => {
    const lines = wrapLabel('Communication and coordination', 90);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Communication and coordination');
    for (const l of lines.slice(1)) expect(textWidth(l, 13)).toBeLessThanOrEqual(90);
  });
  it('breaks a Chinese label after its own colon when both halves fit', () => {
    expect(wrapLabel('组织公平：分配公平', 100)).toEqual(['组织公平：', '分配公平']);
  });
  it('never leaves one Chinese character alone on the last line', () => {
    // greedy filling at 7 characters a line would give 7 + 1 here
    const lines = wrapLabel('应对突发事件能力', 7 * 13 + 2);
    expect(lines.join('')).toBe('应对突发事件能力');
    expect(Math.min(...lines.map((l) => [...l].length))).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 13)).toBeLessThanOrEqual(7 * 13 + 2);
  });
  it('keeps a label that fits on one line', () => {
    expect(wrapLabel('工作热情', 200)).toEqual(['工作热情']);
    expect(wrapLabel('Learning', 200)).toEqual(['Learning']);
  });
});

describe('wrapLabel (phones, chapters 05–08)', () => {
  it('wraps Latin labels at spaces and hyphens, every line within the width', () => {
    const lines = wrapLabel('Petition (letters-and-visits) office', 80);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ').replace(/- /g, '-')).toBe('Petition (letters-and-visits) office');
  });
  it('breaks Chinese between characters but keeps a run of digits whole', () => {
    // 18–29岁 in a column too narrow for the whole label: the age range is not cut in two
    const lines = wrapLabel('18–29岁', 36);
    expect(lines).toEqual(['18–29', '岁']);
    expect(wrapLabel('需要满足：自主', 40).join('')).toBe('需要满足：自主');
  });
  it('never starts a Chinese line with closing punctuation nor ends one with an opening bracket', () => {
    for (const px of [20, 30, 40, 50, 60, 70, 80]) {
      const lines = wrapLabel('组织公平：程序公平（乡镇党政机关）', px);
      expect(lines.join('')).toBe('组织公平：程序公平（乡镇党政机关）');
      for (const l of lines) {
        expect(l).not.toMatch(/^[）：，。、；]/);
        expect(l).not.toMatch(/（$/);
      }
    }
  });
});

describe('wrapLabel balances its lines', () => {
  it('splits a Chinese label evenly rather than leaving one character alone', () => {
    const lines = wrapLabel('组织公平：分配公平', 110);
    expect(lines).toEqual(['组织公平：', '分配公平']);
  });
  it('uses no more lines than a greedy wrap and keeps every line within the width', async () => {
    const { textWidth } = await import('../../i18n/index.ts');
    for (const label of ['Need satisfaction: autonomy', 'Petition (letters-and-visits) office', '职业倦怠：情绪衰竭', 'Person–job fit: needs–supplies'])
      for (const px of [60, 90, 120, 160]) {
        const lines = wrapLabel(label, px);
        for (const l of lines) if (l.includes(' ') || /[\u4e00-\u9fff]./.test(l)) expect(textWidth(l, 13)).toBeLessThanOrEqual(px);
        const words = label.split(/(?<=[\s/-])/).length;
        expect(lines.length).toBeLessThanOrEqual(/[\u4e00-\u9fff]/.test(label) ? [...label].length : words);
      }
  });
});

describe('wrapLabel and Chinese headings', () => {
  it('breaks after the colon when the heading fits a line', () => {
    const lines = wrapLabel('反应层：培训值得参加', 75);
    expect(lines[0]).toBe('反应层：');
    expect(lines.join('')).toBe('反应层：培训值得参加');
    expect(wrapLabel('组织公平：分配公平', 110)).toEqual(['组织公平：', '分配公平']);
  });
});
