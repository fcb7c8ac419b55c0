import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { applications } from '@/db/schema'
import { isUuid } from '@/lib/domain/ids'
import { AccessDenied, requireStaff } from '../actor'
import { auditRead } from '../audit'
import { inDirectorateOf } from '../scope'

export type WalkInReceipt = {
  id: string
  reference: string
  permitTypeCode: string
  name: string
  restricted: boolean
}

/**
 * What the staff member who registered a walk-in hands over: the reference and the name it
 * was registered under. Only for that staff member, in their directorate.
 */
export async function getWalkInReceipt(id: string): Promise<WalkInReceipt> {
  const actor = await requireStaff('cases.register')
  if (!isUuid(id)) throw new AccessDenied('not_found')
  const db = await getDb()
  const personal = sql`${applications.formData} -> 'personal'`
  const [row] = await db
    .select({
      id: applications.id,
      reference: applications.reference,
      permitTypeCode: applications.permitTypeCode,
      name: sql<string>`concat_ws(' ', ${personal} ->> 'givenNames', ${personal} ->> 'surname')`,
      restricted: applications.restricted,
    })
    .from(applications)
    .where(
      and(
        eq(applications.id, id),
        eq(applications.registeredByUserId, actor.userId),
        inDirectorateOf(actor),
      ),
    )
  if (!row) throw new AccessDenied('not_found', { entityType: 'application', entityId: id })
  await auditRead({
    actorUserId: actor.userId,
    action: 'walk_in.receipt_viewed',
    entityType: 'application',
    entityId: row.id,
  })
  return row
}
