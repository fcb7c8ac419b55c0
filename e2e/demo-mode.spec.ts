import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { generate } from 'otplib'
import common from '../locales/en/common.json' with { type: 'json' }
import { e2eDatabaseUrl } from './support/database-url'
import { e2ePorts } from './support/ports'
import { totpSecretOf } from './support/second-factor'

// Demo mode is explicit (SECURITY.md DM-01): the same build shows the test mailbox and the
// banner only when started by scripts/demo.mjs (DEMO_MODE=1), whatever else is set or missing.
// Two more servers of this build run here, on ports of their own.
const DEMO = `http://localhost:${e2ePorts.demo}`
const BARE = `http://localhost:${e2ePorts.bare}`
const DEMO_STAFF = 'caseworker.izmir@example.org'

test.describe.configure({ mode: 'serial' })

let servers: ChildProcess[] = []
let dataDir = ''

async function waitFor(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`no answer from ${url}`)
}

test.beforeAll(async () => {
  test.setTimeout(150_000)
  dataDir = mkdtempSync(path.join(tmpdir(), 'ikamet-bare-'))
  const base: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' }
  delete base.DEMO_MODE
  delete base.SMTP_URL
  // The demo as `npm run demo` starts it (without the build step), on the e2e database.
  servers.push(
    spawn(process.execPath, ['scripts/demo.mjs'], {
      env: { ...base, PORT: String(e2ePorts.demo), DATABASE_URL: e2eDatabaseUrl() },
      stdio: 'ignore',
    }),
  )
  // A production start with neither DATABASE_URL nor SMTP_URL, which used to open the mailbox.
  const bare: NodeJS.ProcessEnv = { ...base, PGLITE_DATA_DIR: path.join(dataDir, 'pglite') }
  delete bare.DATABASE_URL
  servers.push(
    spawn(
      process.execPath,
      [require.resolve('next/dist/bin/next'), 'start', '-p', String(e2ePorts.bare)],
      { env: bare, stdio: 'ignore' },
    ),
  )
  await Promise.all([waitFor(`${DEMO}/api/health`), waitFor(`${BARE}/api/health`)])
})

test.afterAll(() => {
  for (const server of servers) server.kill('SIGTERM')
  servers = []
  rmSync(dataDir, { recursive: true, force: true })
})

test('in demo mode every page says so and the mailbox shows the mail', async ({ page }) => {
  for (const address of ['/en', '/en/sign-in', '/en/track', '/en/no-such-page']) {
    await page.goto(`${DEMO}${address}`)
    await expect(page.getByTestId('demo-banner'), address).toContainText(common.demo.banner)
  }
  const mailbox = await page.goto(`${DEMO}/en/dev/mailbox`)
  expect(mailbox?.status()).toBe(200)
  // Each demo staff member's current authenticator code (SF-06), so the staff pages can be tried.
  const line = page.getByTestId('staff-codes').locator('li', { hasText: DEMO_STAFF })
  const shown = (await line.locator('strong').textContent())!.trim()
  const { secret } = await totpSecretOf(DEMO_STAFF)
  const step = Math.floor(Date.now() / 30_000)
  const near = await Promise.all(
    [step - 1, step, step + 1].map((s) => generate({ secret, epoch: s * 30 })),
  )
  expect(near).toContain(shown)
})

test('without demo mode there is no mailbox and no banner, even with no database or mail settings', async ({
  page,
}) => {
  const mailbox = await page.goto(`${BARE}/en/dev/mailbox`)
  expect(mailbox?.status()).toBe(404)
  await page.goto(`${BARE}/en`)
  await expect(page.getByTestId('demo-banner')).toHaveCount(0)
  await expect(page.locator('footer')).not.toContainText(common.footer.devMailbox)
})
