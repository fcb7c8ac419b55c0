// The validity a caseworker gives when approving: never beyond what the law allows for the
// type and purpose (art. 31–46 caps, as data in the catalogue), the sponsor's own permit for a
// family permit (art. 34), or 60 days before the passport ends (art. 21). An extension runs on
// from the old permit's end (art. 24).
import { addDays, addMonths, compareIsoDates, isIsoDate, type IsoDate } from '../permits/dates'
import {
  maxGrantMonths,
  type PermitCatalogue,
  type PermitTypeCode,
  type ShortTermPurposeCode,
} from '../permits/permit-types'
import type { ApplicationKind } from '../application-status'
import { checkStaffOpenedGrant } from '../permits/staff-opened'
import { PASSPORT_MARGIN_DAYS } from '../permits/timing'

/** How far ahead of the decision a first permit may start. */
export const LATEST_START_DAYS = 30

export type GrantPeriodInput = {
  catalogue: PermitCatalogue
  permitType: PermitTypeCode
  purpose: ShortTermPurposeCode | null
  kind: ApplicationKind
  validFrom: IsoDate
  validUntil: IsoDate
  today: IsoDate
  submittedOn: IsoDate
  previousPermitEnd: IsoDate | null
  sponsorPermitEnd: IsoDate | null
  passportExpiry: IsoDate | null
  /** Earlier grants of the same type to this person (trafficking victims, art. 49). */
  previousGrants?: readonly { from: IsoDate; until: IsoDate }[]
}

export type GrantPeriodCheck =
  | { ok: true }
  | { ok: false; reason: 'invalid_dates' | 'end_before_start' }
  | { ok: false; reason: 'start_out_of_range'; earliest: IsoDate; latest: IsoDate }
  | { ok: false; reason: 'over_maximum'; latestEnd: IsoDate; maxMonths: number }
  | { ok: false; reason: 'beyond_sponsor'; latestEnd: IsoDate }
  | { ok: false; reason: 'beyond_passport'; latestEnd: IsoDate }
  | { ok: false; reason: 'first_grant_too_long' | 'total_too_long'; latestEnd: IsoDate }

/** The days a permit may start on: an extension continues the old one, others start from submission. */
export function allowedStart(input: GrantPeriodInput): { earliest: IsoDate; latest: IsoDate } {
  if (input.kind === 'extension' && input.previousPermitEnd)
    return { earliest: input.previousPermitEnd, latest: addDays(input.previousPermitEnd, 1) }
  return { earliest: input.submittedOn, latest: addDays(input.today, LATEST_START_DAYS) }
}

export function checkGrantPeriod(input: GrantPeriodInput): GrantPeriodCheck {
  const { validFrom, validUntil } = input
  if (!isIsoDate(validFrom) || !isIsoDate(validUntil)) return { ok: false, reason: 'invalid_dates' }
  if (compareIsoDates(validUntil, validFrom) <= 0) return { ok: false, reason: 'end_before_start' }
  const { earliest, latest } = allowedStart(input)
  if (compareIsoDates(validFrom, earliest) < 0 || compareIsoDates(validFrom, latest) > 0)
    return { ok: false, reason: 'start_out_of_range', earliest, latest }
  const maxMonths = maxGrantMonths(input.catalogue, input.permitType, input.purpose)
  if (maxMonths !== null) {
    const latestEnd = addDays(addMonths(validFrom, maxMonths), -1)
    if (compareIsoDates(validUntil, latestEnd) > 0)
      return { ok: false, reason: 'over_maximum', latestEnd, maxMonths }
  }
  // Art. 48–49: 30 days first, then six months at a time, three years in all.
  if (input.permitType === 'trafficking_victim') {
    const grant = checkStaffOpenedGrant({
      permitType: input.permitType,
      previous: input.previousGrants ?? [],
      from: validFrom,
      until: validUntil,
    })
    if (!grant.ok && (grant.reason === 'first_grant_too_long' || grant.reason === 'total_too_long'))
      return { ok: false, reason: grant.reason, latestEnd: grant.latestEnd }
  }
  if (
    input.permitType === 'family' &&
    input.sponsorPermitEnd &&
    compareIsoDates(validUntil, input.sponsorPermitEnd) > 0
  )
    return { ok: false, reason: 'beyond_sponsor', latestEnd: input.sponsorPermitEnd }
  if (input.passportExpiry && input.permitType !== 'long_term') {
    const latestEnd = addDays(input.passportExpiry, -PASSPORT_MARGIN_DAYS)
    if (compareIsoDates(validUntil, latestEnd) > 0)
      return { ok: false, reason: 'beyond_passport', latestEnd }
  }
  return { ok: true }
}
