import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import {
  appointments,
  applications,
  appointmentSlots,
  appointmentWaitlist,
  offices,
  slotSeats,
  users,
} from '@/db/schema'
import { isOfferOpen } from '@/lib/domain/appointments/waitlist-offer'
import type { Locale } from '@/lib/domain/locales'
import { AccessDenied } from '../actor'
import { writeAudit } from '../audit'
import { getMyApplication } from '../applications/my-application'
import { Refusal, type Tx } from '../idempotency'
import { readAppointment, type AppointmentView, type BookingRefusal } from './appointment-view'
import {
  applicantContext,
  assertSlotBookable,
  lockSlotsInOrder,
  callerOf,
  lockBookableApplication,
} from './booking-guard'
import { runBookingOperation, type BookingRequest } from './booking-operation'
import { replaceAppointment } from './change-appointment'
import { endWaitlistEntry, returnOfferedSeat } from './end-bookings'

export type WaitlistRefusal = BookingRefusal | 'offer_gone'
export type WaitlistResult = { ok: true } | { ok: false; reason: WaitlistRefusal }
export type AcceptResult =
  { ok: true; appointment: AppointmentView } | { ok: false; reason: WaitlistRefusal }

export type WaitlistOffer = {
  startsAt: string
  officeName: string
  officeAddress: string
  expiresAt: string
}
export type WaitlistEntryView = {
  status: 'waiting' | 'offered'
  joinedAt: string
  offer: WaitlistOffer | null
}

const refuse = (reason: WaitlistRefusal): never => {
  throw new Refusal({ ok: false, reason })
}

/** One transaction whose refusal rolls back and becomes the answer (as runIdempotent does). */
async function inTransaction<R>(work: (tx: Tx) => Promise<R>): Promise<R | WaitlistResult> {
  const db = await getDb()
  try {
    return await db.transaction(work)
  } catch (error) {
    if (error instanceof Refusal) return error.result as WaitlistResult
    throw error
  }
}

async function lockEntry(tx: Tx, applicationId: string) {
  const [entry] = await tx
    .select()
    .from(appointmentWaitlist)
    .where(eq(appointmentWaitlist.applicationId, applicationId))
    .for('update')
  return entry ?? null
}

/**
 * Puts the caller's application on the waitlist for an earlier place. Only with a confirmed
 * appointment; joining again keeps the place in the queue. Offers are e-mailed in the
 * language used here, which is remembered like on submission.
 */
export async function joinWaitlist(applicationId: string, locale: Locale): Promise<WaitlistResult> {
  const ctx = await applicantContext(applicationId, locale)
  return inTransaction(async (tx) => {
    const directorateId = await lockBookableApplication(tx, ctx)
    const current = await readAppointment(tx, { applicationId, activeOnly: true })
    if (current?.status !== 'confirmed') refuse('no_active_appointment')
    const joined = await tx
      .insert(appointmentWaitlist)
      .values({ applicationId, applicantId: ctx.userId, directorateId })
      .onConflictDoUpdate({
        target: appointmentWaitlist.applicationId,
        set: {
          status: 'waiting',
          directorateId,
          offeredSlotId: null,
          offeredSeatNo: null,
          offerExpiresAt: null,
          offersDeclined: 0,
          createdAt: sql`now()`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`${appointmentWaitlist.status} in ('accepted', 'cancelled')`,
      })
      .returning({ id: appointmentWaitlist.applicationId })
    if (joined.length === 0) return { ok: true as const }
    await tx.update(users).set({ preferredLocale: locale }).where(eq(users.id, ctx.userId))
    await writeAudit(tx, {
      actorUserId: ctx.userId,
      action: 'waitlist.joined',
      entityType: 'application',
      entityId: applicationId,
    })
    return { ok: true as const }
  })
}

/** Takes the application off the waitlist; an open offer goes back to the pool at once. */
export async function leaveWaitlist(applicationId: string): Promise<WaitlistResult> {
  const userId = await callerOf(applicationId)
  return inTransaction(async (tx) => {
    // Leaving is allowed whatever the application's status, so only ownership is checked.
    const [own] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.id, applicationId), eq(applications.applicantId, userId)))
      .for('update')
    if (!own) throw new AccessDenied('not_found')
    await endWaitlistEntry(tx, applicationId, userId)
    return { ok: true as const }
  })
}

