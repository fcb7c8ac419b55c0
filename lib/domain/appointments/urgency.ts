// Who gets a freed place first: the person whose legal stay runs out soonest, because missing
// the appointment can leave them without a legal right to stay (features.md, proposal 2).
// Among equal deadlines, whoever asked first. The server orders the same way in SQL
// (lib/server/appointments/legal-deadline.ts); these functions are the rule in plain code.
import { addDays, compareIsoDates, isIsoDate, type IsoDate } from '../permits/dates'
import { TRANSITION_DEADLINE_DAYS } from '../permits/timing'
import { toIstanbulWallTime } from './istanbul-time'

/**
 * Where the legal deadline comes from, first source that has a value wins:
 * 1. the legal stay a first application states (form data `eligibility.legalStayUntil`);
 * 2. for a transition whose ground ended (form data `eligibility.groundEndedOn`), that day plus
 *    TRANSITION_DEADLINE_DAYS: art. 29 ends the permit on the day its ground ended and leaves
 *    10 days to apply, so the printed expiry no longer says how long the person may stay;
 * 3. the valid-until date of the permit an extension or transition is based on;
 * 4. failing all, 90 days after the application was sent (İstanbul date), so an application
 *    without a known deadline is neither first nor forgotten.
 */
export const LEGAL_DEADLINE_SOURCES = [
  'stated_legal_stay',
  'ground_ended_plus_transition_days',
  'based_on_permit_valid_until',
  'submitted_plus_fallback_days',
] as const
export const DEADLINE_FALLBACK_DAYS = 90

export type DeadlineFacts = {
  statedLegalStayUntil?: string | null
  /** Only for transitions: the day the current permit's ground ended, as the applicant gave it. */
  transitionGroundEndedOn?: string | null
  basedOnPermitValidUntil?: IsoDate | null
  submittedAt?: Date | null
}

/** The legal deadline as an ISO date, or null when nothing is known (sorted last). */
export function legalDeadlineOf(facts: DeadlineFacts): IsoDate | null {
  const stated = facts.statedLegalStayUntil
  if (typeof stated === 'string' && isIsoDate(stated)) return stated
  const ended = facts.transitionGroundEndedOn
  if (typeof ended === 'string' && isIsoDate(ended)) return addDays(ended, TRANSITION_DEADLINE_DAYS)
  if (facts.basedOnPermitValidUntil) return facts.basedOnPermitValidUntil
  if (facts.submittedAt)
    return addDays(toIstanbulWallTime(facts.submittedAt).date, DEADLINE_FALLBACK_DAYS)
  return null
}

export type WaitingApplicant = {
  applicationId: string
  legalDeadline: IsoDate | null
  joinedAt: Date
}

/**
 * Sort order for offers: earliest legal deadline first (unknown last), then earliest join
 * time, then the application id, so the order is total and every job run agrees.
 */
export function compareUrgency(a: WaitingApplicant, b: WaitingApplicant): number {
  if (a.legalDeadline !== b.legalDeadline) {
    if (a.legalDeadline === null) return 1
    if (b.legalDeadline === null) return -1
    return compareIsoDates(a.legalDeadline, b.legalDeadline)
  }
  const joined = a.joinedAt.getTime() - b.joinedAt.getTime()
  if (joined !== 0) return Math.sign(joined)
  return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0
}

/** The applicant a freed place goes to first, or null when nobody waits. */
export function mostUrgent<T extends WaitingApplicant>(waiting: readonly T[]): T | null {
  let best: T | null = null
  for (const w of waiting) if (best === null || compareUrgency(w, best) < 0) best = w
  return best
}
