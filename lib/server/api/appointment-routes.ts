import 'server-only'
import type { NextRequest } from 'next/server'
import type { Locale } from '@/lib/domain/locales'
import { IDEMPOTENCY_KEY_HEADER, submitHeadersSchema } from '@/lib/schemas/api/requests'
import type { BookingResult } from '../appointments/appointment-view'
import { clientAddress } from '../http/request-origin'
import { ApiError, parseInput } from './errors'
import { apiJson, handleApi } from './respond'

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
 * One booking operation over HTTP: the Idempotency-Key header, the caller's address for the
 * rate limit, and the answer as the appointment or the refusal.
 */
export function bookingRoute<B>(
  request: NextRequest,
  params: Promise<{ id: string }>,
  readBody: () => Promise<B>,
  run: BookingRun<B>,
): Promise<Response> {
  return handleApi(request, async (locale) => {
    const body = await readBody()
    const headers = parseInput(submitHeadersSchema, {
      [IDEMPOTENCY_KEY_HEADER]: request.headers.get(IDEMPOTENCY_KEY_HEADER) ?? undefined,
    })
    const { id } = await params
    const result = await run(
      {
        applicationId: id,
        idempotencyKey: headers[IDEMPOTENCY_KEY_HEADER],
        address: clientAddress(request.headers),
        locale,
      },
      body,
    )
    if (!result.ok) throw bookingRefusal(result.reason)
    return apiJson({ appointment: result.appointment })
  })
}
