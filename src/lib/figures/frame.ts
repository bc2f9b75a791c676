/** Browser, tiny (loaded before interaction by boot.ts): which frame choices select no respondent. */

/**
 * Marks and disables the options of frame controls (county, department, sample) that would select no
 * respondent under the other current choices; the build publishes which combinations exist
 * (script.figure-frame). A current choice that is empty stays selectable: the figure says so in words.
 */
export function markEmptyOptions(fig: HTMLElement) {
  const el = fig.querySelector<HTMLElement>('script.figure-frame');
  if (!el) return;
  const t0 = performance.now();
  const frame = JSON.parse(el.textContent!) as { params: string[]; present: string[][] };
  const mark = el.dataset.emptyMark ?? '';
  const value = (name: string) => fig.querySelector<HTMLSelectElement>(`form.controls select[name="${name}"]`)?.value ?? 'all';
  const current = frame.params.map(value);
  const any = (vals: string[]) => frame.present.some((row) => vals.every((v, i) => v === 'all' || row[i] === v));
  frame.params.forEach((name, i) => {
    for (const opt of fig.querySelectorAll<HTMLOptionElement>(`form.controls select[name="${name}"] option`)) {
      opt.dataset.label ??= opt.textContent ?? '';
      const empty = opt.value !== 'all' && !any(current.map((v, j) => (j === i ? opt.value : v)));
      opt.textContent = opt.dataset.label + (empty ? mark : '');
      opt.disabled = empty && !opt.selected;
      opt.toggleAttribute('data-empty', empty);
    }
  });
  // (frame.ts is loaded before interaction and stays tiny: no import of perf.ts)
  try {
    performance.measure('fig:empty-options', { start: t0 });
  } catch {
    /* no User Timing */
  }
}
