/** Every figure, discovered from src/figures/<id>/figure.ts. */
import type { FigureDef } from '../lib/figures/types.ts';

const modules = import.meta.glob<{ figure: FigureDef }>('./*/figure.ts', { eager: true });

export const figures: Record<string, FigureDef> = {};
for (const [file, mod] of Object.entries(modules)) {
  const id = file.split('/')[1];
  if (mod.figure.id !== id) throw new Error(`${file}: figure id "${mod.figure.id}" must equal its folder name "${id}"`);
  figures[id] = mod.figure;
}

export function getFigure(id: string): FigureDef {
  const f = figures[id];
  if (!f) throw new Error(`unknown figure "${id}" (known: ${Object.keys(figures).join(', ')})`);
  return f;
}
