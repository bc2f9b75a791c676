import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCodebook } from '../codebook/load.ts';
import { generateSurvey } from './generate.ts';

// Cronbach's alpha written here from the textbook formula
// α = k/(k−1) · (1 − Σ var(itemᵢ) / var(total)), listwise complete cases, reverse-keyed items
// scored (min + max) − x; kept independent of src/lib/stats on purpose.
function alpha(cols: number[][]): number {
  const k = cols.length;
  const n = cols[0].length;
  const variance = (x: number[]) => {
    const m = x.reduce((a, b) => a + b, 0) / x.length;
    return x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1);
  };
  const total = Array.from({ length: n }, (_, i) => cols.reduce((s, c) => s + c[i], 0));
  return (k / (k - 1)) * (1 - cols.reduce((s, c) => s + variance(c), 0) / variance(total));
}

describe('synthetic generator reliability', () => {
  it('gives every scale a Cronbach alpha between 0.7 and 0.9 on 3000 respondents', async () => {
    const codebook = loadCodebook('data/codebook.yaml');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gen-alpha-'));
    await generateSurvey({ seed: 42, respondents: 3000, outDir: dir, codebook });
    // The free-text comment may hold quoted commas, so parse with a tiny RFC 4180 reader.
    const text = readFileSync(path.join(dir, 'respondents.csv'), 'utf8');
    const records: string[][] = [];
    let row: string[] = [], field = '', q = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (q) {
        if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
        else if (ch === '"') q = false;
        else field += ch;
      } else if (ch === '"') q = true;
      else if (ch === ',') { row.push(field); field = ''; }
      else if (ch === '\n') { row.push(field); records.push(row); row = []; field = ''; }
      else if (ch !== '\r') field += ch;
    }
    const [header, ...data] = records;
    const col = new Map(header.map((h, i) => [h, i]));
    const out: Record<string, number> = {};
    for (const s of codebook.scales) {
      const idx = s.items.map((it) => col.get(it)!);
      const complete = data.filter((r) => idx.every((j) => r[j] !== ''));
      const cols = s.items.map((it, c) =>
        complete.map((r) => {
          const x = Number(r[idx[c]]);
          return s.reverse.includes(it) ? s.min + s.max - x : x;
        }),
      );
      out[s.id] = alpha(cols);
    }
    const outside = Object.entries(out).filter(([, a]) => !(a >= 0.7 && a <= 0.9));
    expect(Object.keys(out).length).toBe(codebook.scales.length);
    expect(outside).toEqual([]);
  });
});
