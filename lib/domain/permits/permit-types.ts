// Permit types (Law 6458 art. 30) and short-term purposes (art. 31(1)); the codes match
// db/seed/permit-data.ts. How long a grant may last is data passed in (the catalogue), because
// the law changes: the family permit went from two to three years.
import { compareIsoDates, type IsoDate } from './dates'
import { firstRequestMaxMonths, isStaffOpenedPermitType } from './staff-opened'
import { requestedEndDate } from './timing'

export const PERMIT_TYPE_CODES = [
  'short_term',
  'family',
  'student',
  'long_term',
  'humanitarian',
  'trafficking_victim',
] as const
export type PermitTypeCode = (typeof PERMIT_TYPE_CODES)[number]

// In the order of the letters of art. 31(1): a b c ç d e f g ğ h ı i j k.
export const SHORT_TERM_PURPOSE_CODES = [
  'research',
  'property_owner',
  'business',
  'in_service_training',
  'exchange_programme',
  'tourism',
  'medical_treatment',
  'authority_request',
  'from_family_permit',
  'turkish_course',
  'public_programme',
  'recent_graduate',
  'investor',
  'trnc_citizen',
] as const
export type ShortTermPurposeCode = (typeof SHORT_TERM_PURPOSE_CODES)[number]

export function isPermitTypeCode(value: string): value is PermitTypeCode {
  return (PERMIT_TYPE_CODES as readonly string[]).includes(value)
}

export function isShortTermPurposeCode(value: string): value is ShortTermPurposeCode {
  return (SHORT_TERM_PURPOSE_CODES as readonly string[]).includes(value)
}

// The portal treats humanitarian and trafficking-victim permits as cases staff start, not as
// applicant self-service (staff-opened.ts).
export function isSelfServicePermitType(code: PermitTypeCode): boolean {
  return !isStaffOpenedPermitType(code)
}

/**
 * Art. 42: the long-term permit is indefinite. Nobody asks for a number of months, its end
 * date is none and its fee is not charged per month.
 */
export function isIndefinitePermitType(code: string): boolean {
  return code === 'long_term'
}

/** `null`: no fixed cap (long-term is indefinite, a student permit follows the programme). */
export type GrantDuration = { maxMonthsPerGrant: number | null }

export type PermitCatalogue = {
  permitTypes: Record<PermitTypeCode, GrantDuration>
  // Partial: a purpose without a row, or with a null cap, falls back to the short-term cap.
  purposes: Partial<Record<ShortTermPurposeCode, GrantDuration>>
}

/**
 * Longest grant in months. For short-term permits a purpose's own cap overrides the type's
 * either way: investors and TRNC citizens are above the two-year cap, recent graduates below.
 * The purpose is ignored for the other types.
 */
export function maxGrantMonths(
  catalogue: PermitCatalogue,
  permitType: PermitTypeCode,
  purpose: ShortTermPurposeCode | null,
): number | null {
  const typeCap = catalogue.permitTypes[permitType].maxMonthsPerGrant
  if (permitType !== 'short_term' || purpose === null) return typeCap
  return catalogue.purposes[purpose]?.maxMonthsPerGrant ?? typeCap
}

export const REQUESTED_MONTHS_REASON_CODES = [
  'not_self_service',
  'months_not_positive',
  'months_over_maximum',
  'family_beyond_sponsor',
] as const
export type RequestedMonthsReason = (typeof REQUESTED_MONTHS_REASON_CODES)[number]

export type RequestedMonthsCheck =
  | { ok: true; months: number }
  | { ok: false; reason: 'not_self_service' }
  | { ok: false; reason: 'months_not_positive' }
  | { ok: false; reason: 'months_over_maximum'; maxMonths: number }
  | { ok: false; reason: 'family_beyond_sponsor'; latestEndDate: IsoDate }

/**
 * Checks the period an applicant asks for. A family permit may never end after the sponsor's
 * own permit (§3); leave `sponsorPermitValidUntil` out when the sponsor needs no permit (a
 * Turkish citizen). The first failing reason is returned, in the order of the reason list.
 */
export function checkRequestedMonths(input: {
  catalogue: PermitCatalogue
  permitType: PermitTypeCode
  purpose: ShortTermPurposeCode | null
  months: number
  startDate: IsoDate
  sponsorPermitValidUntil?: IsoDate | null
  /** Staff opening a humanitarian or trafficking-victim file for a walk-in (issue 13). */
  openedByStaff?: boolean
}): RequestedMonthsCheck {
  const { catalogue, permitType, purpose, months, startDate, sponsorPermitValidUntil } = input
  const selfService = isSelfServicePermitType(permitType)
  if (!selfService && !input.openedByStaff) return { ok: false, reason: 'not_self_service' }
  if (!Number.isSafeInteger(months) || months < 1) {
    return { ok: false, reason: 'months_not_positive' }
  }
  const maxMonths = selfService
    ? maxGrantMonths(catalogue, permitType, purpose)
    : firstRequestMaxMonths(permitType)
  if (maxMonths !== null && months > maxMonths) {
    return { ok: false, reason: 'months_over_maximum', maxMonths }
  }
  const endDate = requestedEndDate(startDate, months)
  if (
    permitType === 'family' &&
    sponsorPermitValidUntil != null &&
    compareIsoDates(endDate, sponsorPermitValidUntil) > 0
  ) {
    return { ok: false, reason: 'family_beyond_sponsor', latestEndDate: sponsorPermitValidUntil }
  }
  return { ok: true, months }
}
