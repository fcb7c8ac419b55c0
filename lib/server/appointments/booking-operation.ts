import 'server-only'
import type { Locale } from '@/lib/domain/locales'
import { pgCode, requestHash, runIdempotent, type Outcome, type Tx } from '../idempotency'
import { prepareBooking, type BookingContext } from './booking-guard'

/**
 * The applicant's idempotent changes. The names are stored in idempotency_keys.operation, and
 * a retry under a renamed one would answer key_reused: they do not change.
 */
export type BookingOperation =
  | 'appointment.hold'
  | 'appointment.confirm'
  | 'appointment.reschedule'
  | 'appointment.cancel'
  | 'waitlist.accept'
  | 'waitlist.decline'
  | 'draw.enter'
  | 'assignment.request'
  | 'assignment.cancel'

/** What every rate-limited booking request carries besides its own fields. */
export type BookingRequest = {
  applicationId: string
  idempotencyKey: string
  address: string
  locale: Locale
}

/**
 * Runs `work` once per (caller, key) for the caller's application. The same key for another
 * request (another application, or other `hashParts`: the slot, the choices) is key_reused.
 */
export function runApplicantOperation<R extends Outcome>(
  ctx: BookingContext,
  operation: BookingOperation,
  idempotencyKey: string,
  hashParts: unknown[],
  work: (tx: Tx, ctx: BookingContext) => Promise<R>,
) {
  return runIdempotent(
    {
      userId: ctx.userId,
      key: idempotencyKey,
      operation,
      requestHash: requestHash(operation, [ctx.applicationId, ...hashParts]),
    },
    (tx) => work(tx, ctx),
  )
}

/**
 * A booking change: the caller, rules and rate limits first (prepareBooking), then the work
 * once per key. Holding alone counts against the per-application daily cap.
 */
export async function runBookingOperation<R extends Outcome>(
  operation: BookingOperation,
  input: BookingRequest,
  hashParts: unknown[],
  work: (tx: Tx, ctx: BookingContext) => Promise<R>,
) {
  const limit = operation === 'appointment.hold' ? 'hold' : 'change'
  const ctx = await prepareBooking(input.applicationId, input.address, input.locale, limit)
  try {
    return await runApplicantOperation(ctx, operation, input.idempotencyKey, hashParts, work)
  } catch (error) {
    // The one-active-appointment index is the backstop for a race the row locks should
    // already order; if it ever fires, the answer is the refusal, not a 500.
    if (pgCode(error) === '23505') return { ok: false, reason: 'already_booked' } as const
    throw error
  }
}
