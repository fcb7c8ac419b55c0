import 'server-only'
import type { FormState } from '@/lib/schemas/form-state'
import type { AssignmentRefusal } from './assignment'

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

/** An assigned-mode refusal for runBookingForm: at its field, or for the whole form. */
export function assignmentRefusal(reason: AssignmentRefusal): FormState {
  const key = assignmentRefusalKey(reason)
  const field = FIELD_OF[reason]
  return field ? { fieldErrors: { [field]: key } } : { formError: { key } }
}
