import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { e2eDb } from './support/e2e-db'
import { fillDate, inDays } from './support/forms'
import { signInWithCode } from './support/sign-in'

// Malformed addresses, headers, encodings and ended sessions (issue 14): a 400, 401, 404 or
// the sign-in page, never a 500 and never a stack trace.

const NEVER = /\bat [\w$.<>]+ \(|node_modules|\.ts:\d+|ECONNREFUSED|syntax error/i

test('malformed addresses and encodings are refused, not failed on', async ({ request }) => {
  const cases: [string, number[]][] = [
    ['/api/v1/applications/%ZZ', [400]],
    ['/en/staff/%ZZ', [400]],
    ['/api/auth/%ZZ', [400]],
    ['/en/%E0%A4%A', [400]],
    ['/en/applications/%ED%A0%80', [400]],
    ['/en/track?number=%ZZ', [200]],
    ['/api/v1/applications?x=%ZZ', [401]],
    ['/api/v1/applications/%00', [400, 401, 404]],
    ['/en/%2e%2e/%2e%2e/etc/passwd', [404]],
    [`/en/${'a'.repeat(3000)}`, [404]],
    ['/en/applications/not-a-uuid', [307, 404]],
    ['/api/v1/applications/not-a-uuid', [401]],
  ]
  for (const [address, expected] of cases) {
    const res = await request.get(address, { maxRedirects: 0 })
    expect(expected, address).toContain(res.status())
    expect(await res.text(), address).not.toMatch(NEVER)
  }
})

test('malformed framework headers and cookies are refused, not failed on', async ({ request }) => {
  const garbage = [
    '%ZZ',
    '[1',
    'null',
    '[[1,2],{"a":5}]',
    '["",{"children":5}]',
    'x'.repeat(50_000),
  ]
  for (const tree of garbage) {
    // Next.js sends a changed router header to an address with a new _rsc hash first.
    const res = await request.get('/en/track', {
      headers: { rsc: '1', 'next-router-state-tree': tree },
    })
    // Node refuses a header this large itself, with 431.
    expect([400, 431], tree.slice(0, 30)).toContain(res.status())
  }
  const headers: Record<string, string>[] = [
    { 'next-router-prefetch': 'x', rsc: '1' },
    { 'accept-language': ';;;q=x,%ZZ' },
    { cookie: 'ikamet.session=%ZZ; ikamet.sign-in=%%%; ikamet.locale=<x>' },
    { cookie: `ikamet.session=${'a'.repeat(4000)}` },
    { authorization: 'Bearer %ZZ' },
    { 'x-forwarded-for': 'not-an-address, %ZZ' },
    { 'x-forwarded-host': '<script>' },
  ]
  for (const extra of headers) {
    for (const address of ['/en/applications', '/en/track', '/api/v1/applications']) {
      const res = await request.get(address, { headers: extra, maxRedirects: 0 })
      expect(res.status(), `${address} ${JSON.stringify(extra).slice(0, 60)}`).toBeLessThan(500)
      expect(await res.text()).not.toMatch(NEVER)
    }
  }
})

test('a broken server-action call is refused, not failed on', async ({ request }) => {
  for (const action of ['x', '0'.repeat(42), '%ZZ']) {
    const res = await request.post('/en/track', {
      headers: { 'next-action': action, 'content-type': 'text/plain;charset=UTF-8' },
      data: '["$K1"]',
      maxRedirects: 0,
    })
    expect(res.status(), action).toBeLessThan(500)
  }
})

/** A real server action of this build, as a forged request would name it. */
function realActionId(): string {
  const manifest = JSON.parse(
    readFileSync(path.join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, unknown> }
  return Object.keys(manifest.node)[0]!
}

test('a forged server-action body is refused before Next.js fails on it (RB-03)', async ({
  request,
  baseURL,
}) => {
  const action = realActionId()
  const post = (data: string | Buffer, headers: Record<string, string> = {}) =>
    request.post('/en/track', {
      headers: { 'next-action': action, 'content-type': 'text/plain;charset=UTF-8', ...headers },
      data,
      maxRedirects: 0,
    })
  for (const body of ['[', '["$Q1"]', '["$n1x"]', '["$1:a"]', '["$B1"]'])
    expect((await post(body)).status(), body).toBe(400)
  const forgedParts = await request.post('/en/track', {
    headers: { 'next-action': action },
    multipart: { '0': '["$1","$K1"]' },
    maxRedirects: 0,
  })
  expect(forgedParts.status()).toBe(400)
  // A form posted without JavaScript whose bound arguments are missing.
  const forgedForm = await request.post('/en/track', {
    multipart: { $ACTION_REF_1: '', '$ACTION_1:0': JSON.stringify({ id: action, bound: '$@1' }) },
    maxRedirects: 0,
  })
  expect(forgedForm.status()).toBe(400)
  expect((await post('[]', { origin: 'https://elsewhere.example' })).status()).toBe(403)
  expect((await post('[]', { origin: 'null' })).status()).toBe(403)
  expect((await post(`["${'a'.repeat(1100 * 1024)}"]`)).status()).toBe(413)
  // The same call, well formed and from this site, goes through to Next.js.
  expect((await post('[]', { origin: new URL(baseURL!).origin })).status()).toBeLessThan(500)
})

/** The session times out (its row stays, expired) or is ended elsewhere (its row is gone). */
async function endSession(email: string, how: 'expire' | 'delete') {
  const [user] = await e2eDb()`select id from users where email = ${email}`
  if (how === 'expire')
    await e2eDb()`update sessions set expires = now() - interval '1 minute' where user_id = ${user!.id}`
  else await e2eDb()`delete from sessions where user_id = ${user!.id}`
}

/** Signs in and starts a draft; the session ends (signed out elsewhere) before the next post. */
async function draftWithSession(page: Page, tag: string) {
  const email = `${tag}.${Date.now()}@example.org`
  await signInWithCode(page, email)
  await page.goto('/en/apply/first')
  await page.locator('input[name="permitType"][value="short_term"]').check()
  await fillDate(page, 'legalStayUntil', inDays(40))
  return email
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`posting a form after the session ended (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () => {
    test.use({ javaScriptEnabled })

    test('eligibility and a section lead to sign-in', async ({ page }) => {
      const statuses: number[] = []
      page.on('response', (res) => statuses.push(res.status()))
      const email = await draftWithSession(page, `ended-${javaScriptEnabled}`)
      // Eligibility.
      await endSession(email, 'expire')
      await page.locator('main form button[type=submit]').click()
      await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=/)

      // A section, then the submission of a draft.
      await signInWithCode(page, email)
      await page.goto('/en/apply/first')
      await page.locator('input[name="permitType"][value="short_term"]').check()
      await fillDate(page, 'legalStayUntil', inDays(40))
      await page.locator('main form button[type=submit]').click()
      await expect(page).toHaveURL(/\/en\/applications\/[0-9a-f-]{36}$/)
      const application = page.url()
      await page.goto(`${application}/personal`)
      await endSession(email, 'delete')
      await page.locator('main form button[name="intent"][value="later"]').click()
      await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=/)
      expect(statuses.filter((s) => s >= 500)).toEqual([])
      await expect(page.locator('body')).not.toContainText(NEVER)
    })
  })
}
