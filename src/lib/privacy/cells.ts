/**
 * Small-cell and complementary suppression for a table published with its totals. Pure.
 *
 * The table is given as cells (with their true counts) and the linear equations a reader can write
 * from what is published: each equation says "these cells add up to a known number" (a shown total,
 * a shown margin, a count derivable from the microdata). Primary suppression withholds every cell
 * with 0 < n < k. Complementary suppression then makes sure no equation holds exactly one withheld
 * cell (which would give it away by subtraction): while one does, the smallest other cell of that
 * equation is withheld too — a zero cell first, since withholding it costs no respondent.
 * tests/unit/privacy.test.ts checks the result with an independent linear-algebra attack.
 */
export interface Cell {
  id: string;
  n: number;
}

export interface Equation {
  cells: string[];
}

export interface Protection {
  withheld: Set<string>;
  primary: number;
  complementary: number;
}

/** `already`: cells withheld before this pass (e.g. by the count table, when protecting one measure's answers). */
export function protectCells(cells: Cell[], equations: Equation[], k: number, already: Iterable<string> = []): Protection {
  const n = new Map(cells.map((c) => [c.id, c.n]));
  const withheld = new Set<string>(already);
  const before = withheld.size;
  for (const c of cells) if (c.n > 0 && c.n < k) withheld.add(c.id);
  const primary = withheld.size - before;
  const eqsOf = new Map<string, Equation[]>();
  for (const eq of equations) for (const id of eq.cells) eqsOf.set(id, [...(eqsOf.get(id) ?? []), eq]);
  const hiddenIn = (eq: Equation) => eq.cells.reduce((a, id) => a + (withheld.has(id) ? 1 : 0), 0);
  // cost of withholding a cell: its respondents, plus a large charge for every other equation it
  // would leave with a single withheld cell (each would need one more complement: a cascade)
  const cost = (id: string, from: Equation) => {
    let cascades = 0;
    for (const eq of eqsOf.get(id) ?? []) if (eq !== from && eq.cells.length > 1 && hiddenIn(eq) === 0) cascades++;
    return n.get(id)! + cascades * 1e6;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of equations) {
      if (hiddenIn(eq) !== 1) continue;
      let pick: string | null = null;
      let best = Infinity;
      for (const id of eq.cells) {
        if (withheld.has(id)) continue;
        const c = cost(id, eq);
        if (c < best || (c === best && pick !== null && id < pick)) [pick, best] = [id, c];
      }
      if (pick === null) continue; // a one-cell equation: its cell is shown as its total anyway
      withheld.add(pick);
      changed = true;
    }
  }
  return { withheld, primary, complementary: withheld.size - primary - before };
}
