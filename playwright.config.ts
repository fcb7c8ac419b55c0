import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'
import { e2eDatabaseUrl } from './e2e/support/database-url'

// Debian's Chromium when present: Playwright cannot download its own browsers here.
const systemChromium = '/usr/bin/chromium'
// E2E_PORT lets two checkouts run their suites side by side (the outage server takes the next).
const PORT = Number(process.env.E2E_PORT ?? 3100)
const OUTAGE_PORT = PORT + 1
// A made-up name the browser maps to this machine, as a real deployment's host would be.
const NAMED_HOST = 'portal.ikamet.test'
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--host-resolver-rules=MAP ${NAMED_HOST} 127.0.0.1`,
]
const launchOptions = existsSync(systemChromium)
  ? { executablePath: systemChromium, args: chromiumArgs }
  : { args: chromiumArgs.slice(-1) }
// Sign-in must work on whatever host the person came in on, not only on localhost.
const OTHER_HOSTS = { 'ip-host': '127.0.0.1', 'named-host': NAMED_HOST }

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: { baseURL: `http://localhost:${PORT}`, launchOptions, trace: 'retain-on-failure' },
  projects: [
    { name: 'phone', use: { ...devices['Pixel 5'], launchOptions } },
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], launchOptions },
      testMatch: /(landing|staff)\.spec\.ts/,
    },
    ...Object.entries(OTHER_HOSTS).map(([name, host]) => ({
      name,
      use: { ...devices['Pixel 5'], launchOptions, baseURL: `http://${host}:${PORT}` },
      testMatch: /sign-in-hosts\.spec\.ts/,
    })),
  ],
  webServer: [
    {
      command: `npx tsx --tsconfig tsconfig.scripts.json e2e/support/prepare-database.ts && npx next start -p ${PORT}`,
      url: `http://localhost:${PORT}/api/health`,
      env: {
        DATABASE_URL: e2eDatabaseUrl(),
        E2E_DATABASE_URL: e2eDatabaseUrl(),
        NODE_ENV: 'production',
        // Every test browser signs in from 127.0.0.1 (SECURITY.md SI-02).
        SIGN_IN_CODES_PER_CLIENT: '100000',
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // The same build with a database that cannot be reached, for the outage checks.
      command: `npx next start -p ${OUTAGE_PORT}`,
      url: `http://localhost:${OUTAGE_PORT}/tr`,
      env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/unreachable', NODE_ENV: 'production' },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
})
