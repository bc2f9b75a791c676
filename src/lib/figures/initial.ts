/**
 * A figure's initial view, set where the prose points: <Figure id="…" params={{ sample: 'training_needs' }} />.
 * A value is a code, or { sql } whose first row's first column is the code (so that a chapter which
 * names "the largest sample" from the data opens its figure on the same sample, on any survey).
 * Every value is checked against the codebook's options: a wrong initial view fails the build,
 * with a message that names the figure, the parameter and the allowed values. The URL still
 * overrides the initial view in the browser (hydrate.ts reads it from the controls' data-default).
 */
import type { Codebook } from '../codebook/types.ts';
import type { FigureDef } from './types.ts';
import { controlOptions, resolveParams } from './options.ts';

export type InitialValue = string | { sql: string };
export type InitialParams = Record<string, InitialValue>;
type Query = (sql: string) => Promise<Record<string, unknown>[]>;

export class InitialParamError extends Error {}

export async function initialParams(def: FigureDef, requested: InitialParams | undefined, cb: Codebook, query: Query): Promise<Record<string, string>> {
  const base = resolveParams(def, {}, cb).params;
  for (const [name, want] of Object.entries(requested ?? {})) {
    const p = def.params.find((x) => x.name === name);
    const where = `<Figure id="${def.id}" params>`;
    if (!p) throw new InitialParamError(`${where}: '${name}' is not a parameter of this figure (it has: ${def.params.map((x) => x.name).join(', ') || 'none'})`);
    let value: string;
    if (typeof want === 'string') value = want;
    else {
      const rows = await query(want.sql);
      const v = rows.length ? Object.values(rows[0])[0] : undefined;
      if (v === null || v === undefined) throw new InitialParamError(`${where}: the query for '${name}' returned no value: ${want.sql}`);
      value = String(v);
    }
    const allowed = controlOptions(p.kind, cb).map((o) => o.value);
    if (!allowed.includes(value)) throw new InitialParamError(`${where}: ${name} = '${value}' is not one of this survey's options (${allowed.join(', ')})`);
    base[name] = value;
  }
  return base;
}
