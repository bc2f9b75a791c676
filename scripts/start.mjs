// `npm start`: the one command that sets up and runs the report on a fresh machine:
// install pinned deps if missing → build data (generating the synthetic survey if no raw
// data exists) → build the site → serve it at http://127.0.0.1:4321/.
//
// With a real survey export, the same one command (see docs/real-data.md):
//   npm start -- --import export.xlsx --mapping mapping.yaml [--no-serve] [--out-dir DIR] [--codebook data/codebook.yaml]
//   = import (→ data/raw/import, or DIR/raw) → validate → anonymise → Parquet (→ public/data, or DIR/public/data)
//     → site (→ dist, or DIR/dist) → serve.
// Rebuild from an earlier import without the export: npm start -- --raw data/raw/import
// Flags: --no-serve (build only); --out-dir DIR keeps public/ and dist/ untouched (used by CI); --port N
// (or PORT; default 4321). An unknown flag or a bad port stops at once with the list of flags.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name) => {
  const i = argv.indexOf(`--${name}`);
  if (i !== -1 && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith(`--${name}=`));
  return inline ? inline.slice(name.length + 3) : undefined;
};
const say = (msg) => console.log(`[start] ${msg}`);
const fail = (msg) => {
  console.error(`[start] ${msg}`);
  process.exit(2);
};

// a mistyped flag would otherwise be ignored after a build of minutes (`--port 8080` served on 4321)
const KNOWN = { import: 'export.csv|xlsx', mapping: 'mapping.yaml', codebook: 'codebook.yaml', 'out-dir': 'DIR', raw: 'DIR', port: 'N', 'no-serve': null };
const flags = Object.entries(KNOWN).map(([k, v]) => (v ? `--${k} ${v}` : `--${k}`)).join(', ');
for (const [i, a] of argv.entries()) {
  if (!a.startsWith('--')) {
    const prev = argv[i - 1]?.replace(/^--/, '');
    if (prev && KNOWN[prev]) continue; // the value of the flag before it
    fail(`unexpected argument "${a}" (flags: ${flags})`);
  }
  const name = a.slice(2).split('=')[0];
  if (!(name in KNOWN)) fail(`unknown flag --${name} (flags: ${flags})`);
}
const port = opt('port') ?? process.env.PORT ?? '4321';
if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) fail(`--port must be a port number (1–65535), not "${port}"`);

// paths are as typed where npm was invoked (npm runs scripts from the package root)
const here = (p) => (p === undefined ? undefined : path.resolve(process.env.INIT_CWD ?? process.cwd(), p));
const exportFile = here(opt('import'));
const mapping = here(opt('mapping'));
const codebook = here(opt('codebook')) ?? path.join(root, 'data/codebook.yaml');
const outDir = here(opt('out-dir')) ?? null;
if (exportFile && !mapping) fail('--import needs --mapping <mapping.yaml> (see docs/real-data.md)');
if (mapping && !exportFile) fail('--mapping needs --import <export.csv|xlsx>');
for (const f of [exportFile, mapping]) if (f && !existsSync(f)) fail(`no such file: ${f}`);

const publicDir = outDir ? path.join(outDir, 'public') : path.join(root, 'public');
const dataDir = path.join(publicDir, 'data');
const distDir = outDir ? path.join(outDir, 'dist') : path.join(root, 'dist');
const rawDir = opt('raw') ? here(opt('raw')) : exportFile ? (outDir ? path.join(outDir, 'raw') : path.join(root, 'data/raw/import')) : null;

const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  ...(outDir ? { REPORT_DATA_DIR: dataDir, REPORT_PUBLIC_DIR: publicDir, REPORT_OUT_DIR: distDir } : {}),
};
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`[start] failed: ${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
};

run('node', ['scripts/ensure-deps.mjs']);

if (outDir) {
  // a separate copy of the site: the static files of public/ without its data
  mkdirSync(publicDir, { recursive: true });
  for (const name of readdirSync(path.join(root, 'public'))) if (name !== 'data') cpSync(path.join(root, 'public', name), path.join(publicDir, name), { recursive: true });
}

// never replace an imported survey's published data with the synthetic demo without saying so
const manifestFile = path.join(dataDir, 'manifest.json');
const publishedKind = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')).source?.kind : null;

if (exportFile) {
  say(`importing ${exportFile} with ${mapping} → ${rawDir}`);
  // import into a fresh folder first: a failed import leaves an earlier import where it was
  const fresh = `${rawDir}.new-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  run('npx', ['tsx', 'scripts/import.ts', exportFile, '--mapping', mapping, '--out', fresh, '--codebook', codebook]);
  rmSync(rawDir, { recursive: true, force: true });
  renameSync(fresh, rawDir);
  run('npx', ['tsx', 'scripts/build-data.ts', '--raw', rawDir, '--out', dataDir, '--codebook', codebook]);
} else if (rawDir) {
  say(`rebuilding the published data from ${rawDir}`);
  run('npx', ['tsx', 'scripts/build-data.ts', '--raw', rawDir, '--out', dataDir, '--codebook', codebook]);
} else {
  const importRaw = outDir ? path.join(outDir, 'raw') : 'data/raw/import';
  if (publishedKind === 'import') {
    console.warn(
      '\n[start] WARNING: ' + dataDir + ' holds an IMPORTED survey; it is now replaced by the SYNTHETIC demo survey.\n' +
        `[start] The imported raw data is untouched (${importRaw}); to publish it again: npm start -- --raw ${importRaw}${outDir ? ` --out-dir ${outDir}` : ''}\n`,
    );
  }
  run('npx', ['tsx', 'scripts/build-data.ts', '--generate-if-missing', '--out', dataDir, '--codebook', codebook]);
}
const kind = JSON.parse(readFileSync(manifestFile, 'utf8')).source?.kind;
say(`published data in ${dataDir}: ${kind === 'import' ? 'the imported survey' : 'the SYNTHETIC demo survey'}`);

run('npx', ['astro', 'build']);
say(`site built in ${distDir}`);
if (!flag('no-serve')) {
  console.log(`\nServing the report at http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
  const child = spawn('node', ['scripts/serve.mjs', '--host', '127.0.0.1', '--port', port, '--dir', distDir], { cwd: root, stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
}
