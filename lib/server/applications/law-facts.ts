import 'server-only'
import { getDb } from '@/db'
import { residencePermits, shortTermPurposes } from '@/db/schema'
import type { IsoDate } from '@/lib/domain/permits/dates'
import type { PermitTypeCode, ShortTermPurposeCode } from '@/lib/domain/permits/permit-types'
import type { PurposeLimits } from '@/lib/domain/permits/purposes'
import { requireSignedIn } from '../actor'
import { heldBy } from '../scope'

// What the law rules need from the database besides the answers: the permits the applicant
// holds (issued by casework or claimed, issue 10) and the limits kept as data.

export type HeldPermitPeriod = {
  id: string
  type: PermitTypeCode
  purpose: ShortTermPurposeCode | null
  from: IsoDate
  until: IsoDate
  applicationId: string | null
  holderBirthDate: IsoDate | null
}

/**
 * Every permit the signed-in person holds, oldest first. Staff hold none of their own: when
 * they register a walk-in applicant (issue 13) the rules run for a person with no account,
 * so no permit on record.
 */
export async function listMyHeldPermits(): Promise<HeldPermitPeriod[]> {
  const actor = await requireSignedIn()
  if (actor.kind === 'staff') return []
  const db = await getDb()
  const rows = await db
    .select({
      id: residencePermits.id,
      type: residencePermits.permitTypeCode,
      purpose: residencePermits.purposeCode,
      from: residencePermits.validFrom,
      until: residencePermits.validUntil,
      applicationId: residencePermits.applicationId,
      holderBirthDate: residencePermits.holderBirthDate,
    })
    .from(residencePermits)
    .where(heldBy(actor))
    .orderBy(residencePermits.validFrom)
  return rows.map((r) => ({
    ...r,
    type: r.type as PermitTypeCode,
    purpose: r.purpose as ShortTermPurposeCode | null,
  }))
}

/** (h) and (i) of art. 31(1), as the national admin keeps them in short_term_purposes. */
export async function loadPurposeLimits(): Promise<PurposeLimits> {
  const db = await getDb()
  const rows = await db
    .select({
      code: shortTermPurposes.code,
      maxGrants: shortTermPurposes.maxGrants,
      graduationWindowMonths: shortTermPurposes.graduationWindowMonths,
    })
    .from(shortTermPurposes)
  return Object.fromEntries(
    rows
      .filter((r) => r.maxGrants !== null || r.graduationWindowMonths !== null)
      .map((r) => [
        r.code,
        { maxGrants: r.maxGrants, graduationWindowMonths: r.graduationWindowMonths },
      ]),
  )
}
