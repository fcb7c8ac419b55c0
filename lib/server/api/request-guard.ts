import 'server-only'
import type { NextRequest } from 'next/server'
import { MAX_JSON_BODY_BYTES } from '@/lib/schemas/api/requests'
import { SESSION_COOKIE_NAME } from '../auth/auth'
import { publicOrigin } from '../http/request-origin'
import { ApiError } from './errors'

// Route handlers get no CSRF protection from Next.js (security.md NX-07), and a cross-site
// form can post `text/plain` JSON without a preflight. Every non-GET handler of the API reads
// its body through `mutationBody`, which refuses such requests first.

function carriesSessionCookie(request: NextRequest): boolean {
  return request.cookies
    .getAll()
    .some((c) => c.name === SESSION_COOKIE_NAME || c.name.startsWith(`${SESSION_COOKIE_NAME}.`))
}

/**
 * Whether the browser says the request comes from another site: `Sec-Fetch-Site` other than
 * same-origin (or none, typed by the user), or an `Origin` whose host is not ours. Clients
 * that send neither header are not browsers, and cannot be made to carry a victim's cookie.
 */
export function isCrossSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site')
  if (site !== null && site !== 'same-origin' && site !== 'none') return true
  const origin = request.headers.get('origin')
  if (origin === null) return false
  let originHost: string
  try {
    originHost = new URL(origin).host // "null" (sandboxed frames, some redirects) throws
  } catch {
    return true
  }
  // The host the browser talked to (behind a trusted proxy, its X-Forwarded-Host). A
  // cross-site page cannot set either header.
  const ownHost = new URL(publicOrigin(request.headers, request.url)).host
  return originHost.toLowerCase() !== ownHost
}

/** 403 for a cross-site request that rides on the cookie session; a bearer token is exempt. */
export function assertNotCrossSite(request: NextRequest): void {
  if (carriesSessionCookie(request) && isCrossSite(request))
    throw new ApiError(403, 'cross_site_request', 'api:errors.cross_site_request')
}

const tooLarge = () =>
  new ApiError(413, 'body_too_large', 'api:errors.body_too_large', {
    values: { limit: String(MAX_JSON_BODY_BYTES / 1024) },
  })

function isJsonType(contentType: string | null): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase()
  return (
    type === 'application/json' ||
    (type?.startsWith('application/') && type.endsWith('+json')) === true
  )
}

/** The body as text, read no further than the limit. */
async function readCapped(request: NextRequest, limit: number): Promise<string> {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > limit) throw tooLarge()
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ApiError(400, 'invalid_json', 'api:errors.invalid_json')
  }
}

/**
 * For every state-changing handler: refuses cross-site cookie requests (403), bodies over the
 * limit (413) and anything but JSON (415, 400), and answers the parsed body, or undefined
 * when there is none.
 */
export async function mutationBody(
  request: NextRequest,
  limit = MAX_JSON_BODY_BYTES,
): Promise<unknown> {
  assertNotCrossSite(request)
  const contentType = request.headers.get('content-type')
  if (contentType !== null && !isJsonType(contentType))
    throw new ApiError(415, 'unsupported_media_type', 'api:errors.unsupported_media_type')
  const text = await readCapped(request, limit)
  if (text.trim() === '') return undefined
  if (contentType === null)
    throw new ApiError(415, 'unsupported_media_type', 'api:errors.unsupported_media_type')
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ApiError(400, 'invalid_json', 'api:errors.invalid_json')
  }
}
