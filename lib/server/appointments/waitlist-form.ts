import 'server-only'
import type { FormState } from '@/lib/schemas/form-state'
import { Busy } from '../idempotency'
import { RateLimited } from '../rate-limit'
import type { WaitlistRefusal } from './waitlist'

/**
 * Runs a waitlist change for the page's form, like runBookingForm: a rate limit, a busy
 * database or a booking refusal becomes a translated message in the form. An offer that is
 * gone goes back to the page (`onOfferGone`), which shows it: its message lives in the
 * 'waitlist' namespace, which the form in the browser does not have.
 */
export async function runWaitlistForm(
  run: () => Promise<{ ok: true } | { ok: false; reason: WaitlistRefusal }>,
  onSuccess: () => never,
  onOfferGone: () => never,
): Promise<FormState> {
  let result: Awaited<ReturnType<typeof run>>
  try {
    result = await run()
  } catch (error) {
    if (error instanceof RateLimited)
      return {
        formError: {
          key: 'appointments:errors.rate_limited',
          values: { seconds: error.retryAfterSeconds },
        },
      }
    if (error instanceof Busy) return { formError: { key: 'appointments:errors.busy' } }
    throw error
  }
  if (result.ok) return onSuccess()
  if (result.reason === 'offer_gone') return onOfferGone()
  return { formError: { key: `appointments:errors.${result.reason}` } }
}
