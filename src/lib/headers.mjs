/**
 * Reads the `/*` block of a Netlify/Cloudflare-Pages `_headers` file into a plain object, so
 * `astro preview` (and the browser tests) serve the same headers as the production host.
 * Only the catch-all block is read: the site sets the same headers on every path.
 */
import { existsSync, readFileSync } from 'node:fs';

export function readHeaders(file) {
  if (!existsSync(file)) return {};
  const out = {};
  let inAll = false;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    if (!inAll) continue;
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}
