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

/**
 * Every block of a `_headers` file as { pattern, headers, matches(pathname) }, in file order
 * (Netlify/Cloudflare syntax: a path, `*` matching any run of characters). Used by
 * scripts/serve.mjs, which applies each block whose path matches, as those hosts do.
 */
export function headerRules(file) {
  if (!existsSync(file)) return [];
  const rules = [];
  let current = null;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      const re = new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
      current = { pattern, headers: {}, matches: (p) => re.test(p) };
      rules.push(current);
      continue;
    }
    const i = line.indexOf(':');
    if (current && i > 0) current.headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return rules;
}
