/**
 * Collision-free placement of point labels (the IPA scatter, issue #13): each label starts just above
 * its point and is pushed, in pixel space, away from the other labels, from every point and from
 * reserved boxes (the quadrant notes), and kept inside the plot. A few dozen labels need a few
 * hundred cheap iterations; the result is deterministic, so the build-time SVG, the browser redraw
 * and the PNG agree. Labels that end up far from their point get a leader line (`leader`).
 */
import { measure } from './perf.ts';

export interface Box {
  x: number; // centre
  y: number; // centre
  w: number;
  h: number;
}

export interface Placed extends Box {
  /** true when the label moved so far that a line should join it to its point */
  leader: boolean;
}

const overlap = (a: Box, b: Box, pad: number) => {
  const dx = (a.w + b.w) / 2 + pad - Math.abs(a.x - b.x);
  const dy = (a.h + b.h) / 2 + pad - Math.abs(a.y - b.y);
  return dx > 0 && dy > 0 ? { dx, dy } : null;
};

/** candidate offsets on a grid within a radius, nearest first; at equal distance up, then right (deterministic). Built once per radius: ~20,000 offsets. */
const spotCache = new Map<string, [number, number][]>();
function spotsWithin(radius: number, step: number): [number, number][] {
  const key = `${radius}/${step}`;
  let spots = spotCache.get(key);
  if (!spots) {
    spots = [];
    for (let dx = -radius; dx <= radius; dx += step) for (let dy = -radius; dy <= radius; dy += step) if (dx * dx + dy * dy <= radius * radius) spots.push([dx, dy]);
    spots.sort((a, b) => a[0] * a[0] + a[1] * a[1] - (b[0] * b[0] + b[1] * b[1]) || a[1] - b[1] || b[0] - a[0]);
    spotCache.set(key, spots);
  }
  return spots;
}

/**
 * @param points anchor points (px)
 * @param sizes label width/height (px), same order
 * @param bounds the plot area [x0, y0, x1, y1] (px)
 * @param reserved boxes labels must avoid (e.g. corner notes)
 *
 * Greedy search: each label in turn takes the free spot nearest to its preferred one (centred above its
 * point) among spots on a 3 px grid within `radius` px, free meaning inside the bounds and clear of the
 * labels already placed, every point and the reserved boxes. When none is free it takes the spot with
 * the least overlap.
 *
 * `opts.divide` (pixel positions of the chart's dividing lines, e.g. the IPA mean lines): a label preferably
 * stays on its point's side of each line instead of lying across it, where it reads as belonging to the
 * neighbouring quadrant (H County: "Communication and coordination" across the proficiency mean). Among the
 * free spots within half the label's width plus two offsets (the distance that still needs no leader), the
 * nearest one on the point's side wins; when there is none, the nearest free spot, as before.
 */
export function placeLabels(points: { x: number; y: number }[], sizes: { w: number; h: number }[], bounds: [number, number, number, number], reserved: Box[] = [], opts: { gap?: number; pointR?: number; radius?: number; divide?: { x?: number; y?: number } } = {}): Placed[] {
  const t0 = performance.now();
  const gap = opts.gap ?? 2;
  const r = opts.pointR ?? 6;
  const offset = r + 3;
  const radius = opts.radius ?? 240;
  const step = 3;
  const spots = spotsWithin(radius, step);
  const obstacles: Box[] = [...points.map((p) => ({ x: p.x, y: p.y, w: 2 * r, h: 2 * r })), ...reserved];
  const placed: Placed[] = [];
  const inside = (b: Box) => b.x - b.w / 2 >= bounds[0] && b.x + b.w / 2 <= bounds[2] && b.y - b.h / 2 >= bounds[1] && b.y + b.h / 2 <= bounds[3];
  const cost = (b: Box) => {
    let c = 0;
    for (const o of obstacles) {
      const v = overlap(b, o, gap);
      if (v) c += v.dx * v.dy;
    }
    for (const o of placed) {
      const v = overlap(b, o, gap);
      if (v) c += v.dx * v.dy;
    }
    return c;
  };
  const divide = opts.divide ?? {};
  // on the point's side of a dividing line (a point on the line may keep its label on either side, not across)
  const side = (lo: number, hi: number, point: number, line: number | undefined) =>
    line === undefined || (point > line + 0.5 ? lo >= line + 1 : point < line - 0.5 ? hi <= line - 1 : lo >= line + 1 || hi <= line - 1);
  const onSide = (b: Box, p: { x: number; y: number }) =>
    side(b.x - b.w / 2, b.x + b.w / 2, p.x, divide.x) && side(b.y - b.h / 2, b.y + b.h / 2, p.y, divide.y);
  const sided = divide.x !== undefined || divide.y !== undefined;
  points.forEach((p, i) => {
    const { w, h } = sizes[i];
    const home = { x: p.x, y: p.y - offset - h / 2 };
    const near2 = (w / 2 + 2 * offset) ** 2;
    let best: Box | null = null;
    let bestCost = Infinity;
    let free: Box | null = null; // the nearest free spot, taken when no free spot nearby keeps the point's side
    for (const [dx, dy] of spots) {
      if (free && dx * dx + dy * dy > near2) break;
      const b = { x: home.x + dx, y: home.y + dy, w, h };
      if (!inside(b)) continue;
      const c = cost(b);
      if (c === 0) {
        if (!sided || onSide(b, p)) {
          best = b;
          free = null;
          break;
        }
        free ??= b;
        continue;
      }
      if (c < bestCost) (bestCost = c), (best = b);
    }
    if (free) best = free;
    best ??= { ...home, w, h };
    const nearX = Math.max(0, Math.abs(best.x - p.x) - w / 2);
    const nearY = Math.max(0, Math.abs(best.y - p.y) - h / 2);
    placed.push({ ...best, leader: Math.hypot(nearX, nearY) > offset + 6 });
  });
  measure('labels', t0);
  return placed;
}

/** how many pairs of boxes overlap (used by tests and as a last check) */
export function overlaps(boxes: Box[], pad = 0): number {
  let c = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i], boxes[j], -pad)) c++;
  return c;
}
