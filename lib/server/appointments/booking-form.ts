import 'server-only'
import type { FormState } from '@/lib/schemas/form-state'
import { Busy } from '../idempotency'
import { RateLimited } from '../rate-limit'
import type { BookingResult } from './appointment-view'

/**
 * Runs a booking change for a page's form: a refusal, a rate limit or a busy database becomes
 * a translated message in the form; success goes on to `onSuccess` (a redirect).
 */
export async function runBookingForm(
  run: () => Promise<BookingResult>,
  onSuccess: () => never,
): Promise<FormState> {
  let result: BookingResult
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
  if (!result.ok) return { formError: { key: `appointments:errors.${result.reason}` } }
  return onSuccess()
}
