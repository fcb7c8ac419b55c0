import 'server-only'
import { and, asc, eq, gte, lt, lte, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import { appointmentSlots, offices, publicHolidays } from '@/db/schema'
import { istanbulDayBounds } from '@/lib/domain/appointments/check-in'
import { fromIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'
import type { AddHolidayInput, HolidayRow } from '@/lib/schemas/staff/holidays'
import { requireStaff } from '../actor'
import { loadBookingRules } from '../appointments/booking-settings'
import { fillOfficeDays } from '../appointments/generate-slots'
import { writeAudit } from '../audit'
import { todayInIstanbul } from '../clock'
import type { Tx } from '../idempotency'
import { cancelByDirectorate, closeSlots, inCapacityTransaction } from './capacity'
import { notifyDisplaced } from './notify-displaced'

// Public holidays are national: the religious ones move every year, so the national admin
// keeps the table right. A new holiday closes the slots already made for that day (people
// booked then are told, with the earliest free times); removing one opens the day again.

export type HolidayResult =
  | { ok: true; displaced: number }
  | { ok: false; reason: 'date_not_ahead' | 'not_a_holiday' | 'busy' }

/**
 * Slot generation locks its office while it reads the holidays: holding every office here
 * means no office makes slots for the day while the holiday changes (lock order: offices,
 * then slots, then seats).
 */
async function lockAllOffices(tx: Tx) {
  return tx.select().from(offices).orderBy(asc(offices.id)).for('update')
}

export async function listHolidays(year: number): Promise<HolidayRow[]> {
  await requireStaff('holidays.manage')
  const db = await getDb()
  return db
    .select({
      date: publicHolidays.date,
      name: publicHolidays.name,
      halfDay: publicHolidays.halfDay,
    })
    .from(publicHolidays)
    .where(
      and(gte(publicHolidays.date, `${year}-01-01`), lte(publicHolidays.date, `${year}-12-31`)),
    )
    .orderBy(asc(publicHolidays.date))
}

export async function addHoliday(input: AddHolidayInput): Promise<HolidayResult> {
  const actor = await requireStaff('holidays.manage')
  // Today's visitors are already on their way; a change starts tomorrow at the earliest.
  if (input.date <= todayInIstanbul()) return { ok: false, reason: 'date_not_ahead' }
  const rules = await loadBookingRules()
  const { from, to } = istanbulDayBounds(input.date)
  const closesFrom = input.halfDay ? fromIstanbulWallTime(input.date, rules.halfDayClosesAt) : from
  return inCapacityTransaction(async (tx) => {
    await lockAllOffices(tx)
    await tx
      .insert(publicHolidays)
      .values(input)
      .onConflictDoUpdate({
        target: publicHolidays.date,
        set: { name: input.name, halfDay: input.halfDay },
      })
    const slots = await tx
      .select({ id: appointmentSlots.id, directorateId: appointmentSlots.directorateId })
      .from(appointmentSlots)
      .where(
        and(
          gte(appointmentSlots.startsAt, closesFrom),
          lt(appointmentSlots.startsAt, to),
          eq(appointmentSlots.closed, false),
        ),
      )
      .orderBy(appointmentSlots.startsAt, appointmentSlots.id)
      .for('update')
    const byDirectorate = new Map<string, string[]>()
    for (const s of slots)
      byDirectorate.set(s.directorateId, [...(byDirectorate.get(s.directorateId) ?? []), s.id])
    let count = 0
    for (const [directorateId, slotIds] of byDirectorate) {
      const affected = await closeSlots(tx, slotIds)
      const cancelled = await cancelByDirectorate(tx, affected, actor.userId)
      await notifyDisplaced(tx, cancelled, directorateId)
      count += cancelled.length
    }
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: 'holiday.added',
      entityType: 'public_holiday',
      entityId: input.date,
      details: { halfDay: input.halfDay, displaced: count },
    })
    return { ok: true, displaced: count } as const
  })
}

export async function removeHoliday(date: string): Promise<HolidayResult> {
  const actor = await requireStaff('holidays.manage')
  if (date <= todayInIstanbul()) return { ok: false, reason: 'date_not_ahead' }
  const rules = await loadBookingRules()
  const { from, to } = istanbulDayBounds(date)
  return inCapacityTransaction(async (tx) => {
    const offices = await lockAllOffices(tx)
    const removed = await tx
      .delete(publicHolidays)
      .where(eq(publicHolidays.date, date))
      .returning({ date: publicHolidays.date })
    if (removed.length === 0) return { ok: false, reason: 'not_a_holiday' } as const
    // Slots the holiday closed open again, unless the office itself closed that day.
    await queryRows(
      tx,
      sql`update appointment_slots s set closed = false
           where s.starts_at >= ${from.toISOString()} and s.starts_at < ${to.toISOString()}
             and s.closed and not exists (select 1 from office_closures c
               where c.office_id = s.office_id and c.date = ${date} and c.counter_id is null)
          returning s.id`,
    )
    // Offices whose slots were made while it was a holiday get that day's slots now.
    for (const office of offices.filter(
      (o) => o.slotsGeneratedUntil && o.slotsGeneratedUntil >= date,
    ))
      await fillOfficeDays(tx, office, date, 1, rules)
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: 'holiday.removed',
      entityType: 'public_holiday',
      entityId: date,
    })
    return { ok: true, displaced: 0 } as const
  })
}
