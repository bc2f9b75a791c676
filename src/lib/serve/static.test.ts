import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { pickEncoding, serveStatic } from './static.mjs';
import { precompress } from '../precompress.mjs';

const PORT = Number(process.env.TEST_SERVE_PORT ?? 4808);
let dir: string;
let server: Server;
// compressible content of a known size: a "wasm" (magic number + repetitive body) and a JSON file
const wasm = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(200_000, 'abcdefgh')]);
const json = JSON.stringify({ rows: Array.from({ length: 2000 }, (_, i) => ({ i, label: `row ${i % 7}` })) });

function get(p: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, any>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: PORT, path: p, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'serve-test-'));
  writeFileSync(path.join(dir, 'engine.wasm'), wasm);
  writeFileSync(path.join(dir, 'data.json'), json);
  writeFileSync(path.join(dir, 'tiny.js'), 'x=1');
  writeFileSync(path.join(dir, '404.html'), '<html lang="en">not found');
  mkdirSync(path.join(dir, 'zh'));
  writeFileSync(path.join(dir, 'zh', '404.html'), '<html lang="zh-CN">页面未找到');
  writeFileSync(path.join(dir, '_headers'), '/*\n  X-Frame-Options: DENY\n/engine*\n  Cache-Control: immutable\n');
  precompress(dir);
  server = await serveStatic({ root: dir, port: PORT });
});
afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('static server with precompressed files', () => {
  it('sends the Brotli copy of the wasm as application/wasm, with Vary and the path headers', async () => {
    const r = await get('/engine.wasm', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toBe('application/wasm');
    expect(r.headers['vary']).toBe('Accept-Encoding');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['cache-control']).toBe('immutable');
    expect(r.body.length).toBeLessThan(wasm.length / 10);
    expect(brotliDecompressSync(r.body).equals(wasm)).toBe(true);
  });

  it('falls back to gzip, then to identity, following Accept-Encoding (q=0 refuses)', async () => {
    const gz = await get('/data.json', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(json);
    const refused = await get('/data.json', { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.toString()).toBe(json);
    const none = await get('/data.json');
    expect(none.headers['content-encoding']).toBeUndefined();
  });

  it('answers Range and HEAD requests with identity bytes and the true length (DuckDB reads Parquet so)', async () => {
    const r = await get('/engine.wasm', { Range: 'bytes=0-7', 'Accept-Encoding': 'br' });
    expect(r.status).toBe(206);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['content-range']).toBe(`bytes 0-7/${wasm.length}`);
    expect(r.body.equals(wasm.subarray(0, 8))).toBe(true);
    const h = await get('/engine.wasm', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(h.headers['content-encoding']).toBeUndefined();
    expect(Number(h.headers['content-length'])).toBe(wasm.length);
  });

  it('does not compress files too small to gain', async () => {
    const r = await get('/tiny.js', { 'Accept-Encoding': 'br' });
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.toString()).toBe('x=1');
  });

  it('pickEncoding prefers br, honours q values and *', () => {
    const all = () => true;
    expect(pickEncoding('gzip, br', all)?.enc).toBe('br');
    expect(pickEncoding('br;q=0, gzip', all)?.enc).toBe('gzip');
    expect(pickEncoding('*', all)?.enc).toBe('br');
    expect(pickEncoding('identity', all)).toBeNull();
    expect(pickEncoding('br', (ext: string) => ext === '.gz')).toBeNull();
  });

  it('answers a missing path with 404.html, and a missing /zh/ path with the Chinese-first zh/404.html', async () => {
    for (const [p, lang] of [['/no-such-page/', 'en'], ['/zh/no-such-page/', 'zh-CN'], ['/zh/chapters/nope/', 'zh-CN'], ['/zhx/', 'en']] as const) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.headers['content-type'], p).toMatch(/^text\/html/);
      expect(r.body.toString(), p).toContain(`lang="${lang}"`);
    }
  });
});