/** The caller's place on the waitlist and any open offer; someone else's application is 404. */
export async function findMyWaitlistEntry(
  applicationId: string,
  now = new Date(),
): Promise<WaitlistEntryView | null> {
  await getMyApplication(applicationId)
  const db = await getDb()
  const [row] = await db
    .select({
      status: appointmentWaitlist.status,
      createdAt: appointmentWaitlist.createdAt,
      offerExpiresAt: appointmentWaitlist.offerExpiresAt,
      startsAt: appointmentSlots.startsAt,
      officeName: offices.name,
      officeAddress: offices.address,
    })
    .from(appointmentWaitlist)
    .leftJoin(appointmentSlots, eq(appointmentSlots.id, appointmentWaitlist.offeredSlotId))
    .leftJoin(offices, eq(offices.id, appointmentSlots.officeId))
    .where(eq(appointmentWaitlist.applicationId, applicationId))
  if (!row || (row.status !== 'waiting' && row.status !== 'offered')) return null
  // An offer past its time is as good as gone; the job puts the entry back to waiting.
  const open = isOfferOpen(row, now)
  return {
    status: open ? 'offered' : 'waiting',
    joinedAt: row.createdAt.toISOString(),
    offer:
      open && row.startsAt && row.officeName && row.offerExpiresAt
        ? {
            startsAt: row.startsAt.toISOString(),
            officeName: row.officeName,
            officeAddress: row.officeAddress ?? '',
            expiresAt: row.offerExpiresAt.toISOString(),
          }
        : null,
  }
}

/**
 * Takes the offered place: in one transaction the confirmed appointment moves onto exactly
 * the offered seat (only while the offer is this application's and still open), the old
 * place is released after the quarantine, and the entry is done. This does not count against
 * maxReschedules (the chain keeps its count): the directorate offered the move, so the
 * applicant's own changes stay. Nor does the no-change window apply: taking an earlier place
 * frees the later one in time for someone else.
 */
export async function acceptOffer(input: BookingRequest): Promise<AcceptResult> {
  return runBookingOperation<AcceptResult>('waitlist.accept', input, [], async (tx, ctx) => {
    const directorateId = await lockBookableApplication(tx, ctx)
    const current = await readAppointment(tx, {
      applicationId: ctx.applicationId,
      activeOnly: true,
    })
    if (current?.status !== 'confirmed') return refuse('no_active_appointment')
    const entry = await lockEntry(tx, ctx.applicationId)
    if (!entry || !isOfferOpen(entry, new Date()) || !entry.offeredSlotId)
      return refuse('offer_gone')
    const [old] = await tx
      .select({ slotId: appointments.slotId })
      .from(appointments)
      .where(eq(appointments.id, current.id))
    await lockSlotsInOrder(tx, [old!.slotId, entry.offeredSlotId])
    await assertSlotBookable(tx, entry.offeredSlotId, directorateId)
    const id = randomUUID()
    // The seat first (the lock order of seats.ts), and only the seat offered to this application.
    const claimed = await tx
      .update(slotSeats)
      .set({ state: 'confirmed', appointmentId: id, offeredTo: null, holdExpiresAt: null })
      .where(
        and(
          eq(slotSeats.slotId, entry.offeredSlotId),
          eq(slotSeats.seatNo, entry.offeredSeatNo ?? -1),
          eq(slotSeats.state, 'offered'),
          eq(slotSeats.offeredTo, ctx.applicationId),
          sql`${slotSeats.holdExpiresAt} >= now()`,
        ),
      )
      .returning({ seatNo: slotSeats.seatNo })
    if (claimed.length === 0) return refuse('offer_gone')
    const moved = await replaceAppointment(tx, ctx, current, {
      id,
      slotId: entry.offeredSlotId,
      seatNo: claimed[0]!.seatNo,
      rescheduleCount: current.rescheduleCount,
      auditAction: 'waitlist.offer_accepted',
    })
    await tx
      .update(appointmentWaitlist)
      .set({ status: 'accepted', offerExpiresAt: null, updatedAt: sql`now()` })
      .where(eq(appointmentWaitlist.applicationId, ctx.applicationId))
    return moved
  })
}

/**
 * Says no to the offer: the place is free for everyone at once and the entry waits for the
 * next one. The declined slot stays recorded so the job does not offer it again.
 */
export async function declineOffer(input: BookingRequest): Promise<WaitlistResult> {
  return runBookingOperation<WaitlistResult>('waitlist.decline', input, [], async (tx, ctx) => {
    await lockBookableApplication(tx, ctx)
    const entry = await lockEntry(tx, ctx.applicationId)
    if (!entry || !isOfferOpen(entry, new Date()) || !entry.offeredSlotId)
      return refuse('offer_gone')
    await returnOfferedSeat(tx, entry.offeredSlotId, entry.offeredSeatNo ?? -1, ctx.applicationId)
    await tx
      .update(appointmentWaitlist)
      .set({
        status: 'waiting',
        offerExpiresAt: null,
        offersDeclined: sql`${appointmentWaitlist.offersDeclined} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(appointmentWaitlist.applicationId, ctx.applicationId))
    await writeAudit(tx, {
      actorUserId: ctx.userId,
      action: 'waitlist.offer_declined',
      entityType: 'application',
      entityId: ctx.applicationId,
      details: { slotId: entry.offeredSlotId },
    })
    return { ok: true }
  })
}
