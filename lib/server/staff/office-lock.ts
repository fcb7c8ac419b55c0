import 'server-only'
import { and, eq } from 'drizzle-orm'
import { offices } from '@/db/schema'
import type { StaffActor } from '@/lib/domain/actor'
import { changesApplyFrom } from '@/lib/domain/appointments/office-setup'
import { AccessDenied, requireStaff } from '../actor'
import { todayInIstanbul } from '../clock'
import { Refused } from '../errors'
import { inOwnDirectorate } from '../scope'
import { inTransaction, type Tx } from '../transaction'

export const officeRefusal = (reason: string, status: 409 | 422 = 422) =>
  new Refused(reason, { namespace: 'staffadmin', status })

/**
 * Runs one change to an office of the admin's own directorate. The office row is locked
 * first, as slot generation locks it, so the day the change counts from is read while no
 * slots can be added: days already generated keep their slots, later days follow the change.
 */
export async function changeOwnOffice<T>(
  officeId: string,
  work: (tx: Tx, ctx: { actor: StaffActor; appliesFrom: string }) => Promise<T>,
): Promise<{ appliesFrom: string; result: T }> {
  const actor = await requireStaff('capacity.manage')
  return inTransaction(async (tx) => {
    const [office] = await tx
      .select({ id: offices.id, until: offices.slotsGeneratedUntil })
      .from(offices)
      .where(and(eq(offices.id, officeId), inOwnDirectorate(actor, offices.directorateId)))
      .for('update')
    // Another directorate's office is answered like one that does not exist (AC-06).
    if (!office) throw new AccessDenied('not_found')
    const appliesFrom = changesApplyFrom(office.until, todayInIstanbul())
    return { appliesFrom, result: await work(tx, { actor, appliesFrom }) }
  })
}
