import { NextRequest } from 'next/server'
import { describe, expect, it, vi } from 'vitest'
import { MAX_JSON_BODY_BYTES } from '@/lib/schemas/api/requests'
import { ApiError } from './errors'
import { assertNotCrossSite, isCrossSite, mutationBody } from './request-guard'

vi.mock('../auth/auth', () => ({ SESSION_COOKIE_NAME: 'ikamet.session' }))

const URL_ = 'https://ikamet.example.org/api/v1/applications'
const COOKIE = { cookie: 'ikamet.session=abc' }

function post(headers: Record<string, string>, body?: BodyInit) {
  return new NextRequest(URL_, { method: 'POST', headers, body })
}

async function refusal(promise: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof promise === 'function' ? promise() : promise)
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, code: error.code }
    throw error
  }
  return null
}

describe('cross-site requests (NX-07)', () => {
  it('tells same-origin from cross-site by Origin and Sec-Fetch-Site', () => {
    expect(isCrossSite(post({ origin: 'https://ikamet.example.org' }))).toBe(false)
    expect(isCrossSite(post({ origin: 'https://evil.example' }))).toBe(true)
    expect(isCrossSite(post({ origin: 'https://sub.ikamet.example.org' }))).toBe(true)
    expect(isCrossSite(post({ origin: 'null' }))).toBe(true)
    expect(isCrossSite(post({ 'sec-fetch-site': 'cross-site' }))).toBe(true)
    expect(isCrossSite(post({ 'sec-fetch-site': 'same-site' }))).toBe(true)
    expect(isCrossSite(post({ 'sec-fetch-site': 'same-origin' }))).toBe(false)
    expect(
      isCrossSite(post({ 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' })),
    ).toBe(true)
    // Not a browser: nothing to forge a cookie with.
    expect(isCrossSite(post({}))).toBe(false)
  })

  it('compares with the host the browser talked to, behind a trusted proxy too', () => {
    const behindProxy = new NextRequest('http://10.0.0.5:3000/api/v1/applications', {
      method: 'POST',
      headers: { origin: 'https://ikamet.example.org', 'x-forwarded-host': 'ikamet.example.org' },
    })
    // Forwarded headers count only when a proxy is declared.
    expect(isCrossSite(behindProxy)).toBe(true)
    vi.stubEnv('TRUSTED_PROXY_HOPS', '1')
    expect(isCrossSite(behindProxy)).toBe(false)
    vi.unstubAllEnvs()
    const hostHeader = new NextRequest('http://10.0.0.5:3000/api/v1/applications', {
      method: 'POST',
      headers: { origin: 'https://ikamet.example.org', host: 'ikamet.example.org' },
    })
    expect(isCrossSite(hostHeader)).toBe(false)
  })

  it('refuses a cross-site request with the session cookie, and only then', async () => {
    expect(
      await refusal(() => assertNotCrossSite(post({ ...COOKIE, origin: 'https://evil.example' }))),
    ).toEqual({
      status: 403,
      code: 'cross_site_request',
    })
    expect(
      await refusal(() => assertNotCrossSite(post({ ...COOKIE, 'sec-fetch-site': 'cross-site' }))),
    ).toEqual({ status: 403, code: 'cross_site_request' })
    // A bearer token is not sent by the browser on its own, so it needs no origin check.
    expect(
      await refusal(() =>
        assertNotCrossSite(
          post({ authorization: `Bearer ${'x'.repeat(43)}`, origin: 'https://evil.example' }),
        ),
      ),
    ).toBeNull()
    expect(
      await refusal(() =>
        assertNotCrossSite(post({ ...COOKIE, origin: 'https://ikamet.example.org' })),
      ),
    ).toBeNull()
  })

  it('refuses a cross-site text/plain form post before looking at its type', async () => {
    const form = post(
      { ...COOKIE, origin: 'https://evil.example', 'content-type': 'text/plain' },
      '{"kind":"first"}',
    )
    expect(await refusal(mutationBody(form))).toEqual({ status: 403, code: 'cross_site_request' })
  })
})

describe('reading a JSON body', () => {
  const json = { 'content-type': 'application/json' }

  it('parses JSON and answers undefined for no body', async () => {
    expect(await mutationBody(post(json, '{"a":"b"}'))).toEqual({ a: 'b' })
    expect(
      await mutationBody(post({ 'content-type': 'application/json; charset=utf-8' }, '[1]')),
    ).toEqual([1])
    expect(await mutationBody(post({}))).toBeUndefined()
    expect(await mutationBody(post(json, '  '))).toBeUndefined()
  })

  it('refuses what is not JSON', async () => {
    expect(await refusal(mutationBody(post(json, '{"a":')))).toEqual({
      status: 400,
      code: 'invalid_json',
    })
    expect(await refusal(mutationBody(post(json, new Uint8Array([0x7b, 0xff, 0x7d]))))).toEqual({
      status: 400,
      code: 'invalid_json',
    })
    expect(await refusal(mutationBody(post({ 'content-type': 'text/plain' }, '{}')))).toEqual({
      status: 415,
      code: 'unsupported_media_type',
    })
    expect(
      await refusal(
        mutationBody(post({ 'content-type': 'application/x-www-form-urlencoded' }, 'a=b')),
      ),
    ).toEqual({ status: 415, code: 'unsupported_media_type' })
    expect(await refusal(mutationBody(post({}, '{}')))).toEqual({
      status: 415,
      code: 'unsupported_media_type',
    })
  })

  it('refuses a body over the limit by its Content-Length, before reading it', async () => {
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(1024))
      },
    })
    const request = new NextRequest(URL_, {
      method: 'POST',
      headers: { ...json, 'content-length': String(MAX_JSON_BODY_BYTES + 1) },
      body: stream,
      duplex: 'half',
    } as ConstructorParameters<typeof NextRequest>[1])
    expect(await refusal(mutationBody(request))).toEqual({ status: 413, code: 'body_too_large' })
    expect(pulled).toBeLessThanOrEqual(1)
  })

  it('stops reading a body without a length once it passes the limit', async () => {
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new TextEncoder().encode(' '.repeat(8192)))
      },
    })
    const request = new NextRequest(URL_, {
      method: 'POST',
      headers: json,
      body: endless,
      duplex: 'half',
    } as ConstructorParameters<typeof NextRequest>[1])
    expect(await refusal(mutationBody(request))).toEqual({ status: 413, code: 'body_too_large' })
    expect(pulled * 8192).toBeLessThan(MAX_JSON_BODY_BYTES + 3 * 8192)
  })

  it('takes a body of exactly the limit', async () => {
    const body = `"${'a'.repeat(MAX_JSON_BODY_BYTES - 2)}"`
    expect(await mutationBody(post(json, body))).toHaveLength(MAX_JSON_BODY_BYTES - 2)
  })
})
