/**
 * Optimal global recoding by full search of the generalisation lattice (as ARX, Incognito and
 * optimal lattice anonymisation do), on a table of quasi-identifier combinations and their counts.
 * Pure: no database, no DOM. The build feeds it `SELECT <fixed>, <qis>, count(*) … GROUP BY ALL`.
 *
 * A node gives each quasi-identifier a level: 0 = the codes as published by the codebook, 1…L = the
 * scenario's coarser levels, L+1 = withheld from the microdata. A node is acceptable when the records
 * in equivalence classes smaller than k (those local suppression would have to touch) are at most
 * `suppressionLimit` of all records. Among acceptable nodes the search takes the one with the least
 * weighted information loss (entropy lost per variable, weighted by the variable's importance).
 */
import type { QuasiIdentifier } from '../codebook/disclosure.ts';

export interface Combo {
  /** the fixed key (frame values), one string */
  fixed: string;
  /** level-0 code of each quasi-identifier, in scenario order (null = missing) */
  codes: (string | null)[];
  n: number;
}

export interface LatticeResult {
  levels: number[];
  /** records in classes smaller than k at this node */
  smallRecords: number;
  /** weighted information loss in [0, 1] */
  loss: number;
  /** per-variable entropy loss in [0, 1] at the chosen level */
  variableLoss: number[];
  nodesEvaluated: number;
  acceptable: boolean;
}

/** Code of `code` (level 0) at `level` of `q`'s hierarchy; undefined = withheld. */
export function recode(q: QuasiIdentifier, level: number, code: string | null): string | null | undefined {
  if (level > q.levels.length) return undefined;
  if (code === null || level === 0) return code;
  return q.levels[level - 1].map[code] ?? code;
}

/** Entropy (nats) of a distribution given as counts. */
function entropy(counts: Iterable<number>): number {
  let total = 0;
  const xs = [...counts];
  for (const c of xs) total += c;
  let h = 0;
  for (const c of xs) if (c > 0) h -= (c / total) * Math.log(c / total);
  return h;
}

/** 1 − H(level)/H(0) for every level of every quasi-identifier (withheld = 1). */
export function entropyLosses(qis: QuasiIdentifier[], combos: Combo[]): number[][] {
  return qis.map((q, i) => {
    const out: number[] = [];
    let h0 = 0;
    for (let level = 0; level <= q.levels.length + 1; level++) {
      const m = new Map<string, number>();
      for (const c of combos) {
        const v = recode(q, level, c.codes[i]);
        const key = v === undefined ? '*' : v === null ? '<null>' : v;
        m.set(key, (m.get(key) ?? 0) + c.n);
      }
      const h = entropy(m.values());
      if (level === 0) h0 = h;
      out.push(level > q.levels.length ? 1 : h0 > 0 ? Math.max(0, 1 - h / h0) : 0);
    }
    return out;
  });
}

/**
 * Per variable and level, each combo's code as a small integer (0 = withheld), and the radix of each
 * variable (its distinct level-0 codes with missing, plus one for withheld). Built once per search.
 */
export function codeTables(qis: QuasiIdentifier[], combos: Combo[]): { fixed: Int32Array; codes: Int32Array[][]; radix: number[] } {
  const fixedIndex = new Map<string, number>();
  const fixed = new Int32Array(combos.length);
  combos.forEach((c, j) => {
    let fi = fixedIndex.get(c.fixed);
    if (fi === undefined) fixedIndex.set(c.fixed, (fi = fixedIndex.size));
    fixed[j] = fi;
  });
  const radix = qis.map((_, i) => new Set(combos.map((c) => c.codes[i])).size + 1);
  const codes = qis.map((q, i) => {
    const out: Int32Array[] = [];
    for (let level = 0; level <= q.levels.length + 1; level++) {
      const idx = new Map<string, number>();
      const arr = new Int32Array(combos.length);
      combos.forEach((c, j) => {
        const v = recode(q, level, c.codes[i]);
        if (v === undefined) return; // 0 = withheld
        const s = v === null ? '\u0000' : v;
        let ci = idx.get(s);
        if (ci === undefined) idx.set(s, (ci = idx.size + 1));
        arr[j] = ci;
      });
      out.push(arr);
    }
    return out;
  });
  return { fixed, codes, radix };
}

/** Records in classes smaller than k when the combos are recoded to `levels`. */
export function smallClassRecords(qis: QuasiIdentifier[], combos: Combo[], levels: number[], k: number, tables = codeTables(qis, combos)): number {
  const { fixed, codes, radix } = tables;
  const keys = new Float64Array(combos.length);
  const cols = levels.map((l, i) => codes[i][l]);
  const classes = new Map<number, number>();
  for (let j = 0; j < combos.length; j++) {
    let key = fixed[j];
    for (let i = 0; i < cols.length; i++) key = key * radix[i] + cols[i][j];
    keys[j] = key;
    classes.set(key, (classes.get(key) ?? 0) + combos[j].n);
  }
  let small = 0;
  for (let j = 0; j < combos.length; j++) if (classes.get(keys[j])! < k) small += combos[j].n;
  return small;
}

