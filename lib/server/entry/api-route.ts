import 'server-only'
import type { NextRequest } from 'next/server'
import type { z } from 'zod'
import type { Locale } from '@/lib/domain/locales'
import { parseInput } from '../api/errors'
import { mutationBody } from '../api/request-guard'
import { apiJson, handleApi } from '../api/respond'

type Spec<Params, Input, Result> = {
  params?: z.ZodType<Params>
  /** GET: the query string; other methods: the JSON body (read through mutationBody). */
  input?: z.ZodType<Input>
  isPublic?: boolean
  run: (args: {
    input: Input
    params: Params
    locale: Locale
    request: NextRequest
  }) => Promise<Result>
  respond?: (result: Result) => Response
}

type RouteContext = { params: Promise<Record<string, string | string[]>> }

/**
 * The one way a route handler runs (ARCHITECTURE.md EP-02): path parameters and input parsed
 * with strict zod schemas (400 naming each field), one data-access call, and every domain
 * error mapped by `handleApi` — 401/403/404, 409 stale or busy, 422 refused, 429 with
 * Retry-After — as `{ error: { code, message } }` in the caller's language.
 */
export function apiRoute<Params = Record<string, never>, Input = undefined, Result = unknown>(
  spec: Spec<Params, Input, Result>,
) {
  // Routes without path parameters are also called with the request alone (tests, scripts).
  return (request: NextRequest, context?: RouteContext): Promise<Response> =>
    handleApi(
      request,
      async (locale) => {
        const params = spec.params ? parseInput(spec.params, await context?.params) : ({} as Params)
        let input = undefined as Input
        if (spec.input) {
          const raw =
            request.method === 'GET' || request.method === 'HEAD'
              ? Object.fromEntries(request.nextUrl.searchParams)
              : await mutationBody(request)
          input = parseInput(spec.input, raw ?? {})
        }
        const result = await spec.run({ input, params, locale, request })
        return spec.respond ? spec.respond(result) : apiJson(result)
      },
      { isPublic: spec.isPublic },
    )
}
