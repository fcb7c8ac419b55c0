import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { expect, test, type APIRequestContext } from '@playwright/test'
import common from '../locales/en/common.json' with { type: 'json' }
import { createReviewCase } from './support/cases'
import { e2eDatabaseUrl } from './support/database-url'
import { e2eDb } from './support/e2e-db'
import { e2ePorts } from './support/ports'

// proxy.ts is no access check (SECURITY.md NX-03). The same build runs a second time with
// PROXY_PASS_THROUGH=1, where the proxy hands every request on untouched: protected pages and
// API routes answer a signed-out visitor and another applicant exactly as with the proxy, and
// show none of the record. On the normal server, the known ways around a proxy (the
// x-middleware-subrequest header of CVE-2025-29927, framework-internal headers, doubled or
// encoded slashes, /_next/data) reach nothing protected either.
const PASS_THROUGH = `http://localhost:${e2ePorts.passThrough}`

test.describe.configure({ mode: 'serial' })

let server: ChildProcess | undefined
let record: { id: string; email: string; reference: string }
let otherCookie = ''

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

/** A signed-in browser of a new applicant, as Auth.js stores it. */
async function otherApplicantCookie(): Promise<string> {
  const db = e2eDb()
  const userId = randomUUID()
  const token = randomUUID()
  await db`insert into users (id, email) values (${userId}, ${`other.${userId.slice(0, 8)}@example.org`})`
  await db`insert into sessions (session_token, user_id, expires)
           values (${token}, ${userId}, now() + interval '1 hour')`
  return `ikamet.session=${token}`
}

test.beforeAll(async () => {
  test.setTimeout(150_000)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: e2eDatabaseUrl(),
    PROXY_PASS_THROUGH: '1',
  }
  server = spawn(
    process.execPath,
    [require.resolve('next/dist/bin/next'), 'start', '-p', String(e2ePorts.passThrough)],
    { env, stdio: 'ignore' },
  )
  const created = await createReviewCase(34)
  const [row] = await e2eDb()<{ reference: string }[]>`
    select reference from applications where id = ${created.id}`
  record = { ...created, reference: row!.reference }
  otherCookie = await otherApplicantCookie()
  await waitFor(`${PASS_THROUGH}/api/health`)
})

test.afterAll(() => {
  server?.kill('SIGTERM')
  server = undefined
})

// What the record holds that no refusal may show (e2e/support/cases.ts).
const secrets = () => [record.reference, record.email, 'Maryam', 'Karimi', 'K9876543', 'Konak']

const pages = (id: string) => [
  '/en/applications',
  `/en/applications/${id}`,
  `/en/applications/${id}/status`,
  `/en/applications/${id}/personal`,
  `/en/applications/${id}/check`,
  `/en/applications/${id}/documents`,
  `/en/applications/${id}/appointment`,
  `/en/applications/${id}/registration-form`,
  '/en/permits',
  '/en/staff',
  '/en/staff/cases',
  `/en/staff/cases/${id}`,
  '/en/staff/staff',
  '/en/staff/capacity',
  '/en/staff/lookup',
  '/en/dev/mailbox',
]
const apiGets = (id: string) => [
  '/api/v1/applications',
  `/api/v1/applications/${id}`,
  `/api/v1/applications/${id}/appointment`,
  `/api/v1/applications/${id}/appointment/slots`,
  `/api/v1/applications/${id}/documents/${randomUUID()}`,
  '/api/v1/permits',
  '/api/v1/staff/cases',
  `/api/v1/staff/cases/${id}/documents/${randomUUID()}`,
]
const apiPosts = (id: string) => [
  `/api/v1/applications/${id}/submit`,
  `/api/v1/applications/${id}/appointment/cancel`,
  '/api/v1/staff/call-centre/resends',
]

// A refusal: the sign-in page or another redirect away, 401, 403 or 404; or 400, where a
// signed-in caller's body is checked before the permission (it carries no data either).
const REFUSED = [303, 307, 308, 400, 401, 403, 404]

type Answer = { status: number; location: string; body: string }

async function ask(
  request: APIRequestContext,
  url: string,
  options: { cookie?: string; headers?: Record<string, string>; post?: boolean } = {},
): Promise<Answer> {
  const headers = { ...options.headers, ...(options.cookie && { cookie: options.cookie }) }
  const res = options.post
    ? await request.post(url, {
        maxRedirects: 0,
        headers: { ...headers, 'idempotency-key': randomUUID() },
        data: {},
      })
    : await request.get(url, { maxRedirects: 0, headers })
  // Where a redirect sends the person, without the query (it names the page to come back to).
  const location = (res.headers()['location'] ?? '').replace(/^https?:\/\/[^/]+/, '').split('?')[0]!
  return { status: res.status(), location, body: await res.text() }
}

