import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const portalDir = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// A fresh embedded database for every run, wiped by the web server command before it starts
// (this file is also loaded by every worker, so it must not delete anything itself).
const dataDir = join(portalDir, '.data-e2e');

// Playwright cannot download its own browsers here; Debian's Chromium works.
const debianChromium = '/usr/bin/chromium';
const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    ...(existsSync(debianChromium) ? { executablePath: debianChromium } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: resolve(portalDir, '../../reports/playwright.json') }]],
  use: {
    baseURL,
    locale: 'da-DK',
    // Recording a trace costs a fifth of the suite's time (screenshots and DOM snapshots of every
    // step), so only a retry records one: in CI a failed test runs again, traced. Locally: --trace on.
    trace: 'on-first-retry',
  },
  projects: [
    // Every test runs once. Forms must work without JavaScript, and public pages ship none, so a
    // test runs in the no-JavaScript project unless it is tagged: `@needs-js` runs only with
    // JavaScript (axe, the CSP and search-as-you-type checks, which need scripts in the page), and
    // `@both` in both projects (the flows through signed-in pages, which hydrate when scripts run).
    // With JavaScript every test also fails on an uncaught error in its pages (./tests/e2e/fixtures.ts).
    { name: 'chromium', use: chromium, grep: /@needs-js|@both/ },
    { name: 'chromium-no-js', use: { ...chromium, javaScriptEnabled: false }, grepInvert: /@needs-js/ },
  ],
  webServer: {
    // The built portal, as `pnpm start` serves it (the root `test:e2e` builds first).
    command: `node -e "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })" "${dataDir}" && pnpm run serve`,
    cwd: portalDir,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: !process.env.CI,
    // SIGTERM lets the server close its embedded database cleanly.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      // Always the embedded database, even when CI points DATABASE_URL at PostgreSQL for the
      // integration tests (an empty value counts as unset).
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
  },
});
