/** Build time: the published codebook and the aggregate table, read once for all county briefs. */
import { nodeClient } from '../db/node.ts';
import { DATA_DIR, publishedCodebook } from '../figures/render-static.ts';
import { compareAggregates, type CompareData } from './aggregate.ts';
import { briefCounties } from './brief.ts';
import type { Codebook } from '../codebook/types.ts';

let cached: Promise<{ cb: Codebook; data: CompareData }> | null = null;
export function briefData() {
  cached ??= (async () => {
    const cb = publishedCodebook();
    return { cb, data: await compareAggregates((sql) => nodeClient(DATA_DIR).query(sql), cb) };
  })();
  return cached;
}

/** the route parameters of every county brief */
export async function briefPaths() {
  const { data } = await briefData();
  return briefCounties(data).map((g) => ({ params: { code: g.value! } }));
}
