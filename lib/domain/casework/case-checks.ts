// The rule checks a caseworker sees on a case, each passed or failed with what it found:
// passport validity (art. 21), the requested period against the cap (art. 31–46), a family
// permit within the sponsor's (art. 34), the fee paid, the documents received.
import { compareIsoDates, isIsoDate, type IsoDate } from '../permits/dates'
import {
  checkRequestedMonths,
  type PermitCatalogue,
  type PermitTypeCode,
  type ShortTermPurposeCode,
} from '../permits/permit-types'
import { checkPassportValidity, requestedEndDate } from '../permits/timing'

export type CaseCheckCode =
  'passport_validity' | 'requested_months' | 'sponsor_limit' | 'fee_paid' | 'documents_received'
export type CaseCheck = { code: CaseCheckCode; ok: boolean; values: Record<string, string> }

export type CaseCheckInput = {
  catalogue: PermitCatalogue
  permitType: PermitTypeCode
  purpose: ShortTermPurposeCode | null
  startDate: IsoDate
  months: number | null
  passportValidUntil: string | null
  sponsorLimit: IsoDate | null
  feesPaid: boolean
  documentsReceived: boolean
}

export function caseChecks(input: CaseCheckInput): CaseCheck[] {
  const checks: CaseCheck[] = []
  const months = input.months && input.months > 0 ? input.months : null
  const end = months ? requestedEndDate(input.startDate, months) : null
  if (end && input.passportValidUntil && isIsoDate(input.passportValidUntil)) {
    const passport = checkPassportValidity({
      passportValidUntil: input.passportValidUntil,
      requestedEndDate: end,
    })
    checks.push({
      code: 'passport_validity',
      ok: passport.ok,
      values: { passportValidUntil: input.passportValidUntil, requestedEnd: end },
    })
  } else checks.push({ code: 'passport_validity', ok: false, values: {} })
  if (months) {
    const period = checkRequestedMonths({
      catalogue: input.catalogue,
      permitType: input.permitType,
      purpose: input.purpose,
      months,
      startDate: input.startDate,
    })
    checks.push({ code: 'requested_months', ok: period.ok, values: { months: String(months) } })
  }
  if (input.permitType === 'family' && input.sponsorLimit && end)
    checks.push({
      code: 'sponsor_limit',
      ok: compareIsoDates(end, input.sponsorLimit) <= 0,
      values: { sponsorLimit: input.sponsorLimit, requestedEnd: end },
    })
  checks.push({ code: 'fee_paid', ok: input.feesPaid, values: {} })
  checks.push({ code: 'documents_received', ok: input.documentsReceived, values: {} })
  return checks
}
