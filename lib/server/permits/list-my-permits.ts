import 'server-only'
import { desc, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { applications, residencePermits } from '@/db/schema'
import { cardState, permitEntries, type HeldPermit } from '@/lib/domain/permits/permit-entries'
import type { PermitTypeCode } from '@/lib/domain/permits/permit-types'
import { requireSignedIn } from '../actor'
import { todayInIstanbul } from '../clock'
import { heldBy } from '../scope'

export type MyPermit = HeldPermit

/**
 * The permits the signed-in person holds, latest expiry first, with where the card is and what
 * they may start from each today (Türkiye's calendar day).
 */
export async function listMyPermits(): Promise<MyPermit[]> {
  const actor = await requireSignedIn()
  const db = await getDb()
  const rows = await db
    .select({
      id: residencePermits.id,
      permitTypeCode: residencePermits.permitTypeCode,
      purposeCode: residencePermits.purposeCode,
      documentNumber: residencePermits.documentNumber,
      validFrom: residencePermits.validFrom,
      validUntil: residencePermits.validUntil,
      postTrackingNumber: residencePermits.postTrackingNumber,
      grantingStatus: applications.status,
    })
    .from(residencePermits)
    .leftJoin(applications, eq(applications.id, residencePermits.applicationId))
    .where(heldBy(actor))
    .orderBy(desc(residencePermits.validUntil), residencePermits.id)
  const today = todayInIstanbul()
  return rows.map(({ grantingStatus, ...row }) => {
    const card = cardState(grantingStatus)
    return {
      ...row,
      // The tracking number matters only while the card is on its way.
      postTrackingNumber: card === 'with_post' ? row.postTrackingNumber : null,
      cardState: card,
      ...permitEntries({
        today,
        validUntil: row.validUntil,
        permitType: row.permitTypeCode as PermitTypeCode,
      }),
    }
  })
}
