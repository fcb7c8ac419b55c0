import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'
import { e2eDatabaseUrl, e2eMigrationDatabaseUrl } from './e2e/support/database-url'
import { e2eFieldKeys } from './e2e/support/field-keys'
import {
  e2ePorts,
  fakeClamdSocket,
  fakeClamdUrl,
  fakePaymentToken,
  fakeProvidersUrl,
  fakeSmsToken,
} from './e2e/support/ports'

// The workers inherit these: helpers that write rows directly seal numbers as the server does.
Object.assign(process.env, e2eFieldKeys)

// Debian's Chromium when present: Playwright cannot download its own browsers here.
const systemChromium = '/usr/bin/chromium'
const PORT = e2ePorts.app
const OUTAGE_PORT = e2ePorts.outage
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
  // Maps the `server-only` marker to its empty module, so helpers can use the sealing codec.
  tsconfig: './tsconfig.scripts.json',
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
      // Mail, SMS and payments leave the portal as in production, to a relay, a gateway and a
      // payment provider the run owns.
      command: 'npx tsx e2e/support/fake-providers.ts',
      url: `${fakeProvidersUrl}/health`,
      env: {
        FAKE_PROVIDERS_PORT: String(e2ePorts.fakeProviders),
        FAKE_SMTP_PORT: String(e2ePorts.fakeSmtp),
        FAKE_SMS_TOKEN: fakeSmsToken,
        FAKE_CLAMD_SOCKET: fakeClamdSocket,
        FAKE_PAYMENT_TOKEN: fakePaymentToken,
      },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `npx tsx --tsconfig tsconfig.scripts.json e2e/support/prepare-database.ts && npx next start -p ${PORT}`,
      url: `http://localhost:${PORT}/api/health`,
      env: {
        DATABASE_URL: e2eDatabaseUrl(),
        E2E_DATABASE_URL: e2eDatabaseUrl(),
        E2E_MIGRATION_DATABASE_URL: e2eMigrationDatabaseUrl(),
        NODE_ENV: 'production',
        ...e2eFieldKeys,
        SMTP_URL: `smtp://127.0.0.1:${e2ePorts.fakeSmtp}`,
        MAIL_FROM: 'İkamet <no-reply@portal.ikamet.test>',
        SMS_GATEWAY_URL: `${fakeProvidersUrl}/sms`,
        SMS_GATEWAY_TOKEN: fakeSmsToken,
        // Every upload is scanned, as in production (SECURITY.md UP-03).
        CLAMD_URL: fakeClamdUrl,
        // Online fee payment through the fake provider (e2e/fee-payment.spec.ts).
        PAYMENT_PROVIDER_URL: `${fakeProvidersUrl}/payments-api`,
        PAYMENT_PROVIDER_TOKEN: fakePaymentToken,
        OUTBOX_POLL_MS: '200',
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
      env: {
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/unreachable',
        NODE_ENV: 'production',
        ...e2eFieldKeys,
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
})
