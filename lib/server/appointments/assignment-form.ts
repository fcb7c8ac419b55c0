import 'server-only'
import type { FormState } from '@/lib/schemas/form-state'
import { Busy } from '../idempotency'
import type { AssignmentRefusal, AssignmentResult } from './assignment'

// Refusals about one field are shown at that field; the booking ones keep their wording from
// the 'appointments' namespace, the rest come from 'assignment'.
const FIELD_OF: Partial<Record<AssignmentRefusal, string>> = {
  earliest_date_invalid: 'earliestDate',
  earliest_date_too_soon: 'earliestDate',
  earliest_date_too_late: 'earliestDate',
  weekdays_required: 'weekdays',
  weekdays_invalid: 'weekdays',
  part_of_day_invalid: 'partOfDay',
}
const BOOKING_REASONS: ReadonlySet<AssignmentRefusal> = new Set([
  'not_awaiting_appointment',
  'booking_restricted',
  'already_booked',
  'key_reused',
])

export function assignmentRefusalKey(reason: AssignmentRefusal): string {
  return `${BOOKING_REASONS.has(reason) ? 'appointments' : 'assignment'}:errors.${reason}`
}

/**
 * Runs an assigned-mode change for the page's form: a refusal or a busy database becomes a
 * translated message with the typed values kept; success goes on to `onSuccess` (a redirect).
 */
export async function runAssignmentForm(
  run: () => Promise<AssignmentResult>,
  onSuccess: () => never,
  values?: Record<string, string>,
): Promise<FormState> {
  let result: AssignmentResult
  try {
    result = await run()
  } catch (error) {
    if (error instanceof Busy) return { formError: { key: 'appointments:errors.busy' }, values }
    throw error
  }
  if (result.ok) return onSuccess()
  const key = assignmentRefusalKey(result.reason)
  const field = FIELD_OF[result.reason]
  return field ? { fieldErrors: { [field]: key }, values } : { formError: { key }, values }
}
