/**
 * The grouping variables results are broken down by (figures, /compare/, the protected tables).
 * For now the report's fixed list, filtered by what the survey measured (the effective codebook's
 * `absent`); a codebook-driven version replaces this list (issue #10 point 4).
 */
import type { Codebook } from './types.ts';

const GROUPS = ['county', 'dept_type', 'gender', 'age_band', 'education', 'rank', 'service_band', 'leader', 'recruitment'];

export function groupVariables(cb: Codebook): string[] {
  return GROUPS.filter((g) => {
    const v = cb.variables.find((x) => x.name === g || x.generalise?.to === g);
    return v !== undefined && !v.absent;
  });
}
