// Every view of a figure with controls, computed at build time with the figure's own SQL
// (lib/figures/results.ts): what a shared link or a change shows without starting the engine.
import type { APIRoute } from 'astro';
import { figures } from '../../../figures/registry';
import { figureRows, frameCombos, publishedCodebook } from '../../../lib/figures/render-static';
import { controlCombos, figureResults, MAX_VIEWS } from '../../../lib/figures/results';
import { figureAvailability } from '../../../lib/figures/needs';

export function getStaticPaths() {
  const cb = publishedCodebook();
  return Object.values(figures)
    .filter((def) => def.params.length > 0 && !figureAvailability(def, cb).notMeasured && controlCombos(def, cb).length <= MAX_VIEWS)
    .map((def) => ({ params: { id: def.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const def = figures[params.id!];
  const results = await figureResults(def, publishedCodebook(), await frameCombos(def), (p) => figureRows(def, p));
  return new Response(JSON.stringify(results), { headers: { 'Content-Type': 'application/json' } });
};
