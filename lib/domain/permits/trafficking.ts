// Victim of human trafficking permits (Law 6458 art. 48–49; Reg. art. 45–46; domain.md §3),
// issue 12 item 11: 30 days of recovery and reflection first, then renewals of at most six
// months, three years in all. Opened and renewed by staff only; the numbers are data
// (permit_types: first_grant_days, max_months_per_grant, max_total_months).
import { addDays, addMonths, compareIsoDates, daysBetween, type IsoDate } from './dates'

export type TraffickingRules = {
  firstGrantDays: number
  renewalMaxMonths: number
  totalMaxMonths: number
}

export const TRAFFICKING_RULES: TraffickingRules = {
  firstGrantDays: 30,
  renewalMaxMonths: 6,
  totalMaxMonths: 36,
}

export type TraffickingPeriodCheck =
  | { ok: true }
  | { ok: false; reason: 'end_before_start' }
  | { ok: false; reason: 'first_grant_too_long'; latestEnd: IsoDate }
  | { ok: false; reason: 'renewal_too_long'; latestEnd: IsoDate }
  | { ok: false; reason: 'total_too_long'; latestEnd: IsoDate }

/**
 * A grant from `from` to `until` (both valid days), after `previous` grants of the same
 * person. The three years run from the first day of the first grant.
 */
export function checkTraffickingPeriod(input: {
  previous: readonly { from: IsoDate; until: IsoDate }[]
  from: IsoDate
  until: IsoDate
  rules?: TraffickingRules
}): TraffickingPeriodCheck {
  const rules = input.rules ?? TRAFFICKING_RULES
  const { from, until } = input
  if (compareIsoDates(until, from) < 0) return { ok: false, reason: 'end_before_start' }
  if (input.previous.length === 0) {
    // 30 days counted with the first day: from the 1st to the 30th.
    const latestEnd = addDays(from, rules.firstGrantDays - 1)
    return daysBetween(latestEnd, until) > 0
      ? { ok: false, reason: 'first_grant_too_long', latestEnd }
      : { ok: true }
  }
  const renewalEnd = addDays(addMonths(from, rules.renewalMaxMonths), -1)
  if (compareIsoDates(until, renewalEnd) > 0)
    return { ok: false, reason: 'renewal_too_long', latestEnd: renewalEnd }
  const first = input.previous.map((p) => p.from).sort()[0]!
  const totalEnd = addDays(addMonths(first, rules.totalMaxMonths), -1)
  if (compareIsoDates(until, totalEnd) > 0)
    return { ok: false, reason: 'total_too_long', latestEnd: totalEnd }
  return { ok: true }
}
