// The health-insurance answer of an application (domain.md §9): the common set asks for
// "valid health insurance covering the whole requested period"; under 18 and over 65 it is
// reportedly not needed ([C][U]), the same age limits as the document checklist
// (isInsuranceOptional). Reason codes, not messages: the form and the API translate them.
import { ageInYears } from '../document-checklist'
import { compareIsoDates, isIsoDate, type IsoDate } from './dates'
import { ADULT_AGE_YEARS, isInsuranceOptional } from './documents'

export const INSURANCE_REASON_CODES = [
  'not_required_not_allowed',
  'valid_until_required',
  'ends_before_permit',
] as const
export type InsuranceReason = (typeof INSURANCE_REASON_CODES)[number]

/**
 * Cover that ends on a date the applicant can give: a private policy, or a certificate under a
 * bilateral social-security agreement. SGK cover has no end date of its own; when one is
 * given it is still checked against the period.
 */
export const INSURANCE_WITH_END_DATE: readonly string[] = ['private', 'bilateral']

export type InsuranceCheck =
  | { ok: true }
  | { ok: false; reason: 'not_required_not_allowed' }
  | { ok: false; reason: 'valid_until_required' }
  | { ok: false; reason: 'ends_before_permit'; permitEnd: IsoDate }

/**
 * Whether the insurance answer fits the applicant and the period asked for.
 * - "Not required" only where the age rule allows it, the age taken on `today` as the
 *   checklist takes it; without a date of birth yet the applicant counts as an adult.
 * - Insurance with an end date must be valid at least until the last day of the requested
 *   permit (`permitEnd`, inclusive); without a period yet there is nothing to compare, so only
 *   the date itself is required.
 */
export function checkInsurance(input: {
  insuranceType: string
  validUntil: IsoDate | null
  dateOfBirth: IsoDate | null
  today: IsoDate
  permitEnd: IsoDate | null
}): InsuranceCheck {
  if (input.insuranceType === 'not_required') {
    const born = input.dateOfBirth
    const age =
      born && isIsoDate(born) && compareIsoDates(born, input.today) <= 0
        ? ageInYears(born, input.today)
        : ADULT_AGE_YEARS
    return isInsuranceOptional(age)
      ? { ok: true }
      : { ok: false, reason: 'not_required_not_allowed' }
  }
  if (!input.validUntil || !isIsoDate(input.validUntil)) {
    // SGK general health insurance runs on with the registration, with no end date to give.
    return INSURANCE_WITH_END_DATE.includes(input.insuranceType)
      ? { ok: false, reason: 'valid_until_required' }
      : { ok: true }
  }
  if (input.permitEnd && compareIsoDates(input.validUntil, input.permitEnd) < 0)
    return { ok: false, reason: 'ends_before_permit', permitEnd: input.permitEnd }
  return { ok: true }
}
