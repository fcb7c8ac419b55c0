import { NextResponse, type NextRequest } from 'next/server'
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/domain/locales'
import { negotiateLocale } from '@/lib/i18n/negotiate-locale'

// Routing only: picks a language and remembers it. Never a security check (design §3.3).
const LOCALE_COOKIE = 'ikamet.locale'
const LOCALE_HEADER = 'x-ikamet-locale'
const LOOKS_LIKE_LOCALE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i
// No page answers this address: app/[locale]/[...rest] turns it into the not-found page.
const UNKNOWN_LANGUAGE_PATH = `/${DEFAULT_LOCALE}/-/unknown-language`

function negotiate(req: NextRequest): Locale {
  const remembered = req.cookies.get(LOCALE_COOKIE)?.value
  if (isLocale(remembered)) return remembered
  return negotiateLocale(req.headers.get('accept-language'))
}

export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl
  const first = pathname.split('/')[1] ?? ''
  if (isLocale(first)) {
    // Tells not-found and error pages, which get no params, which language to speak.
    const headers = new Headers(req.headers)
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
    const headers = new Headers(req.headers)
    headers.set(LOCALE_HEADER, DEFAULT_LOCALE)
    return NextResponse.rewrite(new URL(UNKNOWN_LANGUAGE_PATH, req.url), { request: { headers } })
  }
  const target = req.nextUrl.clone()
  target.pathname = `/${negotiate(req)}${pathname === '/' ? '' : pathname}`
  target.search = search
  return NextResponse.redirect(target)
}

export const config = {
  matcher: ['/((?!api/|_next/|favicon\\.ico|robots\\.txt|.*\\.[a-z0-9]+$).*)'],
}
