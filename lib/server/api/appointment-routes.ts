import 'server-only'
import { z } from 'zod'
import type { Locale } from '@/lib/domain/locales'
import { IDEMPOTENCY_KEY_HEADER, submitHeadersSchema } from '@/lib/schemas/api/requests'
import type { BookingResult } from '../appointments/appointment-view'
import { clientAddress } from '../http/request-origin'
import { ApiError, parseInput } from './errors'
import { apiRoute } from '../entry/api-route'

// 409: the state of things said no (full, taken, already booked); 422: a rule said no.
const CONFLICTS = new Set(['slot_full', 'already_booked', 'hold_expired', 'same_slot'])

export function bookingRefusal(reason: string): ApiError {
  if (reason === 'key_reused') return new ApiError(422, reason, 'api:errors.key_reused')
  return new ApiError(CONFLICTS.has(reason) ? 409 : 422, reason, `appointments:errors.${reason}`)
}

type BookingRun<B> = (
  input: { applicationId: string; idempotencyKey: string; address: string; locale: Locale },
  body: B,
) => Promise<BookingResult>

/**
 * One booking operation over HTTP, on apiRoute (ARCHITECTURE.md EP-02): the body parsed with
 * `body`, the Idempotency-Key header, the caller's address for the rate limit, and the answer
 * as the appointment or the refusal.
 */
export function bookingRoute<B>(body: z.ZodType<B>, run: BookingRun<B>) {
  return apiRoute({
    params: z.object({ id: z.string().max(64) }),
    input: body,
    run: async ({ params, input, request, locale }) => {
      const headers = parseInput(submitHeadersSchema, {
        [IDEMPOTENCY_KEY_HEADER]: request.headers.get(IDEMPOTENCY_KEY_HEADER) ?? undefined,
      })
      const result = await run(
        {
          applicationId: params.id,
          idempotencyKey: headers[IDEMPOTENCY_KEY_HEADER],
          address: clientAddress(request.headers),
          locale,
        },
        input,
      )
      if (!result.ok) throw bookingRefusal(result.reason)
      return { appointment: result.appointment }
    },
  })
}
