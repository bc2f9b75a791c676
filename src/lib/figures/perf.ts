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

/**
 * Runs cb once the browser has had the chance to paint what the current task drew (the next
 * animation frame, then a task), or after 100 ms when frames do not come (a hidden tab).
 */
export function afterPaint(cb: () => void) {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cb();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 100);
}
