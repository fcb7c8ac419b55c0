import { readdirSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test'
import { signInWithCode } from './support/sign-in'

// Every page and route handler of the build, as anonymous visitor, applicant and staff member:
// each answer carries the browser protections of issue 14 (SECURITY.md, "Browser protections").

const SAMPLE: Record<string, string> = {
  locale: 'en',
  id: '0b6c4d5e-1f2a-4b3c-8d4e-5f6a7b8c9d0e',
  documentId: '1c7d5e6f-2a3b-4c4d-9e5f-6a7b8c9d0e1f',
  task: 'personal',
  kind: 'first',
  section: 'cases',
  rest: 'no-such-page',
  nextauth: 'session',
}

/** Every address the app answers, from its files: app/**\/page.tsx and route.ts. */
function routes(dir = path.join(process.cwd(), 'app'), prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      const name = entry.name
      if (/^\(.*\)$/.test(name)) return routes(path.join(dir, name), prefix) // route group
      const param = /^\[(?:\.\.\.)?(\w+)\]$/.exec(name)?.[1]
      const segment = param ? (SAMPLE[param] ?? 'x') : name
      return routes(path.join(dir, name), `${prefix}/${segment}`)
    }
    return entry.name === 'page.tsx' || entry.name === 'route.ts' ? [prefix || '/'] : []
  })
}

const PAGES = routes().filter((r) => !r.startsWith('/api/'))
const APIS = routes().filter((r) => r.startsWith('/api/'))

function policy(res: APIResponse): Map<string, string> {
  return new Map(
    (res.headers()['content-security-policy'] ?? '').split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name!, values.join(' ')]
    }),
  )
}

async function expectProtected(res: APIResponse, where: string) {
  const headers = res.headers()
  expect(res.status(), where).toBeLessThan(500)
  const csp = policy(res)
  expect(csp.get('object-src'), where).toBe(`'none'`)
  expect(csp.get('base-uri'), where).toBe(`'none'`)
  expect(csp.get('frame-ancestors'), where).toBe(`'none'`)
  expect(headers['x-content-type-options'], where).toBe('nosniff')
  expect(['no-referrer', 'same-origin', 'strict-origin'], where).toContain(
    headers['referrer-policy'],
  )
  expect(headers['cache-control'], where).toContain('no-store')
  // Plain http here (the https case is in lib/server/http/proxy.test.ts): no HSTS on http.
  expect(headers['strict-transport-security'], where).toBeUndefined()
  if (!(headers['content-type'] ?? '').startsWith('text/html')) return
  // A page: its scripts run by this request's nonce, and Next.js put it on every one of them.
  const nonce = /^'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'$/.exec(csp.get('script-src') ?? '')
  expect(nonce, where).not.toBeNull()
  const html = await res.text()
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
  expect(scripts.length, where).toBeGreaterThan(0)
  for (const tag of scripts) expect(tag, where).toContain(`nonce="${nonce![1]}"`)
  expect(html, where).not.toContain('$undefined"')
}

async function walk(request: APIRequestContext, addresses: string[]) {
  for (const address of addresses) {
    const res = await request.get(address, { maxRedirects: 0 })
    await expectProtected(res, `GET ${address}`)
  }
}

test('every page and route answers with the protections, signed out', async ({ request }) => {
  expect(PAGES.length).toBeGreaterThan(30)
  expect(APIS.length).toBeGreaterThan(20)
  await walk(request, [...PAGES, ...APIS, '/', '/de/x', '/en/x.png'])
  for (const address of APIS.filter((a) => a.startsWith('/api/v1/'))) {
    const res = await request.post(address, { data: {}, maxRedirects: 0 })
    await expectProtected(res, `POST ${address}`)
  }
})

test('signed-in pages and answers are never stored, for applicants and staff', async ({ page }) => {
  await signInWithCode(page, `headers.${Date.now()}@example.org`)
  await expect(page).toHaveURL(/\/en\/applications$/)
  await walk(page.request, [...PAGES, ...APIS.filter((a) => a.startsWith('/api/v1/'))])
})

test('a page gets a new nonce on every request, and runs with no policy violation', async ({
  page,
}) => {
  const violations: string[] = []
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(msg.text()))
      violations.push(msg.text())
  })
  const first = await page.request.get('/en/track')
  const second = await page.request.get('/en/track')
  expect(policy(first).get('script-src')).not.toBe(policy(second).get('script-src'))
  // React runs under the policy: the form checks the address in the browser.
  await page.goto('/en/track')
  await page.goto('/en/sign-in')
  await page.locator('#email').fill('not-an-address')
  await page.locator('main form button[type=submit]').click()
  await expect(page.locator('.error-summary')).toBeVisible()
  expect(violations).toEqual([])
})
