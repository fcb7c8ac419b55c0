import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import { appointmentSlots, appointments, counters, officeClosures, offices } from '@/db/schema'
import { istanbulDayBounds } from '@/lib/domain/appointments/check-in'
import type { StaffRole } from '@/lib/domain/staff-roles'
import type { CapacityOffice, CloseDayInput, DayCapacityInput } from '@/lib/schemas/staff/capacity'
import { AccessDenied, requireStaff } from '../actor'
import { writeAudit } from '../audit'
import { todayInIstanbul } from '../clock'
import { pgCode, type Tx } from '../idempotency'
import { CLAIMABLE } from '../appointments/seats'
import { notifyDisplaced } from './notify-displaced'

// A directorate admin changes what an office can take on a day. Every change runs in one
// transaction per day: the slots are locked first, then their places, then the appointments
// on them (the lock order of the booking code), and people who lose their appointment are
// told, with the earliest free times, in the same transaction.

export type CapacityResult =
  | { ok: true; displaced: number }
  | { ok: false; reason: 'date_in_past' | 'counter_not_in_office' | 'already_closed' | 'busy' }

async function ownOffice(officeId: string) {
  const actor = await requireStaff('capacity.manage')
  const db = await getDb()
  const [office] = await db
    .select({ id: offices.id, directorateId: offices.directorateId })
    .from(offices)
    .where(eq(offices.id, officeId))
  // Another directorate's office is answered like one that does not exist.
  if (!office || office.directorateId !== actor.directorateId) throw new AccessDenied('not_found')
  return { actor, office }
}

/**
 * One transaction of a staff capacity change; waiting too long on a lock, or a deadlock
 * PostgreSQL broke, answers "busy, try again" instead of an error page.
 */
export async function inCapacityTransaction<R>(
  work: (tx: Tx) => Promise<R>,
): Promise<R | { ok: false; reason: 'busy' }> {
  const db = await getDb()
  try {
    return await db.transaction(work)
  } catch (error) {
    const code = pgCode(error)
    if (code === '55P03' || code === '40P01') return { ok: false, reason: 'busy' }
    throw error
  }
}

async function lockDaySlots(tx: Tx, officeId: string, date: string) {
  const { from, to } = istanbulDayBounds(date)
  return tx
    .select({ id: appointmentSlots.id, capacity: appointmentSlots.capacity })
    .from(appointmentSlots)
    .where(
      and(
        eq(appointmentSlots.officeId, officeId),
        gte(appointmentSlots.startsAt, from),
        lt(appointmentSlots.startsAt, to),
        eq(appointmentSlots.closed, false),
      ),
    )
    .orderBy(asc(appointmentSlots.startsAt), asc(appointmentSlots.id))
    .for('update')
}

/**
 * Cancels appointments the directorate can no longer keep; not the applicant's doing, so no
 * strike. Returns their ids for the notification.
 */
export async function cancelByDirectorate(
  tx: Tx,
  ids: string[],
  actorId: string,
): Promise<string[]> {
  if (ids.length === 0) return []
  const ended = await tx
    .update(appointments)
    .set({
      status: 'cancelled',
      cancelledBy: 'directorate',
      endedAt: sql`now()`,
      version: sql`${appointments.version} + 1`,
    })
    .where(and(inArray(appointments.id, ids), inArray(appointments.status, ['held', 'confirmed'])))
    .returning({ id: appointments.id })
  for (const { id } of ended)
    await writeAudit(tx, {
      actorUserId: actorId,
      action: 'appointment.cancelled_by_directorate',
      entityType: 'appointment',
      entityId: id,
    })
  return ended.map((e) => e.id)
}

/**
 * Closes locked slots: their places are emptied and nobody can book them. Returns the
 * appointments that were on them, for cancelByDirectorate.
 */
export async function closeSlots(tx: Tx, slotIds: string[]): Promise<string[]> {
  if (slotIds.length === 0) return []
  const ids = sql.join(
    slotIds.map((id) => sql`${id}`),
    sql`, `,
  )
  const taken = await queryRows<{ appointment_id: string }>(
    tx,
    sql`select appointment_id from slot_seats
         where slot_id in (${ids}) and appointment_id is not null for update`,
  )
  await tx.execute(
    sql`update slot_seats set state = 'free', appointment_id = null, hold_expires_at = null,
               offered_to = null
         where slot_id in (${ids}) and state <> 'free'`,
  )
  await tx
    .update(appointmentSlots)
    .set({ closed: true })
    .where(inArray(appointmentSlots.id, slotIds))
  return taken.map((r) => r.appointment_id)
}

