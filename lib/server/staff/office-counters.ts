import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { counters } from '@/db/schema'
import type { AddCounterInput, SetCounterActiveInput } from '@/lib/schemas/staff/offices'
import { AccessDenied } from '../actor'
import { writeAudit } from '../audit'
import { changeOwnOffice, officeRefusal } from './office-lock'

// Each open counter serves one person per slot: adding one, or switching one off, changes the
// places of the days generated from now on; days with slots keep theirs (the capacity page
// changes those).

/** A new counter at the office; its label must be new there. */
export async function addCounter(input: AddCounterInput): Promise<string> {
  const { appliesFrom } = await changeOwnOffice(
    input.officeId,
    async (tx, { actor, appliesFrom }) => {
      const id = randomUUID()
      const added = await tx
        .insert(counters)
        .values({ id, officeId: input.officeId, label: input.label })
        .onConflictDoNothing()
        .returning({ id: counters.id })
      if (added.length === 0) throw officeRefusal('label_taken', 409)
      await writeAudit(tx, {
        actorUserId: actor.userId,
        action: 'office.counter_added',
        entityType: 'office',
        entityId: input.officeId,
        details: { counterId: id, label: input.label, appliesFrom },
      })
    },
  )
  return appliesFrom
}

/** Switches a counter off or on again for the days generated from now on. */
export async function setCounterActive(input: SetCounterActiveInput): Promise<string> {
  const { appliesFrom } = await changeOwnOffice(
    input.officeId,
    async (tx, { actor, appliesFrom }) => {
      const changed = await tx
        .update(counters)
        .set({ active: input.active })
        .where(and(eq(counters.id, input.counterId), eq(counters.officeId, input.officeId)))
        .returning({ label: counters.label })
      if (changed.length === 0) throw new AccessDenied('not_found')
      await writeAudit(tx, {
        actorUserId: actor.userId,
        action: input.active ? 'office.counter_opened' : 'office.counter_closed',
        entityType: 'office',
        entityId: input.officeId,
        details: { counterId: input.counterId, label: changed[0]!.label, appliesFrom },
      })
    },
  )
  return appliesFrom
}
