// Installs the pinned npm dependencies when they are missing (fresh clone), so that
// `npm start` and `npm test` work as single commands. No third-party imports here.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  console.log('[setup] node_modules missing: running npm ci');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
if (process.argv.includes('--browser') && !existsSync('/usr/bin/chromium')) {
  console.error(
    '[setup] Browser tests need Debian\'s Chromium at /usr/bin/chromium.\n' +
      '        Install it with: apt-get install -y chromium fonts-noto-cjk   (.ci/run does this)',
  );
  process.exit(1);
}
