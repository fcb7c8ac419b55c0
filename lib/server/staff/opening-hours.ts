import 'server-only'
import { and, eq, inArray } from 'drizzle-orm'
import { offices, openingHours } from '@/db/schema'
import { openingPeriods } from '@/lib/domain/appointments/office-setup'
import type { OpeningHoursInput } from '@/lib/schemas/staff/offices'
import { writeAudit } from '../audit'
import { changeOwnOffice, officeRefusal } from './office-lock'

/**
 * Sets the hours of the weekdays ticked (or closes them). The new week counts from the first
 * day without slots; earlier days keep the slots they have.
 */
export async function setOpeningHours(input: OpeningHoursInput): Promise<string> {
  const { appliesFrom } = await changeOwnOffice(
    input.officeId,
    async (tx, { actor, appliesFrom }) => {
      const [office] = await tx
        .select({ slotMinutes: offices.slotMinutes })
        .from(offices)
        .where(eq(offices.id, input.officeId))
      let periods: [string, string][] = []
      if (!input.closed) {
        const planned = openingPeriods(
          {
            opensAt: input.opensAt!,
            closesAt: input.closesAt!,
            breakFrom: input.breakFrom,
            breakTo: input.breakTo,
          },
          office!.slotMinutes,
        )
        if (!planned.ok) throw officeRefusal(planned.reason)
        periods = planned.periods
      }
      const weekdays = [...new Set(input.weekdays)].sort()
      await tx
        .delete(openingHours)
        .where(
          and(eq(openingHours.officeId, input.officeId), inArray(openingHours.weekday, weekdays)),
        )
      const rows = weekdays.flatMap((weekday) =>
        periods.map(([opensAt, closesAt]) => ({
          officeId: input.officeId,
          weekday,
          opensAt,
          closesAt,
        })),
      )
      if (rows.length > 0) await tx.insert(openingHours).values(rows)
      await writeAudit(tx, {
        actorUserId: actor.userId,
        action: 'office.hours_changed',
        entityType: 'office',
        entityId: input.officeId,
        details: { weekdays, periods, appliesFrom },
      })
    },
  )
  return appliesFrom
}
