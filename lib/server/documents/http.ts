import 'server-only'
import { isLocale, type Locale } from '@/lib/domain/locales'
import {
  MAX_DOCUMENT_BYTES,
  MAX_PDF_PAGES,
  PHOTO_MIN_HEIGHT,
  PHOTO_MIN_WIDTH,
} from '@/lib/domain/uploads'
import { getT } from '@/lib/i18n/create-translator'
import { formatDimensions, formatFileSize } from '@/lib/i18n/format-size'
import { negotiateLocale } from '@/lib/i18n/negotiate-locale'
import { paths } from '@/lib/paths'
import { recordAccessRefusal } from '../access-refusals'
import { AccessDenied } from '../actor'
import { isCrossSite } from '../api/request-guard'
import type { UploadFailure } from './upload-document'

// Helpers for the document route handlers. Server actions get an origin check from Next.js;
// route handlers get none, so a cross-site form could post a file with the victim's cookie.

/**
 * True unless a browser tells us the request comes from another site. Browsers send
 * Sec-Fetch-Site and Origin on every POST and DELETE; a script without them holds its own
 * session and is no cross-site forgery.
 */
export function isSameOriginRequest(request: Request): boolean {
  return !isCrossSite(request)
}

/** A browser's form post wants a page back; an API client wants JSON. */
export function wantsHtml(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('text/html')
}

/** The `locale` parameter, else the first of Accept-Language we speak, else Turkish. */
export function requestLocale(request: Request, param: string | null): Locale {
  return isLocale(param) ? param : negotiateLocale(request.headers.get('accept-language'))
}

export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } })
}

const STATUS: Partial<Record<UploadFailure, number>> = {
  too_large: 413,
  type_not_allowed: 415,
  type_mismatch: 415,
  not_editable: 409,
  too_many_files: 409,
  unknown_item: 400,
  // The malware scanner did not answer (SECURITY.md UP-03): nothing was stored, try again.
  scan_unavailable: 503,
}

function errorJson(status: number, code: string, locale: Locale, maxBytes?: number): Response {
  const t = getT(locale, 'application')
  const message = t(`documents.errors.${code}`, {
    size: formatFileSize(locale, maxBytes ?? MAX_DOCUMENT_BYTES),
    dimensions: formatDimensions(PHOTO_MIN_WIDTH, PHOTO_MIN_HEIGHT),
    pages: MAX_PDF_PAGES,
  })
  // The same error shape as the rest of /api/v1: a stable code and a translated message.
  return Response.json(
    { error: { code, message } },
    { status, headers: { 'cache-control': 'no-store', 'content-language': locale } },
  )
}

export function failure(reason: UploadFailure, locale: Locale, maxBytes?: number): Response {
  const response = errorJson(STATUS[reason] ?? 422, reason, locale, maxBytes)
  if (response.status === 503) response.headers.set('retry-after', '60')
  return response
}

export function crossSite(locale: Locale): Response {
  return errorJson(403, 'cross_site', locale)
}

/** A refusal from lib/server as HTTP: sign in (page) or 401, 403, and 404 for not yours. */
export async function denied(
  error: unknown,
  html: boolean,
  locale: Locale,
  returnTo: string,
): Promise<Response> {
  if (!(error instanceof AccessDenied)) throw error
  await recordAccessRefusal(error, returnTo)
  if (error.reason === 'unauthenticated' && html)
    return seeOther(`${paths.signIn(locale)}?callbackUrl=${encodeURIComponent(returnTo)}`)
  const status = { unauthenticated: 401, forbidden: 403, not_found: 404 }[error.reason]
  return errorJson(status, error.reason, locale)
}