/** Sets the places of one slot to `target`: free places go first, then the latest bookings. */
async function resizeSlot(tx: Tx, slotId: string, target: number): Promise<string[]> {
  // Places anyone could take go first (free, or a hold or offer that ran out), then the
  // latest seats; only people who still hold a place are displaced.
  const seats = await queryRows<{
    seat_no: number
    claimable: boolean
    appointment_id: string | null
  }>(
    tx,
    sql`select seat_no, ${CLAIMABLE} as claimable, appointment_id from slot_seats
         where slot_id = ${slotId}
         order by ${CLAIMABLE} desc, seat_no desc for update`,
  )
  if (target > seats.length) {
    const top = Math.max(0, ...seats.map((s) => Number(s.seat_no)))
    await tx.execute(
      sql`insert into slot_seats (slot_id, seat_no)
          select ${slotId}::uuid, n from generate_series(${top + 1}::int, ${top + target - seats.length}::int) n`,
    )
  }
  const removed = seats.slice(0, Math.max(0, seats.length - target))
  const displaced = removed.flatMap((s) =>
    s.appointment_id && !s.claimable ? [s.appointment_id] : [],
  )
  // A hold that ran out on a removed place ends here, as claimSeat would end it.
  const lapsed = removed.flatMap((s) => (s.appointment_id && s.claimable ? [s.appointment_id] : []))
  if (lapsed.length > 0)
    await tx
      .update(appointments)
      .set({ status: 'expired', endedAt: sql`now()`, version: sql`${appointments.version} + 1` })
      .where(and(inArray(appointments.id, lapsed), eq(appointments.status, 'held')))
  if (removed.length > 0)
    await tx.execute(
      sql`delete from slot_seats where slot_id = ${slotId} and seat_no in (${sql.join(
        removed.map((s) => sql`${Number(s.seat_no)}`),
        sql`, `,
      )})`,
    )
  await tx.update(appointmentSlots).set({ capacity: target }).where(eq(appointmentSlots.id, slotId))
  return displaced
}

/** Closes an office for a day, or one counter (one place fewer in every slot that day). */
export async function closeOfficeDay(input: CloseDayInput): Promise<CapacityResult> {
  const { actor, office } = await ownOffice(input.officeId)
  if (input.date < todayInIstanbul()) return { ok: false, reason: 'date_in_past' }
  const db = await getDb()
  if (input.counterId) {
    const [counter] = await db
      .select({ officeId: counters.officeId })
      .from(counters)
      .where(eq(counters.id, input.counterId))
    if (counter?.officeId !== office.id) return { ok: false, reason: 'counter_not_in_office' }
  }
  return inCapacityTransaction(async (tx) => {
    // The office first: slot generation takes it too, so no slot is made behind our back.
    await tx.select({ id: offices.id }).from(offices).where(eq(offices.id, office.id)).for('update')
    const slots = await lockDaySlots(tx, office.id, input.date)
    const [already] = await tx
      .select({ id: officeClosures.id })
      .from(officeClosures)
      .where(
        and(
          eq(officeClosures.officeId, office.id),
          eq(officeClosures.date, input.date),
          input.counterId
            ? eq(officeClosures.counterId, input.counterId)
            : isNull(officeClosures.counterId),
        ),
      )
    if (already) return { ok: false, reason: 'already_closed' } as const
    const affected: string[] = []
    const closing: string[] = []
    for (const slot of slots) {
      if (input.counterId) {
        affected.push(...(await resizeSlot(tx, slot.id, Math.max(0, slot.capacity - 1))))
        continue
      }
      closing.push(slot.id)
    }
    affected.push(...(await closeSlots(tx, closing)))
    await tx.insert(officeClosures).values({
      id: randomUUID(),
      officeId: office.id,
      counterId: input.counterId ?? null,
      date: input.date,
      reason: input.reason,
      createdBy: actor.userId,
    })
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: input.counterId ? 'capacity.counter_closed' : 'capacity.day_closed',
      entityType: 'office',
      entityId: office.id,
      details: { date: input.date, counterId: input.counterId ?? null },
    })
    const cancelled = await cancelByDirectorate(tx, affected, actor.userId)
    await notifyDisplaced(tx, cancelled, office.directorateId)
    return { ok: true, displaced: cancelled.length } as const
  })
}

/** Sets the number of places per slot for one day at one office. */
export async function setDayCapacity(input: DayCapacityInput): Promise<CapacityResult> {
  const { actor, office } = await ownOffice(input.officeId)
  if (input.date < todayInIstanbul()) return { ok: false, reason: 'date_in_past' }
  return inCapacityTransaction(async (tx) => {
    const affected: string[] = []
    for (const slot of await lockDaySlots(tx, office.id, input.date))
      affected.push(...(await resizeSlot(tx, slot.id, input.placesPerSlot)))
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: 'capacity.day_changed',
      entityType: 'office',
      entityId: office.id,
      details: { date: input.date, placesPerSlot: input.placesPerSlot },
    })
    const cancelled = await cancelByDirectorate(tx, affected, actor.userId)
    await notifyDisplaced(tx, cancelled, office.directorateId)
    return { ok: true, displaced: cancelled.length } as const
  })
}

/** The offices and counters the admin manages; a national admin has no directorate here. */
export async function listCapacityOffices(): Promise<{
  role: StaffRole
  offices: CapacityOffice[]
}> {
  const actor = await requireStaff('capacity.manage')
  if (!actor.directorateId) return { role: actor.role, offices: [] }
  const db = await getDb()
  const rows = await db
    .select({ id: offices.id, name: offices.name, counterId: counters.id, label: counters.label })
    .from(offices)
    .leftJoin(counters, and(eq(counters.officeId, offices.id), eq(counters.active, true)))
    .where(eq(offices.directorateId, actor.directorateId))
    .orderBy(asc(offices.name), asc(counters.label))
  const byOffice = new Map<string, CapacityOffice>()
  for (const row of rows) {
    const office = byOffice.get(row.id) ?? { id: row.id, name: row.name, counters: [] }
    if (row.counterId) office.counters.push({ id: row.counterId, label: row.label! })
    byOffice.set(row.id, office)
  }
  return { role: actor.role, offices: [...byOffice.values()] }
}
