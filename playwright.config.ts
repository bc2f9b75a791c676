import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4399);
// the imported-survey copy of the site (tests/e2e-import): built by the one command into out/import-ci, served beside the main one
const IMPORT_PORT = Number(process.env.E2E_IMPORT_PORT ?? PORT + 50);
export const IMPORT_OUT = process.env.E2E_IMPORT_OUT ?? 'out/import-ci';
const launchOptions = {
  // Debian's Chromium: Playwright's own browser download cannot work on these machines.
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  timeout: 60_000,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  projects: [
    { name: 'synthetic', testDir: 'tests/e2e', use: { baseURL: `http://127.0.0.1:${PORT}`, launchOptions } },
    { name: 'imported', testDir: 'tests/e2e-import', use: { baseURL: `http://127.0.0.1:${IMPORT_PORT}`, launchOptions } },
  ],
  webServer: [
    {
      command: `node scripts/serve.mjs --host 127.0.0.1 --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // the one command, without serving, on the second fixture export; then serve that copy
      command:
        `mkdir -p out && npx tsx tests/fixtures/import-county/make-export.ts out/import-county-export.xlsx` +
        ` && node scripts/start.mjs --import out/import-county-export.xlsx --mapping tests/fixtures/import-county/mapping.yaml --no-serve --out-dir ${IMPORT_OUT}` +
        ` && node scripts/serve.mjs --dir ${IMPORT_OUT}/dist --host 127.0.0.1 --port ${IMPORT_PORT}`,
      url: `http://127.0.0.1:${IMPORT_PORT}/`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: 'ignore',
    },
  ],
});
