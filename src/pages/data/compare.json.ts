// The comparison explorer's aggregate table (small; no microdata).
import type { APIRoute } from 'astro';
import { nodeClient } from '../../lib/db/node';
import { DATA_DIR, publishedCodebook } from '../../lib/figures/render-static';
import { compareAggregates } from '../../lib/compare/aggregate';

export const GET: APIRoute = async () => {
  const data = await compareAggregates((sql) => nodeClient(DATA_DIR).query(sql), publishedCodebook());
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
