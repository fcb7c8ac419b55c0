// Humanitarian (Law 6458 art. 46–47) and trafficking-victim (art. 48–49; Reg. art. 45–46)
// permits, domain.md §3: the directorate opens them, never the applicant online, and their
// files are restricted (issue 13). How long one grant may last:
// - humanitarian: up to one year per grant;
// - trafficking victim: 30 days of recovery and reflection first, then renewals of at most
//   six months, three years in all (trafficking.ts).
import { addDays, addMonths, compareIsoDates, type IsoDate } from './dates'
import { checkTraffickingPeriod, TRAFFICKING_RULES } from './trafficking'

export const HUMANITARIAN_MAX_MONTHS = 12

// A 2015 guide says these were never requested online but opened at the directorate (§3).
export const STAFF_OPENED_PERMIT_TYPES = ['humanitarian', 'trafficking_victim'] as const

/** Opened by staff only, and visible only to the staff named on the file. */
export function isStaffOpenedPermitType(code: string): boolean {
  return (STAFF_OPENED_PERMIT_TYPES as readonly string[]).includes(code)
}

export type StaffOpenedGrantCheck =
  | { ok: true }
  | { ok: false; reason: 'not_staff_opened' | 'end_before_start' }
  | {
      ok: false
      reason:
        'humanitarian_too_long' | 'first_grant_too_long' | 'renewal_too_long' | 'total_too_long'
      latestEnd: IsoDate
    }

/** One grant from `from` to `until` (both valid days), after the person's `previous` grants. */
export function checkStaffOpenedGrant(input: {
  permitType: string
  previous: readonly { from: IsoDate; until: IsoDate }[]
  from: IsoDate
  until: IsoDate
}): StaffOpenedGrantCheck {
  const { permitType, from, until } = input
  if (permitType === 'trafficking_victim') return checkTraffickingPeriod(input)
  if (permitType !== 'humanitarian') return { ok: false, reason: 'not_staff_opened' }
  if (compareIsoDates(until, from) < 0) return { ok: false, reason: 'end_before_start' }
  const latestEnd = addDays(addMonths(from, HUMANITARIAN_MAX_MONTHS), -1)
  return compareIsoDates(until, latestEnd) > 0
    ? { ok: false, reason: 'humanitarian_too_long', latestEnd }
    : { ok: true }
}

/**
 * The most months staff may ask for when they open such a file for someone with no grant of
 * this type yet: a year for a humanitarian permit, the 30-day first grant (one month) for a
 * trafficking victim. The exact end is checked when the permit is granted.
 */
export function firstRequestMaxMonths(code: string): number | null {
  if (code === 'humanitarian') return HUMANITARIAN_MAX_MONTHS
  if (code === 'trafficking_victim') return Math.ceil(TRAFFICKING_RULES.firstGrantDays / 30)
  return null
}
