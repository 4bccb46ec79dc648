import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Two ways to run:
//  - E2E_BASE_URL set (e.g. the shared dev server): tests run against it, nothing is started.
//  - otherwise Playwright starts `next start` on E2E_PORT (default 3100) over a finished `next build`,
//    against DATABASE_URL. `npm test` (scripts/test.ts) builds, picks a free port and a throw-away,
//    seeded database, and sets these variables; the config itself stays deterministic because it is
//    evaluated again in every worker.

const externalBaseUrl = process.env.E2E_BASE_URL;
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = externalBaseUrl ?? `http://localhost:${port}`;
const isCI = Boolean(process.env.CI);

// Playwright cannot download its own browser here: use Debian's Chromium when present, or the one
// named by CHROMIUM_PATH, and fall back to Playwright's own browser elsewhere (`npx playwright install`).
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const jsonReport = process.env.E2E_JSON_REPORT;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: isCI,
  // A retry only hides infrastructure hiccups (a slow first compile, a busy CI machine); never locally.
  retries: isCI ? 1 : 0,
  workers: isCI ? 2 : undefined,
  // A dev server (E2E_BASE_URL) compiles each page on first visit: give it time; `next start` needs none.
  timeout: externalBaseUrl ? 90_000 : 30_000,
  expect: { timeout: externalBaseUrl ? 30_000 : 10_000 },
  // Several people may run Playwright in one work tree: E2E_OUTPUT_DIR keeps their artifacts apart.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  reporter: jsonReport ? [['list'], ['json', { outputFile: jsonReport }]] : [['list']],
  use: {
    baseURL,
    locale: 'sv-SE',
    trace: 'on-first-retry',
    launchOptions: {
      executablePath,
      // This machine has no network beyond the package registries: background networking and QUIC only
      // produce refused connections (seen here).
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts$/ },
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], locale: 'sv-SE' },
      dependencies: ['setup'],
    },
  ],
  webServer: externalBaseUrl
    ? undefined
    : {
        command: `node_modules/.bin/next start -p ${port}`,
        url: `${baseURL}/api/health`,
        reuseExistingServer: false,
        timeout: 120_000,
        env: {
          DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/stafett',
          NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? `e2e-${Math.random().toString(36).slice(2)}-${Date.now()}`,
          NEXTAUTH_URL: baseURL,
          // Playwright stands in for one reverse proxy: tests that fail sign-ins on purpose send their own
          // X-Forwarded-For (auth-helpers useOwnAddress), so they never lock each other's address.
          TRUST_PROXY: '1',
          NEXT_TELEMETRY_DISABLED: '1',
        },
      },
});
