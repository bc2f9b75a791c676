/**
 * Precompressed copies for static hosting (issue #13): after `astro build`, every compressible file
 * of dist/ that is worth it gets a `.br` (Brotli) and a `.gz` (gzip) sibling, so a server can send
 * the 18 MB DuckDB-WASM engine as ~3 MB without compressing on each request
 * (scripts/serve.mjs does; docs/hosting.md shows nginx, Apache, Netlify and Cloudflare).
 *
 * Brotli at quality 11 takes minutes on the 18 MB wasm: files over BIG bytes get quality 9 unless
 * PRECOMPRESS_MAX=1, and every result is cached by content hash in .cache/precompress/, so an
 * unchanged engine or data file is compressed once per machine. Node's zlib only, no dependency.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** extensions worth compressing; Parquet is already ZSTD inside and is kept only when it still shrinks */
export const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|json|svg|csv|txt|xml|parquet)$/;
const MIN_BYTES = 1024;
const BIG = 4 * 1024 * 1024;
/** a copy is kept only when it saves at least this share of the bytes */
const MIN_SAVING = 0.1;

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

function cached(cacheDir, key, make) {
  const file = cacheDir && path.join(cacheDir, key);
  if (file && existsSync(file)) return readFileSync(file);
  const out = make();
  if (file) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(file, out);
  }
  return out;
}

/**
 * @param {string} dir the built site
 * @param {{cacheDir?: string, log?: (s: string) => void}} [opts]
 * @returns {{file: string, bytes: number, br: number|null, gz: number|null}[]}
 */
export function precompress(dir, opts = {}) {
  const max = process.env.PRECOMPRESS_MAX === '1';
  const report = [];
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file) || file.endsWith('.br') || file.endsWith('.gz')) continue;
    const bytes = statSync(file).size;
    if (bytes < MIN_BYTES) {
      for (const ext of ['.br', '.gz']) rmSync(file + ext, { force: true });
      continue;
    }
    const raw = readFileSync(file);
    const hash = createHash('sha256').update(raw).digest('hex').slice(0, 32);
    const quality = bytes > BIG && !max ? 9 : 11;
    const br = cached(opts.cacheDir, `${hash}.q${quality}.br`, () =>
      brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes } }),
    );
    const gz = cached(opts.cacheDir, `${hash}.gz`, () => gzipSync(raw, { level: 9 }));
    const keep = (c) => c.length <= bytes * (1 - MIN_SAVING);
    // a copy from an earlier build that is no longer worth it must not outlive its file
    if (keep(br)) writeFileSync(file + '.br', br);
    else rmSync(file + '.br', { force: true });
    if (keep(gz)) writeFileSync(file + '.gz', gz);
    else rmSync(file + '.gz', { force: true });
    report.push({ file: path.relative(dir, file), bytes, br: keep(br) ? br.length : null, gz: keep(gz) ? gz.length : null });
  }
  return report;
}
