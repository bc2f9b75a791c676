/**
 * The report's static server (`npm start`, `npm run preview`, the browser tests and `npm run bench`),
 * behaving like a production static host:
 * - precompressed `.br` / `.gz` siblings (src/lib/precompress.mjs) are sent with `Content-Encoding`
 *   when the browser accepts them, always with `Vary: Accept-Encoding`;
 * - `.wasm` is `application/wasm`, so the engine compiles while it downloads (streaming);
 * - Range and HEAD requests (DuckDB-WASM reads Parquet by byte ranges) always get the identity
 *   bytes: a byte range of a compressed copy would be meaningless;
 * - the headers of public/_headers, per path block (src/lib/headers.mjs), on every response;
 * - `dir/` → `dir/index.html`, 404.html for anything missing (zh/404.html, the Chinese-first page, under /zh/).
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { headerRules } from '../headers.mjs';

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.parquet': 'application/vnd.apache.parquet', '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml', '.woff2': 'font/woff2',
};

/** which precompressed copy to send: the first encoding the request accepts (q > 0) that exists */
export function pickEncoding(acceptEncoding, has) {
  const accepted = new Map();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name, ...ps] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = ps.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (e) => (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) if (ok(enc) && has(ext)) return { enc, ext };
  return null;
}

/**
 * @param {{root: string, port: number, host?: string, headersFile?: string, compression?: boolean}} o
 *   compression: false serves identity bytes only (to measure what precompression buys)
 */
export function serveStatic(o) {
  const root = path.resolve(o.root);
  const rules = headerRules(o.headersFile ?? path.join(root, '_headers'));
  const compression = o.compression ?? true;
  const server = createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return res.writeHead(400).end();
    }
    for (const r of rules) if (r.matches(pathname)) for (const [k, v] of Object.entries(r.headers)) res.setHeader(k, v);
    let file = path.join(root, pathname);
    if (file !== root && !file.startsWith(root + path.sep)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      const zhNotFound = path.join(root, 'zh', '404.html');
      const notFound = pathname.startsWith('/zh/') && existsSync(zhNotFound) ? zhNotFound : path.join(root, '404.html');
      res.statusCode = 404;
      if (!existsSync(notFound)) return res.end('Not found');
      res.setHeader('Content-Type', TYPES['.html']);
      return createReadStream(notFound).pipe(res);
    }
    const size = statSync(file).size;
    res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Vary', 'Accept-Encoding');
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range && (range[1] || range[2])) {
      let start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      let end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start >= size || start > end) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` });
        return res.end();
      }
      res.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
      if (req.method === 'HEAD') return res.end();
      return createReadStream(file, { start, end }).pipe(res);
    }
    const pick = compression && req.method !== 'HEAD' ? pickEncoding(req.headers['accept-encoding'], (ext) => existsSync(file + ext)) : null;
    if (pick) {
      res.setHeader('Content-Encoding', pick.enc);
      res.setHeader('Content-Length', statSync(file + pick.ext).size);
      return createReadStream(file + pick.ext).pipe(res);
    }
    res.setHeader('Content-Length', size);
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '127.0.0.1', () => resolve(server));
  });
}
