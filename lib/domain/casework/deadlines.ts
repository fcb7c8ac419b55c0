// The clocks of casework (domain.md §4, §7): a decision within 90 days of a complete file
// (Law 6458 art. 21(5)), 180 for long-term permits where the directorate is allowed it; 30 days
// to answer a missing-documents request; 10 days a card waits at the post office.
import type { PermitTypeCode } from '../permits/permit-types'
import { addDays, daysBetween, type IsoDate } from '../permits/dates'

export const DECISION_DAYS = 90
/** The longest a directorate may take on long-term permits where the rules allow it. */
export const LONG_TERM_DECISION_DAYS_MAX = 180
export const DOCUMENT_REQUEST_DAYS = 30
export const POST_OFFICE_HOLD_DAYS = 10
/** A decision deadline this close counts as "near" in the queue. */
export const NEAR_DEADLINE_DAYS = 14

/** Days the directorate has to decide, from the day the file was complete. */
export function decisionDays(permitType: PermitTypeCode, longTermDecisionDays: number): number {
  return permitType === 'long_term' ? Math.max(DECISION_DAYS, longTermDecisionDays) : DECISION_DAYS
}

export function decisionDueOn(
  fileCompleteOn: IsoDate,
  permitType: PermitTypeCode,
  longTermDecisionDays: number,
): IsoDate {
  return addDays(fileCompleteOn, decisionDays(permitType, longTermDecisionDays))
}

export type DeadlineState = 'none' | 'on_time' | 'near' | 'passed'

export function deadlineState(today: IsoDate, dueOn: IsoDate | null): DeadlineState {
  if (dueOn === null) return 'none'
  const left = daysBetween(today, dueOn)
  if (left < 0) return 'passed'
  return left <= NEAR_DEADLINE_DAYS ? 'near' : 'on_time'
}
