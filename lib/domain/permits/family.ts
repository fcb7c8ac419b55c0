// Family residence permit conditions (Law 6458 art. 34–35; Reg. art. 30–34; domain.md §3),
// issue 12 item 9. The cap "never beyond the sponsor's own permit" is in `checkRequestedMonths`.
import { addMonths, compareIsoDates, type IsoDate } from './dates'
import { ADULT_AGE } from './ages'

export const FAMILY_REASON_CODES = [
  'spouse_under_18',
  'child_not_minor',
  'sponsor_permit_too_recent',
  'sponsor_income_too_low',
] as const
export type FamilyReason = (typeof FAMILY_REASON_CODES)[number]

/** Art. 34(1): a sponsor who is a foreigner must have held a residence permit for a year. */
export const SPONSOR_MIN_PERMIT_MONTHS = 12

// Art. 34(1): the spouse, minor children, and dependent adult children (own or the spouse's).
const MINOR_ONLY = ['child', 'child_of_spouse']

export type FamilyMemberCheck =
  { ok: true } | { ok: false; reason: 'spouse_under_18' | 'child_not_minor' }

/** Who may join the sponsor, by relationship and the applicant's age on the day. */
export function checkFamilyMember(input: { relationship: string; age: number }): FamilyMemberCheck {
  // Art. 34(1) and Reg. art. 30: a spouse must be 18 or older (no marriage below that counts).
  if (input.relationship === 'spouse' && input.age < ADULT_AGE)
    return { ok: false, reason: 'spouse_under_18' }
  // An adult child comes only as a dependent child ("dependent_child…").
  if (MINOR_ONLY.includes(input.relationship) && input.age >= ADULT_AGE)
    return { ok: false, reason: 'child_not_minor' }
  return { ok: true }
}

export type SponsorPermitCheck =
  { ok: true } | { ok: false; reason: 'sponsor_permit_too_recent'; eligibleOn: IsoDate }

/**
 * Art. 34(1)(a)–(c): a Turkish citizen sponsors at once; a foreigner after holding a residence
 * permit for at least a year without a break (`heldSince`, first day of that run).
 */
export function checkSponsorPermit(input: {
  citizenship: 'turkish_citizen' | 'foreigner'
  heldSince: IsoDate | null
  today: IsoDate
}): SponsorPermitCheck {
  if (input.citizenship === 'turkish_citizen') return { ok: true }
  const eligibleOn = input.heldSince
    ? addMonths(input.heldSince, SPONSOR_MIN_PERMIT_MONTHS)
    : input.today
  if (!input.heldSince || compareIsoDates(input.today, eligibleOn) < 0)
    return { ok: false, reason: 'sponsor_permit_too_recent', eligibleOn }
  return { ok: true }
}

/**
 * Reg. art. 31(1)(a): the sponsor's monthly income may not be less than a third of the minimum
 * wage per family member. The minimum wage is data (rule_settings), in kuruş. Rounded up: a
 * kuruş short is short.
 */
export function familyIncomeThreshold(familyMembers: number, minimumWageKurus: number): number {
  if (!Number.isSafeInteger(familyMembers) || familyMembers < 1)
    throw new RangeError(`familyMembers must be a positive integer: ${familyMembers}`)
  if (!Number.isSafeInteger(minimumWageKurus) || minimumWageKurus < 0)
    throw new RangeError(`minimumWageKurus must be a non-negative integer: ${minimumWageKurus}`)
  return Math.ceil((familyMembers * minimumWageKurus) / 3)
}

export type SponsorIncomeCheck =
  { ok: true } | { ok: false; reason: 'sponsor_income_too_low'; thresholdKurus: number }

export function checkSponsorIncome(input: {
  monthlyIncomeKurus: number
  familyMembers: number
  minimumWageKurus: number
}): SponsorIncomeCheck {
  const thresholdKurus = familyIncomeThreshold(input.familyMembers, input.minimumWageKurus)
  return input.monthlyIncomeKurus >= thresholdKurus
    ? { ok: true }
    : { ok: false, reason: 'sponsor_income_too_low', thresholdKurus }
}
