import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { appointments } from '@/db/schema'
import {
  checkCancellation,
  checkReschedule,
  quarantineEndsAt,
} from '@/lib/domain/appointments/booking-rules'
import { writeAudit } from '../audit'
import type { Tx } from '../idempotency'
import { sendAppointmentMail } from './appointment-mail'
import { readAppointment, type AppointmentView, type BookingResult } from './appointment-view'
import {
  assertSlotBookable,
  lockSlotsInOrder,
  lockBookableApplication,
  refuse,
  type BookingContext,
} from './booking-guard'
import { runBookingOperation, type BookingRequest } from './booking-operation'
import { claimWithRetry } from './hold-appointment'
import { releaseSeat } from './seats'

async function lockConfirmed(
  tx: Tx,
  ctx: BookingContext,
  options: { refuseAssigned?: boolean } = {},
): Promise<{ current: AppointmentView; slotId: string; directorateId: string }> {
  const directorateId = await lockBookableApplication(tx, ctx, options)
  const current = await readAppointment(tx, { applicationId: ctx.applicationId, activeOnly: true })
  if (!current || current.status !== 'confirmed') return refuse('no_active_appointment')
  const [row] = await tx
    .select({ slotId: appointments.slotId })
    .from(appointments)
    .where(eq(appointments.id, current.id))
  return { current, slotId: row!.slotId, directorateId }
}

async function endAppointment(
  tx: Tx,
  ctx: BookingContext,
  current: AppointmentView,
  status: 'rescheduled' | 'cancelled',
  lateCancellation = false,
): Promise<void> {
  // The place goes back to the pool after a short quarantine (ZMS holds freed slots back).
  await releaseSeat(tx, current.id, quarantineEndsAt(new Date(), ctx.rules))
  const ended = await tx
    .update(appointments)
    .set({
      status,
      lateCancellation,
      // The applicant's own cancellation: a strike however early (countsAsStrike).
      cancelledBy: status === 'cancelled' ? 'applicant' : null,
      endedAt: sql`now()`,
      version: sql`${appointments.version} + 1`,
    })
    .where(and(eq(appointments.id, current.id), eq(appointments.status, 'confirmed')))
    .returning({ id: appointments.id })
  if (ended.length === 0) refuse('no_active_appointment')
}

/**
 * Puts the confirmed appointment `current` onto a place already claimed for `next.id`: the old
 * one ends as rescheduled (its place back after the quarantine) and the new one is confirmed,
 * pointing back to it, audited and e-mailed as rescheduled. Whether the move counts against
 * maxReschedules is the caller's rule, so the caller gives `rescheduleCount`.
 */
export async function replaceAppointment(
  tx: Tx,
  ctx: BookingContext,
  current: AppointmentView,
  next: {
    id: string
    slotId: string
    seatNo: number
    rescheduleCount: number
    auditAction: 'appointment.rescheduled' | 'waitlist.offer_accepted'
  },
): Promise<{ ok: true; appointment: AppointmentView }> {
  await endAppointment(tx, ctx, current, 'rescheduled')
  await tx.insert(appointments).values({
    id: next.id,
    applicationId: ctx.applicationId,
    applicantId: ctx.userId,
    slotId: next.slotId,
    seatNo: next.seatNo,
    status: 'confirmed',
    replacesId: current.id,
    rescheduleCount: next.rescheduleCount,
    confirmedAt: sql`now()`,
  })
  await writeAudit(tx, {
    actorUserId: ctx.userId,
    action: next.auditAction,
    entityType: 'appointment',
    entityId: next.id,
    details: { applicationId: ctx.applicationId, replaces: current.id },
  })
  const appointment = (await readAppointment(tx, { id: next.id }))!
  await sendAppointmentMail(tx, ctx, 'rescheduled', appointment)
  return { ok: true, appointment }
}

/**
 * Moves the appointment to another slot in one transaction: the new place is taken and the
 * old one released, or nothing changes. It counts against maxReschedules.
 */
export async function rescheduleAppointment(
  input: BookingRequest & { slotId: string },
): Promise<BookingResult> {
  return runBookingOperation('appointment.reschedule', input, [input.slotId], async (tx, ctx) => {
    // Where the directorate gives dates, a new time comes from a new request, not a choice.
    const { current, slotId, directorateId } = await lockConfirmed(tx, ctx, {
      refuseAssigned: true,
    })
    if (slotId === input.slotId) refuse('same_slot')
    const allowed = checkReschedule({
      startsAt: new Date(current.startsAt),
      now: new Date(),
      rescheduleCount: current.rescheduleCount,
      rules: ctx.rules,
    })
    if (!allowed.ok) refuse(allowed.reason)
    await lockSlotsInOrder(tx, [slotId, input.slotId])
    await assertSlotBookable(tx, input.slotId, directorateId)
    const id = randomUUID()
    const seatNo = await claimWithRetry(tx, {
      slotId: input.slotId,
      appointmentId: id,
      state: 'confirmed',
      holdExpiresAt: null,
    })
    return replaceAppointment(tx, ctx, current, {
      id,
      slotId: input.slotId,
      seatNo,
      rescheduleCount: current.rescheduleCount + 1,
      auditAction: 'appointment.rescheduled',
    })
  })
}

/** Cancels the appointment; inside the no-change window it counts as a late cancellation. */
export async function cancelAppointment(input: BookingRequest): Promise<BookingResult> {
  return runBookingOperation('appointment.cancel', input, [], async (tx, ctx) => {
    const { current } = await lockConfirmed(tx, ctx)
    const allowed = checkCancellation({
      startsAt: new Date(current.startsAt),
      now: new Date(),
      rules: ctx.rules,
    })
    if (!allowed.ok) return refuse(allowed.reason)
    await endAppointment(tx, ctx, current, 'cancelled', allowed.late)
    await writeAudit(tx, {
      actorUserId: ctx.userId,
      action: 'appointment.cancelled',
      entityType: 'appointment',
      entityId: current.id,
      details: { applicationId: ctx.applicationId, late: allowed.late },
    })
    const appointment = (await readAppointment(tx, { id: current.id }))!
    await sendAppointmentMail(tx, ctx, 'cancelled', appointment)
    return { ok: true, appointment }
  })
}
