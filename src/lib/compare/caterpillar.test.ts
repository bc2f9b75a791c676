import { describe, expect, it } from 'vitest';
import { caterpillarSVG } from './caterpillar.ts';

const row = (code: string, label: string, mean: number) => ({ code, label, mean, lo: mean - 0.1, hi: mean + 0.1, chosen: code === 'b', verdict: 'none' as const });
const draw = (labels: string[]) => caterpillarSVG({ id: 'm', title: 't', rows: labels.map((l, i) => row(String.fromCharCode(97 + i), l, 3 + i / 10)), benchmark: 3.1, benchmarkLabel: 'mean', fmt: (v) => v.toFixed(2) });
const texts = (svg: string) => [...svg.matchAll(/<text x="[\d.]+" y="[\d.]+" text-anchor="end">(.*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/- /g, '-').trim());

describe('caterpillarSVG', () => {
  it('shows a long group name whole, on more lines, and its row grows (no ellipsis)', () => {
    const svg = draw(['H County', 'Z City (urban districts)', 'Petition (letters-and-visits) office']);
    const t = texts(svg);
    expect(t).toContain('Z City (urban districts)');
    expect(t).toContain('Petition (letters-and-visits) office');
    expect(svg).not.toContain('…');
    expect(svg.match(/<tspan/g)?.length).toBeGreaterThanOrEqual(4);
    const h = (s: string) => Number(s.match(/height="(\d+(?:\.\d+)?)"/)![1]);
    expect(h(svg)).toBeGreaterThan(h(draw(['H County', 'Z City', 'Petition office'])));
  });
  it('keeps short names on one line', () => {
    const svg = draw(['H County', 'G District']);
    expect(svg).not.toContain('<tspan');
    expect(texts(svg)).toEqual(['G District', 'H County']);
  });
});
