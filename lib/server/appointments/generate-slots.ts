import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, eq, gte, lte, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import {
  appointmentSlots,
  counters,
  officeClosures,
  offices,
  openingHours,
  publicHolidays,
} from '@/db/schema'
import type { BookingRules } from '@/lib/domain/appointments/booking-rules'
import { planSlots } from '@/lib/domain/appointments/slot-plan'
import { addDays, daysBetween, maxIsoDate, type IsoDate } from '@/lib/domain/permits/dates'
import { todayInIstanbul } from '../clock'
import type { Tx } from '../idempotency'

/**
 * Makes sure the office has slots up to `horizonDays` ahead. The office row is locked while
 * slots are added, so parallel callers never create them twice; days already generated are
 * left alone (capacity changes to them go through the directorate admin's tools).
 */
export async function ensureSlotsAhead(officeId: string, rules: BookingRules): Promise<void> {
  const today = todayInIstanbul()
  const target = addDays(today, rules.horizonDays)
  const db = await getDb()
  const [quick] = await db
    .select({ until: offices.slotsGeneratedUntil })
    .from(offices)
    .where(eq(offices.id, officeId))
  if (!quick || (quick.until && quick.until >= target)) return
  await db.transaction(async (tx) => {
    const [office] = await tx.select().from(offices).where(eq(offices.id, officeId)).for('update')
    if (!office || (office.slotsGeneratedUntil && office.slotsGeneratedUntil >= target)) return
    const from = office.slotsGeneratedUntil
      ? maxIsoDate(addDays(office.slotsGeneratedUntil, 1), today)
      : today
    await fillOfficeDays(tx, office, from, daysBetween(from, target) + 1, rules)
    await tx.update(offices).set({ slotsGeneratedUntil: target }).where(eq(offices.id, officeId))
  })
}

type OfficeRow = typeof offices.$inferSelect

/**
 * Creates the slots and places of `days` days from `from` at the office, from its opening
 * hours, the public holidays and its closures. Slots that already exist are kept as they are.
 */
export async function fillOfficeDays(
  tx: Tx,
  office: OfficeRow,
  from: IsoDate,
  days: number,
  rules: BookingRules,
): Promise<void> {
  const until = addDays(from, days - 1)
  const [hours, holidays, closures, activeCounters] = await Promise.all([
    tx.select().from(openingHours).where(eq(openingHours.officeId, office.id)),
    tx
      .select()
      .from(publicHolidays)
      .where(and(gte(publicHolidays.date, from), lte(publicHolidays.date, until))),
    tx
      .select({ date: officeClosures.date, counterId: officeClosures.counterId })
      .from(officeClosures)
      .where(
        and(
          eq(officeClosures.officeId, office.id),
          gte(officeClosures.date, from),
          lte(officeClosures.date, until),
        ),
      ),
    tx
      .select({ id: counters.id })
      .from(counters)
      .where(and(eq(counters.officeId, office.id), eq(counters.active, true))),
  ])
  const planned = planSlots({
    from,
    days,
    openingHours: hours.map((h) => ({
      weekday: h.weekday,
      opensAt: h.opensAt.slice(0, 5),
      closesAt: h.closesAt.slice(0, 5),
    })),
    slotMinutes: office.slotMinutes,
    holidays,
    closedDates: closures.filter((c) => c.counterId === null).map((c) => c.date),
    halfDayClosesAt: rules.halfDayClosesAt,
  })
  // Each open counter serves one person per slot; a counter closed that day serves nobody.
  const capacityOn = (date: string) =>
    activeCounters.length - closures.filter((c) => c.counterId && c.date === date).length
  const rows = planned
    .map((slot) => ({
      id: randomUUID(),
      officeId: office.id,
      directorateId: office.directorateId,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      capacity: Math.max(0, capacityOn(slot.date)),
    }))
    .filter((row) => row.capacity > 0)
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500)
    const inserted = await tx
      .insert(appointmentSlots)
      .values(batch)
      .onConflictDoNothing()
      .returning({ id: appointmentSlots.id })
    if (inserted.length === 0) continue
    await tx.execute(
      sql`insert into slot_seats (slot_id, seat_no)
          select s.id, n from appointment_slots s, generate_series(1, s.capacity) as n
           where s.id in (${sql.join(
             inserted.map((r) => sql`${r.id}`),
             sql`, `,
           )})`,
    )
  }
}

/** Every office of the directorate, for the worker and the availability page. */
export async function officeIdsOf(directorateId: string): Promise<string[]> {
  const db = await getDb()
  const rows = await db
    .select({ id: offices.id })
    .from(offices)
    .where(eq(offices.directorateId, directorateId))
  return rows.map((r) => r.id)
}
