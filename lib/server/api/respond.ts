import 'server-only'
import { unstable_rethrow } from 'next/navigation'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { negotiateLocale } from '@/lib/i18n/negotiate-locale'
import { NAMESPACES } from '@/lib/i18n/settings'
import type { ApiErrorBody } from '@/lib/schemas/api/responses'
import { recordAccessRefusal } from '../access-refusals'
import { AccessDenied, requireSignedIn } from '../actor'
import { Refused, StaleVersion } from '../errors'
import { Busy } from '../idempotency'
import { DatabaseUnavailable, isConnectionLost } from '../transaction'
import { RateLimited } from '../rate-limit'
import { ApiError } from './errors'

const NO_STORE = { 'cache-control': 'no-store' }

export function apiJson(data: unknown, status = 200, headers: Record<string, string> = {}) {
  return Response.json(data, { status, headers: { ...NO_STORE, ...headers } })
}

function errorResponse(error: ApiError, locale: Locale): Response {
  const t = getT(locale, NAMESPACES)
  const { values, fields, details, headers } = error.options
  const body: ApiErrorBody = {
    error: {
      code: error.code,
      message: t(error.messageKey, values ?? {}),
      ...(fields && {
        fields: Object.fromEntries(Object.entries(fields).map(([f, key]) => [f, t(key)])),
      }),
      ...(details && { details }),
    },
  }
  return apiJson(body, error.status, { 'content-language': locale, ...headers })
}

/**
 * What the log gets about an unexpected error: its kind, database error code and stack frames,
 * but not its message, which for a failed query carries the parameters (passport numbers …).
 */
function describeForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error }
  const cause = error.cause as { code?: unknown } | undefined
  const code = (error as { code?: unknown }).code ?? cause?.code
  return {
    name: error.name,
    ...(typeof code === 'string' && { code }),
    stack: error.stack?.split('\n').slice(1, 8).join('\n'),
  }
}

const DENIED: Record<AccessDenied['reason'], ApiError> = {
  unauthenticated: new ApiError(401, 'unauthenticated', 'api:errors.unauthenticated', {
    headers: { 'www-authenticate': 'Bearer' },
  }),
  forbidden: new ApiError(403, 'forbidden', 'api:errors.forbidden'),
  // Someone else's record and a missing one get the same answer.
  not_found: new ApiError(404, 'not_found', 'api:errors.not_found'),
}

// Refusals a handler can reach before the data-access layer has asked who is calling.
const BEFORE_SIGN_IN_CHECK = new Set([400, 404, 413, 415])

async function toErrorResponse(
  error: unknown,
  locale: Locale,
  isPublic: boolean,
  path: string,
): Promise<Response> {
  unstable_rethrow(error)
  if (error instanceof ApiError) {
    // Without a session the answer is 401 whatever else is wrong with the request (NX-01).
    if (!isPublic && BEFORE_SIGN_IN_CHECK.has(error.status)) {
      try {
        await requireSignedIn()
      } catch (denied) {
        return toErrorResponse(denied, locale, true, path)
      }
    }
    return errorResponse(error, locale)
  }
  if (error instanceof AccessDenied) {
    await recordAccessRefusal(error, path)
    return errorResponse(DENIED[error.reason], locale)
  }
  if (error instanceof RateLimited) {
    const seconds = String(error.retryAfterSeconds)
    return errorResponse(
      new ApiError(429, 'rate_limited', 'api:errors.rate_limited', {
        values: { seconds },
        headers: { 'retry-after': seconds },
      }),
      locale,
    )
  }
  if (error instanceof StaleVersion)
    return errorResponse(new ApiError(409, 'stale_version', 'common:errors.stale_version'), locale)
  if (error instanceof Refused)
    return errorResponse(
      new ApiError(error.status, error.reason, [error.messageKey, 'api:errors.refused'], {
        values: error.values,
        details: error.values,
      }),
      locale,
    )
  if (error instanceof Busy)
    return errorResponse(
      new ApiError(409, 'busy', 'api:errors.busy', { headers: { 'retry-after': '2' } }),
      locale,
    )
  // Restarting or cut off: the client repeats the request, with the same idempotency key (DF-02).
  if (error instanceof DatabaseUnavailable || isConnectionLost(error))
    return errorResponse(
      new ApiError(503, 'unavailable', 'api:errors.unavailable', {
        headers: { 'retry-after': '5' },
      }),
      locale,
    )
  console.error('api: unexpected error', describeForLog(error))
  return errorResponse(new ApiError(500, 'internal_error', 'api:errors.internal_error'), locale)
}

/**
 * Runs one API operation and turns every refusal into the JSON error model, in the language
 * of `Accept-Language`. Anything unexpected is logged here and answered 500 without details.
 */
export async function handleApi(
  request: Request,
  run: (locale: Locale) => Promise<Response>,
  { isPublic = false }: { isPublic?: boolean } = {},
): Promise<Response> {
  const locale = negotiateLocale(request.headers.get('accept-language'))
  try {
    return await run(locale)
  } catch (error) {
    return toErrorResponse(error, locale, isPublic, new URL(request.url).pathname)
  }
}
