// Each figure's rows (default view, small cells suppressed) as a static CSV download.
import type { APIRoute } from 'astro';
import { figures } from '../../../figures/registry';
import { figureRows } from '../../../lib/figures/render-static';
import { toCSV } from '../../../lib/figures/rows';

export function getStaticPaths() {
  return Object.keys(figures).map((id) => ({ params: { id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const def = figures[params.id!];
  return new Response(toCSV(def, await figureRows(def)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
