import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { appointments, slotSeats } from '@/db/schema'
import { holdExpiresAt } from '@/lib/domain/appointments/booking-rules'
import { writeAudit } from '../audit'
import type { Tx } from '../idempotency'
import { isLapsedHold, readAppointment, type BookingResult } from './appointment-view'
import { sendAppointmentMail } from './appointment-mail'
import {
  assertSlotBookable,
  lockBookableApplication,
  refuse,
  type BookingContext,
} from './booking-guard'
import { runBookingOperation, type BookingRequest } from './booking-operation'
import { claimSeat, expireOwnHolds, slotMayFreeUp } from './seats'

/** Claims a place, trying again briefly while other transactions hold candidate rows locked. */
export async function claimWithRetry(
  tx: Tx,
  input: Parameters<typeof claimSeat>[1],
): Promise<number> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const seat = await claimSeat(tx, input)
    if (seat !== null) return seat
    if (!(await slotMayFreeUp(tx, input.slotId))) break
    await new Promise((resolve) => setTimeout(resolve, 15 * (attempt + 1)))
  }
  return refuse('slot_full')
}

/**
 * Step one of booking: holds a place for at most `holdMinutes` while the applicant confirms.
 * One transaction: the place, the appointment row, the audit row and the idempotency key.
 */
export async function holdAppointment(
  input: BookingRequest & { slotId: string },
): Promise<BookingResult> {
  return runBookingOperation('appointment.hold', input, [input.slotId], async (tx, ctx) => {
    const directorateId = await lockBookableApplication(tx, ctx, {
      checkRestriction: true,
      refuseAssigned: true,
    })
    const active = await readAppointment(tx, {
      applicationId: ctx.applicationId,
      activeOnly: true,
    })
    if (active && !isLapsedHold(active)) refuse('already_booked')
    if (active) await expireOwnHolds(tx, ctx.applicationId)
    await assertSlotBookable(tx, input.slotId, directorateId)
    const id = randomUUID()
    const expires = holdExpiresAt(new Date(), ctx.rules)
    const seatNo = await claimWithRetry(tx, {
      slotId: input.slotId,
      appointmentId: id,
      state: 'held',
      holdExpiresAt: expires,
    })
    await tx.insert(appointments).values({
      id,
      applicationId: ctx.applicationId,
      applicantId: ctx.userId,
      slotId: input.slotId,
      seatNo,
      status: 'held',
      holdExpiresAt: expires,
    })
    await writeAudit(tx, {
      actorUserId: ctx.userId,
      action: 'appointment.held',
      entityType: 'appointment',
      entityId: id,
      details: { applicationId: ctx.applicationId, slotId: input.slotId },
    })
    return { ok: true, appointment: (await readAppointment(tx, { id }))! }
  })
}

/** Step two: the held place becomes the appointment, if the hold has not run out. */
export async function confirmAppointment(input: BookingRequest): Promise<BookingResult> {
  return runBookingOperation('appointment.confirm', input, [], confirmHeld)
}

async function confirmHeld(tx: Tx, ctx: BookingContext): Promise<BookingResult> {
  await lockBookableApplication(tx, ctx)
  const current = await readAppointment(tx, { applicationId: ctx.applicationId, activeOnly: true })
  if (!current) return refuse('hold_expired')
  if (current.status === 'confirmed') return { ok: true, appointment: current }
  // The seat first (the lock order of seats.ts); a hold past its time may already be taken.
  const seat = await tx
    .update(slotSeats)
    .set({ state: 'confirmed', holdExpiresAt: null })
    .where(
      and(
        eq(slotSeats.appointmentId, current.id),
        eq(slotSeats.state, 'held'),
        sql`${slotSeats.holdExpiresAt} >= now()`,
      ),
    )
    .returning({ seatNo: slotSeats.seatNo })
  if (seat.length === 0) return refuse('hold_expired')
  await tx
    .update(appointments)
    .set({
      status: 'confirmed',
      holdExpiresAt: null,
      confirmedAt: sql`now()`,
      version: sql`${appointments.version} + 1`,
    })
    .where(and(eq(appointments.id, current.id), eq(appointments.status, 'held')))
  await writeAudit(tx, {
    actorUserId: ctx.userId,
    action: 'appointment.confirmed',
    entityType: 'appointment',
    entityId: current.id,
    details: { applicationId: ctx.applicationId },
  })
  const appointment = (await readAppointment(tx, { id: current.id }))!
  await sendAppointmentMail(tx, ctx, 'booked', appointment)
  return { ok: true, appointment }
}
