// Which permit may be extended online, and which type a permit may change into (issue 12,
// items 3 and 4; domain.md §3, §4 and §7). Every refusal is a reason code the pages translate.
import { addMonths, compareIsoDates, toEpochDay, type IsoDate } from './dates'
import { ADULT_AGE } from './ages'
import { isSelfServicePermitType, type PermitTypeCode } from './permit-types'

export type ExtensionTypeCheck =
  { ok: true } | { ok: false; reason: 'long_term_not_extended' | 'not_self_service' }

/**
 * Law 6458 art. 42: the long-term permit is indefinite, so there is nothing to extend.
 * Humanitarian (art. 46) and trafficking-victim (art. 48–49) permits are renewed by the
 * governorate, not on an applicant's request online (§3 note; staff-initiated).
 */
export function checkExtensionType(type: PermitTypeCode): ExtensionTypeCheck {
  if (type === 'long_term') return { ok: false, reason: 'long_term_not_extended' }
  if (!isSelfServicePermitType(type)) return { ok: false, reason: 'not_self_service' }
  return { ok: true }
}

/**
 * Grounds on which a family permit holder may switch to a short-term permit (Reg. art. 34;
 * art. 31(1)(ğ)): three years on a family permit and 18, divorce from a Turkish citizen after
 * three years of marriage, the same without waiting when domestic violence is proven, or the
 * sponsor's death.
 */
export const FAMILY_EXIT_GROUNDS = [
  'came_of_age',
  'divorce',
  'domestic_violence',
  'sponsor_death',
] as const
export type FamilyExitGround = (typeof FAMILY_EXIT_GROUNDS)[number]

/** Years on a family permit before the holder may switch to short-term (Reg. art. 34). */
export const FAMILY_EXIT_YEARS = 3

export const TYPE_CHANGE_REASON_CODES = [
  'same_type',
  'not_self_service',
  'no_route_to_long_term',
  'family_ground_required',
  'family_years_short',
  'family_exit_too_young',
] as const
export type TypeChangeReason = (typeof TYPE_CHANGE_REASON_CODES)[number]

export type TypeChangeCheck =
  | { ok: true; purpose: 'from_family_permit' | null }
  | { ok: false; reason: Exclude<TypeChangeReason, 'family_years_short'> }
  | { ok: false; reason: 'family_years_short'; eligibleOn: IsoDate }

/**
 * Art. 29 transition from `from` to `to`. `familySince` is the first day of the unbroken run
 * of family permits up to today (see `heldContinuouslySince`); `age` is null when no birth
 * date is known yet, and the age rule is then left to the next check (save or submit).
 * A family→short-term switch becomes purpose ğ (art. 31(1)(ğ)), returned as `purpose`.
 * Student↔family and the other pairs have no rule of their own in the brief: allowed, and
 * the long-term conditions are checked by `checkLongTermEligibility`.
 */
export function checkTypeChange(input: {
  from: PermitTypeCode
  to: PermitTypeCode
  today: IsoDate
  familyExitGround?: FamilyExitGround | null
  familySince?: IsoDate | null
  age?: number | null
}): TypeChangeCheck {
  const { from, to } = input
  if (from === to) return { ok: false, reason: 'same_type' }
  if (!isSelfServicePermitType(to)) return { ok: false, reason: 'not_self_service' }
  // Art. 42(2) and §3: a humanitarian permit is no route to long-term.
  if (from === 'humanitarian' && to === 'long_term')
    return { ok: false, reason: 'no_route_to_long_term' }
  if (!(from === 'family' && to === 'short_term')) return { ok: true, purpose: null }

  const ground = input.familyExitGround ?? null
  if (ground === null) return { ok: false, reason: 'family_ground_required' }
  if (ground === 'came_of_age' || ground === 'divorce') {
    const eligibleOn = input.familySince
      ? addMonths(input.familySince, 12 * FAMILY_EXIT_YEARS)
      : null
    if (eligibleOn === null || compareIsoDates(input.today, eligibleOn) < 0)
      return { ok: false, reason: 'family_years_short', eligibleOn: eligibleOn ?? input.today }
    if (ground === 'came_of_age' && input.age != null && input.age < ADULT_AGE)
      return { ok: false, reason: 'family_exit_too_young' }
  }
  return { ok: true, purpose: 'from_family_permit' }
}

export type HeldPeriod = { type: PermitTypeCode; from: IsoDate; until: IsoDate }

/**
 * First day of the unbroken run of `type` permits that covers `today`, or null when none
 * does. Consecutive permits may share the expiry day (an extension starts on it, art. 24) or
 * follow the next day; one day without a permit breaks the run.
 */
export function heldContinuouslySince(
  periods: readonly HeldPeriod[],
  type: PermitTypeCode,
  today: IsoDate,
): IsoDate | null {
  const spans = periods
    .filter((p) => p.type === type)
    .map((p) => ({ from: p.from, start: toEpochDay(p.from), end: toEpochDay(p.until) }))
    .sort((a, b) => b.end - a.end)
  let since: { from: IsoDate; start: number } | null = null
  const day = toEpochDay(today)
  const current = spans.find((s) => s.start <= day && day <= s.end)
  if (!current) return null
  since = current
  // Walk back while some permit reaches the day before the run starts.
  for (;;) {
    const reach: { from: IsoDate; start: number } | undefined = spans
      .filter((s) => s.start < since!.start && s.end >= since!.start - 1)
      .sort((a, b) => a.start - b.start)[0]
    if (!reach) return since.from
    since = reach
  }
}
