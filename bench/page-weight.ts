// npm run bench:page-weight [-- --port 3320 --runs 1]
//
// What a phone downloads before a page is usable: the JavaScript (as sent, gzip) that the
// production build loads for each page up to the load event, and what it fetches afterwards
// while idle (prefetches). Beside it, the floor: an empty Next.js 16 page built and served by
// the same Next.js in the same run. Debian's Chromium loads each page in a fresh context (no
// cache). Prints one JSON line last.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser } from '@playwright/test'
import postgres from 'postgres'
import { ensureProductionBuild, startAppServer, startNextIn } from './support/app-server'
import { createApplicants, freshBenchDatabase } from './support/bench-database'

const { values: args } = parseArgs({
  options: { port: { type: 'string', default: '3320' } },
})
const port = Number(args.port)
const log = (line: string) => console.error(`bench:page-weight: ${line}`)
// The session cookie of a plain-http deployment (lib/server/auth/auth.ts).
const SESSION_COOKIE = 'ikamet.session'
const CHROMIUM = '/usr/bin/chromium'

type Weight = { firstLoadKb: number; scripts: number; afterIdleKb: number }

async function measure(browser: Browser, url: string, sessionToken?: string): Promise<Weight> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  })
  if (sessionToken) await context.addCookies([{ name: SESSION_COOKIE, value: sessionToken, url }])
  const page = await context.newPage()
  const sizes: { bytes: Promise<number>; afterLoad: boolean }[] = []
  let loaded = false
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return
    const afterLoad = loaded
    sizes.push({ bytes: request.sizes().then((s) => s.responseBodySize), afterLoad })
  })
  const response = await page.goto(url, { waitUntil: 'load' })
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`)
  loaded = true
  await page.waitForLoadState('networkidle')
  const settled = await Promise.all(sizes.map(async (s) => ({ ...s, bytes: await s.bytes })))
  await context.close()
  const kb = (list: typeof settled) =>
    Math.round(list.reduce((n, s) => n + s.bytes, 0) / 102.4) / 10
  const first = settled.filter((s) => !s.afterLoad)
  return {
    firstLoadKb: kb(first),
    scripts: first.length,
    afterIdleKb: kb(settled.filter((s) => s.afterLoad)),
  }
}

/** An empty App Router page built by the same Next.js: the least any page can weigh. */
async function emptyPageFloor(browser: Browser): Promise<Weight> {
  // Inside the repository, so it resolves the same node_modules.
  const dir = path.resolve('bench/.floor-app')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(path.join(dir, 'app'), { recursive: true })
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n')
  writeFileSync(
    path.join(dir, 'app/layout.jsx'),
    'export default function Layout({ children }) {\n' +
      '  return <html lang="en"><body>{children}</body></html>\n}\n',
  )
  writeFileSync(
    path.join(dir, 'app/page.jsx'),
    'export default function Page() {\n  return <h1>Empty</h1>\n}\n',
  )
  const built = spawnSync('npx', ['next', 'build'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (built.status !== 0) throw new Error('the empty page did not build')
  const server = await startNextIn(dir, port + 1)
  try {
    return await measure(browser, `${server.url}/`)
  } finally {
    server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  ensureProductionBuild()
  const baseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/ikamet'
  const databaseUrl = await freshBenchDatabase(baseUrl, 'page_weight')
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  const [applicant] = await createApplicants(sql, 1, 34)
  // A draft, so its task pages are forms to fill.
  await sql`update applications set status = 'draft', submitted_at = null
             where id = ${applicant!.applicationId}`
  await sql.end()
  const browser = await chromium.launch({
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: os.userInfo().uid === 0 ? ['--no-sandbox'] : [],
  })
  const server = await startAppServer(databaseUrl, port)
  const pages: Record<string, Weight> = {}
  try {
    const token = applicant!.token
    const routes: [string, string, boolean][] = [
      ['landing', '/en', false],
      ['sign-in', '/en/sign-in', false],
      ['status-lookup', '/en/track', false],
      ['start', '/en/start/first', true],
      ['form: personal details', `/en/applications/${applicant!.applicationId}/personal`, true],
      ['form: passport', `/en/applications/${applicant!.applicationId}/passport`, true],
    ]
    for (const [name, route, signedIn] of routes) {
      pages[name] = await measure(browser, `${server.url}${route}`, signedIn ? token : undefined)
      log(`${name}: ${JSON.stringify(pages[name])}`)
    }
    server.stop()
    const floor = await emptyPageFloor(browser)
    log(`empty page: ${JSON.stringify(floor)}`)
    console.log(
      JSON.stringify({
        bench: 'page-weight',
        machine: { cpus: os.cpus().length, node: process.version },
        unit: 'KB of JavaScript as sent (gzip), up to the load event; afterIdle: prefetched later',
        floor,
        pages,
      }),
    )
  } finally {
    server.stop()
    await browser.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
