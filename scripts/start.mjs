// `npm start`: the one command that sets up and runs the report on a fresh machine:
// install pinned deps if missing → build data (generating the synthetic survey if no raw
// data exists) → build the site → serve it at http://127.0.0.1:4321/.
// Flags: --no-serve (build only).
import { execSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit', env });

run('node scripts/ensure-deps.mjs');
run('npx tsx scripts/build-data.ts --generate-if-missing');
run('npx astro build');
if (!process.argv.includes('--no-serve')) {
  const port = process.env.PORT ?? '4321';
  console.log(`\nServing the report at http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
  const child = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', port], { cwd: root, stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
}
