/**
 * Step timings of a figure's warm re-query + redraw (issue #13), as User Timing measures named
 * `fig:<step>` (performance.getEntriesByName / the DevTools performance panel). `npm run bench`
 * (bench/site.ts) reads and clears them after each change to print where the time goes.
 * In Node (the build) nothing is recorded: the build-time renders would only fill the buffer.
 */
const on = typeof window !== 'undefined' && typeof performance !== 'undefined' && typeof performance.measure === 'function';

/** a measure `fig:<step>` from `start` (a performance.now() value) to now; returns now */
export function measure(step: string, start: number): number {
  const end = performance.now();
  if (on) {
    try {
      performance.measure(`fig:${step}`, { start, end });
    } catch {
      /* an old browser without the options form: no timings */
    }
  }
  return end;
}

/** runs fn and records its duration as `fig:<step>` */
export function timed<T>(step: string, fn: () => T): T {
  const t = performance.now();
  try {
    return fn();
  } finally {
    measure(step, t);
  }
}