/** Every node of the lattice, each variable from level 0 to withheld. */
export function* latticeNodes(qis: QuasiIdentifier[]): Generator<number[]> {
  const top = qis.map((q) => q.levels.length + 1);
  const node = qis.map(() => 0);
  while (true) {
    yield [...node];
    let i = 0;
    while (i < node.length && node[i] === top[i]) node[i++] = 0;
    if (i === node.length) return;
    node[i]++;
  }
}

export function searchLattice(qis: QuasiIdentifier[], combos: Combo[], k: number, suppressionLimit: number): LatticeResult {
  if (qis.length > 8) throw new Error(`lattice search: ${qis.length} quasi-identifiers is more than this full search handles (8)`);
  const space = qis.reduce((a, _, i) => a * (new Set(combos.map((c) => c.codes[i])).size + 1), new Set(combos.map((c) => c.fixed)).size);
  if (space > 2 ** 52) throw new Error(`lattice search: the quasi-identifiers have too many codes (${space} combinations): band or generalise them in the codebook`);
  const N = combos.reduce((a, c) => a + c.n, 0);
  const losses = entropyLosses(qis, combos);
  const wsum = qis.reduce((a, q) => a + q.weight, 0) || 1;
  const lossOf = (levels: number[]) => levels.reduce((a, l, i) => a + qis[i].weight * losses[i][l], 0) / wsum;
  const nodes = [...latticeNodes(qis)].map((levels) => ({ levels, loss: lossOf(levels) }));
  nodes.sort((a, b) => a.loss - b.loss || a.levels.reduce((x, y) => x + y, 0) - b.levels.reduce((x, y) => x + y, 0));
  const tables = codeTables(qis, combos);
  let evaluated = 0;
  let best: { levels: number[]; loss: number; small: number } | null = null as { levels: number[]; loss: number; small: number } | null;
  // Monotonicity: recoding coarser never adds records to small classes, so a node finer than (or
  // equal to) one that failed fails too. The search walks the loss order from both ends at once: from
  // the low end, the first acceptable node not already ruled out is optimal (every cheaper node was
  // evaluated or ruled out); from the high end, each failure rules out every finer node. Large surveys
  // finish from the low end after a few nodes, small ones are pruned quickly from the high end.
  const failed: number[][] = [];
  const finerThanFailed = (levels: number[]) => failed.some((f) => levels.every((l, i) => l <= f[i]));
  const known = new Map<number, number>(); // node index → small-class records
  const evaluate = (i: number) => {
    let small = known.get(i);
    if (small === undefined) {
      evaluated++;
      small = smallClassRecords(qis, combos, nodes[i].levels, k, tables);
      known.set(i, small);
      if (small > suppressionLimit * N) failed.push(nodes[i].levels);
      if (!best || small < best.small) best = { ...nodes[i], small };
    }
    return small;
  };
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo <= hi) {
    if (!finerThanFailed(nodes[lo].levels)) {
      const small = evaluate(lo);
      if (small <= suppressionLimit * N) {
        const node = nodes[lo];
        return { levels: node.levels, smallRecords: small, loss: node.loss, variableLoss: node.levels.map((l, i) => losses[i][l]), nodesEvaluated: evaluated, acceptable: true };
      }
    }
    lo++;
    if (hi >= lo && !finerThanFailed(nodes[hi].levels)) evaluate(hi);
    hi--;
  }
  // the high end may have evaluated acceptable nodes the low end had not reached: take the cheapest
  const acceptable = [...known.entries()].filter(([, small]) => small <= suppressionLimit * N).sort((x, y) => nodes[x[0]].loss - nodes[y[0]].loss || x[0] - y[0]);
  if (acceptable.length) {
    const [i, small] = acceptable[0];
    const node = nodes[i];
    return { levels: node.levels, smallRecords: small, loss: node.loss, variableLoss: node.levels.map((l, j) => losses[j][l]), nodesEvaluated: evaluated, acceptable: true };
  }
  // Nothing meets the limit (a tiny survey): take the node that leaves the fewest records to suppress
  // (the all-withheld node is never finer than another, so it is always evaluated).
  return { levels: best!.levels, smallRecords: best!.small, loss: best!.loss, variableLoss: best!.levels.map((l, i) => losses[i][l]), nodesEvaluated: evaluated, acceptable: false };
}