// Lists of one's own records: another applicant gets their own (empty) list, never the record.
const OWN_LISTS = new Set([
  '/en/applications',
  '/en/permits',
  '/api/v1/applications',
  '/api/v1/permits',
])

function refusedWithoutData(answer: Answer, label: string, ownList = false) {
  if (!ownList) expect(REFUSED, `${label}: ${answer.status}`).toContain(answer.status)
  for (const secret of secrets()) expect(answer.body, label).not.toContain(secret)
}

test('the second server really runs without the proxy', async ({ request, baseURL }) => {
  // The proxy puts the security headers on every answer; passed through, nothing does.
  const policy = async (base: string) =>
    (await request.get(`${base}/en/track`)).headers()['content-security-policy']
  expect(await policy(baseURL!)).toContain('nonce-')
  expect(await policy(PASS_THROUGH)).toBeUndefined()
})

for (const [caller, cookie] of [
  ['signed out', () => undefined],
  ['another applicant', () => otherCookie],
] as const) {
  test(`${caller}: protected pages and API routes answer the same without the proxy`, async ({
    request,
    baseURL,
  }) => {
    test.setTimeout(120_000)
    const id = record.id
    const calls = [
      ...pages(id).map((p) => ({ path: p, post: false })),
      ...apiGets(id).map((p) => ({ path: p, post: false })),
      ...apiPosts(id).map((p) => ({ path: p, post: true })),
    ]
    for (const { path, post } of calls) {
      const options = { cookie: cookie(), post }
      const withProxy = await ask(request, `${baseURL}${path}`, options)
      const without = await ask(request, `${PASS_THROUGH}${path}`, options)
      const ownList = cookie() !== undefined && OWN_LISTS.has(path)
      refusedWithoutData(withProxy, `with the proxy ${path}`, ownList)
      refusedWithoutData(without, `without the proxy ${path}`, ownList)
      expect({ status: without.status, location: without.location }, path).toEqual({
        status: withProxy.status,
        location: withProxy.location,
      })
    }
  })
}

/** A bypass shape may also land on the not-found page, which some shapes answer with 200. */
function reachesNothing(answer: Answer, label: string) {
  if (answer.status === 200) expect(answer.body, label).toContain(common.notFound.title)
  else refusedWithoutData(answer, label)
  for (const secret of secrets()) expect(answer.body, label).not.toContain(secret)
}

test('the ways around a proxy reach nothing protected', async ({ request, baseURL }) => {
  test.setTimeout(120_000)
  const id = record.id
  const repeated = (name: string) => Array.from({ length: 5 }, () => name).join(':')
  const headerShapes: Record<string, string>[] = [
    { 'x-middleware-subrequest': 'middleware' },
    { 'x-middleware-subrequest': repeated('middleware') },
    { 'x-middleware-subrequest': repeated('src/middleware') },
    { 'x-middleware-subrequest': 'proxy' },
    { 'x-middleware-subrequest': repeated('proxy') },
    { 'x-middleware-subrequest': repeated('src/proxy') },
    { 'x-nextjs-data': '1' },
    { 'x-invoke-path': `/en/applications/${id}`, 'x-invoke-query': '{}' },
    { 'x-middleware-invoke': '1' },
    { 'x-now-route-matches': `id=${id}` },
    { rsc: '1', 'next-router-prefetch': '1' },
    { 'x-forwarded-host': 'localhost', 'x-forwarded-proto': 'https' },
  ]
  const targets = [
    `/en/applications/${id}`,
    `/en/applications/${id}/status`,
    `/en/staff/cases/${id}`,
    `/api/v1/applications/${id}`,
    '/api/v1/staff/cases',
  ]
  const pathShapes = [
    `//en/applications/${id}`,
    `/en//applications/${id}`,
    `/en/applications//${id}`,
    `/en/applications%2F${id}`,
    `/en%2Fapplications%2F${id}`,
    `/en/staff%2Fcases%2F${id}`,
    `/api/v1/applications%2F${id}`,
    `/api%2Fv1%2Fapplications%2F${id}`,
    `//api/v1/applications/${id}`,
    `/en/applications/${id}.rsc`,
    `/en/applications/${id}?__nextDataReq=1`,
    `/en/applications/${id}?_rsc=1`,
    `/_next/data/x/en/applications/${id}.json`,
    `/_next/data/development/en/applications/${id}.json`,
    `/_next/data/x/en/staff/cases/${id}.json`,
  ]
  for (const cookie of [undefined, otherCookie]) {
    for (const headers of headerShapes)
      for (const target of targets)
        reachesNothing(
          await ask(request, `${baseURL}${target}`, { cookie, headers }),
          `${JSON.stringify(headers)} ${target}`,
        )
    for (const shape of pathShapes)
      reachesNothing(await ask(request, `${baseURL}${shape}`, { cookie }), shape)
  }
})
