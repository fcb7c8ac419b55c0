import 'server-only'
import type { FormState } from '@/lib/schemas/form-state'
import { recordAccessRefusal } from '../access-refusals'
import { AccessDenied } from '../actor'
import { Busy } from '../idempotency'
import { DatabaseUnavailable, isConnectionLost } from '../transaction'
import { RateLimited } from '../rate-limit'

type Outcome<Reason extends string> = { ok: true } | { ok: false; reason: Reason }

/** A refusal as its message in the 'appointments' namespace, which every booking form has. */
export const bookingRefusal = (reason: string): FormState => ({
  formError: { key: `appointments:errors.${reason}` },
})

/**
 * Runs an appointment change (booking, waitlist, assigned mode) for a page's form: a rate
 * limit or a busy database becomes a translated message, and a refusal what `refused` makes
 * of it (by default its 'appointments' message). The typed `values` stay in the form with
 * every message. Success goes on to `onSuccess` (a redirect).
 */
export async function runBookingForm<Reason extends string>(
  run: () => Promise<Outcome<Reason>>,
  onSuccess: () => never,
  options: { refused?: (reason: Reason) => FormState; values?: Record<string, string> } = {},
): Promise<FormState> {
  const { refused = bookingRefusal, values } = options
  const withValues = (state: FormState): FormState => (values ? { ...state, values } : state)
  let result: Outcome<Reason>
  try {
    result = await run()
  } catch (error) {
    if (error instanceof RateLimited)
      return withValues({
        formError: {
          key: 'appointments:errors.rate_limited',
          values: { seconds: error.retryAfterSeconds },
        },
      })
    if (error instanceof Busy) return withValues({ formError: { key: 'appointments:errors.busy' } })
    // The form keeps its idempotency key, so sending it again cannot book twice (DF-02).
    if (error instanceof DatabaseUnavailable || isConnectionLost(error))
      return withValues({ formError: { key: 'common:errors.unavailable' } })
    // A session that ended while the page was open, or an application that is not theirs.
    if (error instanceof AccessDenied) {
      await recordAccessRefusal(error, 'booking-form')
      return {
        formError: {
          key:
            error.reason === 'unauthenticated'
              ? 'appointments:errors.signed_out'
              : 'appointments:errors.not_found',
        },
      }
    }
    throw error
  }
  if (result.ok) return onSuccess()
  return withValues(refused(result.reason))
}
