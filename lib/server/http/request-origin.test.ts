import { afterEach, describe, expect, it, vi } from 'vitest'
import { clientAddress, publicOrigin } from './request-origin'

vi.mock('server-only', () => ({}))

const headers = (values: Record<string, string>) => new Headers(values)
// What Next.js hands a route handler under `next start`, whatever host the browser used.
const NEXT_URL = 'http://localhost:3000/api/auth/callback/email-code'

afterEach(() => vi.unstubAllEnvs())

describe('publicOrigin', () => {
  it('uses the host the person typed, not the name the server started with', () => {
    expect(publicOrigin(headers({ host: '127.0.0.1:3000' }), NEXT_URL)).toBe(
      'http://127.0.0.1:3000',
    )
    expect(publicOrigin(headers({ host: 'ikamet.test:3000' }), NEXT_URL)).toBe(
      'http://ikamet.test:3000',
    )
  })

  it('ignores forwarded headers unless a proxy is trusted', () => {
    const sent = headers({
      host: '10.0.0.5:3000',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    })
    expect(publicOrigin(sent, NEXT_URL)).toBe('http://10.0.0.5:3000')
    vi.stubEnv('TRUSTED_PROXY_HOPS', '1')
    expect(publicOrigin(sent, NEXT_URL)).toBe('https://evil.example')
  })

  it('takes the entry the trusted proxy wrote when a client adds its own', () => {
    vi.stubEnv('TRUSTED_PROXY_HOPS', '1')
    const sent = headers({
      host: '10.0.0.5:3000',
      'x-forwarded-host': 'spoofed.example, ikamet.example.org',
      'x-forwarded-proto': 'http, https',
    })
    expect(publicOrigin(sent, NEXT_URL)).toBe('https://ikamet.example.org')
  })

  it('prefers AUTH_URL when the deployment states it', () => {
    vi.stubEnv('AUTH_URL', 'https://ikamet.example.org')
    expect(publicOrigin(headers({ host: '127.0.0.1:3000' }), NEXT_URL)).toBe(
      'https://ikamet.example.org',
    )
  })

  it('falls back to the request URL for a malformed host', () => {
    expect(publicOrigin(headers({ host: 'bad host/../x' }), NEXT_URL)).toBe('http://localhost:3000')
  })
})

describe('clientAddress', () => {
  it('reads the address Next.js recorded, or the one the trusted proxy appended', () => {
    expect(clientAddress(headers({ 'x-forwarded-for': '203.0.113.9' }))).toBe('203.0.113.9')
    vi.stubEnv('TRUSTED_PROXY_HOPS', '2')
    expect(clientAddress(headers({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 10.0.0.2' }))).toBe(
      '203.0.113.9',
    )
    expect(clientAddress(headers({}))).toBe('unknown')
  })
})
