import { NextResponse, type NextRequest } from 'next/server'
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/domain/locales'
import { negotiateLocale } from '@/lib/i18n/negotiate-locale'
import { isDevelopment, isProxyPassThrough } from '@/lib/server/env'
import { actionPostRefusal } from '@/lib/server/http/action-request'
import { malformedRequestReason } from '@/lib/server/http/malformed-request'
import { publicOrigin } from '@/lib/server/http/request-origin'
import {
  newNonce,
  pageCsp,
  RESOURCE_CSP,
  securityHeaders,
} from '@/lib/server/http/security-headers'

// Language routing, and the headers every answer carries. Never an access check (design §3.3).
const LOCALE_COOKIE = 'ikamet.locale'
const LOCALE_HEADER = 'x-ikamet-locale'
const LOOKS_LIKE_LOCALE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i
// No page answers this address: app/[locale]/[...rest] turns it into the not-found page.
const UNKNOWN_LANGUAGE_PATH = `/${DEFAULT_LOCALE}/-/unknown-language`
// Files at the root (icon.svg, robots.txt) are neither pages nor personal data. Anything under
// a language is a page, a missing one included.
const FILE_PATH = /^\/[^/]+\.[a-z0-9]+$/i

function negotiate(req: NextRequest): Locale {
  const remembered = req.cookies.get(LOCALE_COOKIE)?.value
  if (isLocale(remembered)) return remembered
  return negotiateLocale(req.headers.get('accept-language'))
}

function route(req: NextRequest, headers: Headers): NextResponse {
  const { pathname, search } = req.nextUrl
  const first = pathname.split('/')[1] ?? ''
  if (isLocale(first)) {
    // Tells not-found and error pages, which get no params, which language to speak.
    headers.set(LOCALE_HEADER, first)
    const res = NextResponse.next({ request: { headers } })
    if (req.cookies.get(LOCALE_COOKIE)?.value !== first) {
      res.cookies.set(LOCALE_COOKIE, first, {
        path: '/',
        sameSite: 'lax',
        maxAge: 60 * 60 * 24 * 365,
      })
    }
    return res
  }
  // An unknown language code is a missing page, not a path to prefix: the default language's
  // not-found page, with the site header (the [locale] layout cannot render for "de").
  if (LOOKS_LIKE_LOCALE.test(first)) {
    headers.set(LOCALE_HEADER, DEFAULT_LOCALE)
    return NextResponse.rewrite(new URL(UNKNOWN_LANGUAGE_PATH, req.url), { request: { headers } })
  }
  const target = req.nextUrl.clone()
  target.pathname = `/${negotiate(req)}${pathname === '/' ? '' : pathname}`
  target.search = search
  return NextResponse.redirect(target)
}

/**
 * The request as the app reads it. The forwarded host and protocol become the ones the
 * trusted-proxy setting accepts (lib/server/http/request-origin): Auth.js builds addresses
 * from X-Forwarded-Host, and a made-up or multi-entry value failed every sign-in check with a
 * 500 (issue 14).
 */
function trustedRequestHeaders(req: NextRequest, origin: URL): Headers {
  const headers = new Headers(req.headers)
  headers.set('x-forwarded-host', origin.host)
  headers.set('x-forwarded-proto', origin.protocol.slice(0, -1))
  return headers
}

function refusal(status: number): NextResponse {
  const text = status === 403 ? 'Forbidden' : status === 413 ? 'Payload too large' : 'Bad request'
  return new NextResponse(text, { status, headers: { 'content-type': 'text/plain' } })
}

/** The answer, given what the server-action check found (null: nothing to refuse). */
function respond(req: NextRequest, actionRefusal: number | null): NextResponse {
  const { pathname } = req.nextUrl
  const isApi = pathname.startsWith('/api/') || pathname.startsWith('/_next/')
  const isFile = !isApi && FILE_PATH.test(pathname)
  const nonce = newNonce()
  const csp = isApi || isFile ? RESOURCE_CSP : pageCsp(nonce, isDevelopment())
  const origin = new URL(publicOrigin(req.headers, req.url))
  let res: NextResponse
  if (malformedRequestReason(pathname, req.headers)) {
    res = refusal(400)
  } else if (actionRefusal) {
    res = refusal(actionRefusal)
  } else if (isApi || isFile) {
    res = NextResponse.next({ request: { headers: trustedRequestHeaders(req, origin) } })
  } else {
    // Next.js reads the nonce from the request's policy and puts it on its own scripts.
    const headers = trustedRequestHeaders(req, origin)
    headers.set('content-security-policy', csp)
    headers.set('x-nonce', nonce)
    res = route(req, headers)
  }
  const https = origin.protocol === 'https:'
  for (const [name, value] of Object.entries(securityHeaders({ csp, https, noStore: !isFile })))
    res.headers.set(name, value)
  return res
}

export function proxy(req: NextRequest): NextResponse | Promise<NextResponse> {
  // As if there were no proxy: the bypass test shows access does not depend on it (NX-03).
  if (isProxyPassThrough()) return NextResponse.next()
  if (req.method !== 'POST') return respond(req, null)
  // Reads a copy of the body: the page still gets the post as sent.
  const post = {
    method: req.method,
    pathname: req.nextUrl.pathname,
    headers: req.headers,
    text: () => req.clone().text(),
    formData: () => req.clone().formData(),
  }
  const publicHost = new URL(publicOrigin(req.headers, req.url)).host
  return actionPostRefusal(post, publicHost).then((status) => respond(req, status))
}

export const config = {
  // Everything but the build's own hashed files, which carry no personal data.
  matcher: ['/((?!_next/static/|_next/image).*)'],
}
