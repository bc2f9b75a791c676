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
