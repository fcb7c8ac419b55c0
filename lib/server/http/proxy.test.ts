// proxy.ts as the first code every request meets: the headers it puts on answers, and what it
// refuses before Next.js would fail on it (issue 14). The served pages are checked end to end
// in e2e/security-headers.spec.ts.
import { NextRequest, type NextResponse } from 'next/server'
import { afterEach, describe, expect, it } from 'vitest'
import { proxy } from '@/proxy'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

/** A GET: the proxy answers it at once (only posts wait for their body to be read). */
function call(path: string, headers: Record<string, string> = {}): NextResponse {
  const res = proxy(new NextRequest(`http://localhost:3000${path}`, { headers }))
  if (res instanceof Promise) throw new Error('a GET should be answered without waiting')
  return res
}

function directives(csp: string | null): Map<string, string> {
  return new Map(
    (csp ?? '').split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name!, values.join(' ')]
    }),
  )
}

describe('the security headers', () => {
  it('give every page a strict policy with a fresh nonce, which Next.js reads too', () => {
    const first = call('/en/track')
    const second = call('/en/track')
    const policy = directives(first.headers.get('content-security-policy'))
    expect(policy.get('script-src')).toMatch(/^'nonce-[A-Za-z0-9+/=]{22,}' 'strict-dynamic'$/)
    expect(policy.get('object-src')).toBe(`'none'`)
    expect(policy.get('base-uri')).toBe(`'none'`)
    expect(policy.get('frame-ancestors')).toBe(`'none'`)
    expect(first.headers.get('content-security-policy')).not.toBe(
      second.headers.get('content-security-policy'),
    )
    // The policy travels on to the page render, where Next.js takes the nonce for its scripts.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(
      first.headers.get('content-security-policy'),
    )
    expect(first.headers.get('x-middleware-request-x-nonce')).toBeTruthy()
  })

  it('are on pages, redirects, API answers and files alike', () => {
    for (const path of ['/en', '/', '/de/x', '/api/v1/applications', '/api/health', '/icon.svg']) {
      const res = call(path)
      expect(res.headers.get('content-security-policy'), path).toContain(`frame-ancestors 'none'`)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin')
    }
  })

  it('forbid storing pages and API answers, which may carry personal data', () => {
    for (const path of ['/en/applications', '/en/staff', '/api/v1/applications'])
      expect(call(path).headers.get('cache-control'), path).toBe('no-store')
  })

  it('turn on HSTS on an https deployment only', () => {
    expect(call('/en').headers.get('strict-transport-security')).toBeNull()
    // A client cannot switch it on by claiming https without a trusted proxy …
    expect(
      call('/en', { 'x-forwarded-proto': 'https' }).headers.get('strict-transport-security'),
    ).toBeNull()
    // … a trusted proxy can, and so does an https public address.
    process.env.TRUSTED_PROXY_HOPS = '1'
    expect(
      call('/en', { 'x-forwarded-proto': 'https' }).headers.get('strict-transport-security'),
    ).toMatch(/^max-age=\d{8,}; includeSubDomains$/)
    process.env.TRUSTED_PROXY_HOPS = '0'
    process.env.AUTH_URL = 'https://ikamet.example.org'
    expect(call('/api/health').headers.get('strict-transport-security')).toMatch(/max-age=/)
  })
})

describe('the forwarded host the app and Auth.js read', () => {
  const seen = (res: Response) => res.headers.get('x-middleware-request-x-forwarded-host')

  it('is the one the trusted-proxy setting accepts, never a made-up one', () => {
    // Without a trusted proxy a client's X-Forwarded-Host does not count; a broken one made
    // Auth.js fail with a 500 on every page that reads the session.
    expect(seen(call('/en/applications', { 'x-forwarded-host': '<script>' }))).toBe(
      'localhost:3000',
    )
    expect(seen(call('/api/v1/applications', { 'x-forwarded-host': 'evil.example' }))).toBe(
      'localhost:3000',
    )
    process.env.TRUSTED_PROXY_HOPS = '1'
    const viaProxy = call('/en', { 'x-forwarded-host': 'spoofed.example, portal.example.org' })
    expect(seen(viaProxy)).toBe('portal.example.org')
    expect(seen(call('/en', { 'x-forwarded-host': '<script>' }))).toBe('localhost:3000')
  })
})

describe('requests Next.js cannot read', () => {
  it('answer 400 for a broken percent-escape in the path', () => {
    for (const path of ['/api/v1/applications/%ZZ', '/en/staff/%ZZ', '/api/auth/%ZZ', '/%E0%A4%A'])
      expect(call(path).status, path).toBe(400)
    expect(call('/en/staff/%20').status).not.toBe(400)
  })

  it('answer 400 for a router-state header that is not a route tree', () => {
    for (const value of ['%ZZ', '[1', 'null', '[[1,2],{"a":5}]', 'x'.repeat(50_000)])
      expect(call('/en/track', { 'next-router-state-tree': value }).status, value).toBe(400)
    const valid = encodeURIComponent(JSON.stringify(['', { children: ['en', {}] }]))
    expect(call('/en/track', { 'next-router-state-tree': valid }).status).toBe(200)
  })
})

describe('server-action posts Next.js would fail on (RB-03)', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    proxy(
      new NextRequest('http://localhost:3000/en/track', {
        method: 'POST',
        headers: { 'next-action': '7f'.repeat(21), 'content-type': 'text/plain', ...headers },
        body,
      }),
    )

  it('answer 400 for a body React cannot decode, 403 from another site, 413 past 1 MB', async () => {
    expect((await post('["$Q1"]')).status).toBe(400)
    expect((await post('[]', { origin: 'https://elsewhere.example' })).status).toBe(403)
    expect((await post(`["${'a'.repeat(1024 * 1024)}"]`)).status).toBe(413)
  })

  it('let a well-formed call from this site through, with its headers', async () => {
    const res = await post('[{"ok":true},"$K1"]', { origin: 'http://localhost:3000' })
    expect(res.headers.get('x-middleware-next')).toBe('1')
    expect(res.headers.get('content-security-policy')).toMatch(/nonce-/)
  })
})

describe('the pass-through flag of the bypass test', () => {
  it('makes the proxy hand every request on untouched, and only when set to 1', () => {
    process.env.PROXY_PASS_THROUGH = '1'
    const res = call('/')
    expect(res.headers.get('x-middleware-next')).toBe('1')
    expect(res.headers.get('location')).toBeNull()
    expect(res.headers.get('content-security-policy')).toBeNull()
    process.env.PROXY_PASS_THROUGH = '0'
    expect(call('/').headers.get('location')).toMatch(/\/[a-z]{2}$/)
  })
})
