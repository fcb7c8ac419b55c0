import 'server-only'
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { offices } from '@/db/schema'
import type { ChangeOfficeInput, CreateOfficeInput } from '@/lib/schemas/staff/offices'
import { requireStaff } from '../actor'
import { writeAudit } from '../audit'
import { todayInIstanbul } from '../clock'
import { inTransaction } from '../transaction'
import { changeOwnOffice, officeRefusal } from './office-lock'

/** A new office of the admin's directorate; it has slots once it has counters and hours. */
export async function createOffice(input: CreateOfficeInput): Promise<string> {
  const actor = await requireStaff('capacity.manage')
  const directorateId = actor.directorateId
  if (!directorateId) throw officeRefusal('no_directorate')
  return inTransaction(async (tx) => {
    const id = randomUUID()
    await tx.insert(offices).values({ id, directorateId, ...input })
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: 'office.created',
      entityType: 'office',
      entityId: id,
      details: { ...input, appliesFrom: todayInIstanbul() },
    })
    return id
  })
}

/** Name, address and slot length; a new slot length counts from the first day without slots. */
export async function changeOffice(input: ChangeOfficeInput): Promise<string> {
  const { appliesFrom } = await changeOwnOffice(
    input.officeId,
    async (tx, { actor, appliesFrom }) => {
      const { officeId, ...fields } = input
      await tx.update(offices).set(fields).where(eq(offices.id, officeId))
      await writeAudit(tx, {
        actorUserId: actor.userId,
        action: 'office.changed',
        entityType: 'office',
        entityId: officeId,
        details: { ...fields, appliesFrom },
      })
    },
  )
  return appliesFrom
}
