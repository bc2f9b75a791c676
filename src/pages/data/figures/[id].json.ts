// Every view of a figure with controls, computed at build time with the figure's own SQL
// (lib/figures/results.ts): what a shared link or a change shows without starting the engine.
import type { APIRoute } from 'astro';
import { figures } from '../../../figures/registry';
import { buildResults, publishedCodebook } from '../../../lib/figures/render-static';
import { publishesResults } from '../../../lib/figures/results';

export function getStaticPaths() {
  const cb = publishedCodebook();
  return Object.values(figures)
    .filter((def) => publishesResults(def, cb))
    .map((def) => ({ params: { id: def.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const def = figures[params.id!];
  return new Response(JSON.stringify(await buildResults(def)), { headers: { 'Content-Type': 'application/json' } });
};
