/** A minimal figure definition for unit tests (rows.test.ts, state.test.ts): a county and a group control, keyed rows. */
import type { FigureDef } from './types.ts';

export function fixtureDef(groupParam = 'group', extra: Partial<FigureDef> = {}): FigureDef {
  return {
    id: 'f',
    title: 't',
    caption: 'c',
    alt: 'a',
    sql: 'SELECT 1',
    params: [
      { name: 'county', label: 'County', kind: 'county', default: 'all' },
      { name: groupParam, label: 'By', kind: 'group', default: 'age_band' },
    ],
    columns: [
      { key: 'grp', label: 'Group' },
      { key: 'n', label: 'n' },
      { key: 'mean', label: 'Mean', digits: 2 },
    ],
    keys: ['grp'],
    spec: () => ({}) as Element,
    ...extra,
  } as FigureDef;
}
