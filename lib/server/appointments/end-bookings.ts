import 'server-only'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { appointmentRequests, appointments, appointmentWaitlist } from '@/db/schema'
import { ACTIVE_APPOINTMENT_STATUSES } from '@/lib/domain/appointments/appointment-status'
import { writeAudit } from '../audit'
import type { Tx } from '../transaction'
import { releaseSeat } from './seats'

/** Gives an offered place back to everyone at once (no quarantine: nobody had it). */
export async function returnOfferedSeat(
  tx: Tx,
  slotId: string,
  seatNo: number,
  applicationId: string,
) {
  await tx.execute(
    sql`update slot_seats
           set state = 'free', offered_to = null, hold_expires_at = null, available_from = now()
         where slot_id = ${slotId} and seat_no = ${seatNo}
           and state = 'offered' and offered_to = ${applicationId}`,
  )
}

/**
 * Takes the application off the waitlist; an open offer goes back to the pool at once. The
 * caller has locked the application. Returns whether there was anything to end.
 */
export async function endWaitlistEntry(
  tx: Tx,
  applicationId: string,
  actorUserId: string,
): Promise<boolean> {
  const [entry] = await tx
    .select()
    .from(appointmentWaitlist)
    .where(eq(appointmentWaitlist.applicationId, applicationId))
    .for('update')
  if (!entry || (entry.status !== 'waiting' && entry.status !== 'offered')) return false
  if (entry.status === 'offered' && entry.offeredSlotId && entry.offeredSeatNo !== null)
    await returnOfferedSeat(tx, entry.offeredSlotId, entry.offeredSeatNo, applicationId)
  await tx
    .update(appointmentWaitlist)
    .set({ status: 'cancelled', offerExpiresAt: null, updatedAt: sql`now()` })
    .where(eq(appointmentWaitlist.applicationId, applicationId))
  await writeAudit(tx, {
    actorUserId,
    action: 'waitlist.left',
    entityType: 'application',
    entityId: applicationId,
  })
  return true
}

/**
 * An application that ends before its appointment (withdrawn by the applicant) gives back what
 * it holds: the appointment's place at once (a withdrawal is not a late cancellation, and the
 * place is more use to someone else today), its waitlist entry and its date request. The
 * caller has locked the application and commits this with the status change.
 */
export async function endApplicationBookings(
  tx: Tx,
  applicationId: string,
  actorUserId: string,
): Promise<void> {
  const active = await tx
    .update(appointments)
    .set({ status: 'cancelled', endedAt: sql`now()`, version: sql`${appointments.version} + 1` })
    .where(
      and(
        eq(appointments.applicationId, applicationId),
        inArray(appointments.status, [...ACTIVE_APPOINTMENT_STATUSES]),
      ),
    )
    .returning({ id: appointments.id })
  for (const { id } of active) {
    await releaseSeat(tx, id, new Date())
    await writeAudit(tx, {
      actorUserId,
      action: 'appointment.cancelled',
      entityType: 'appointment',
      entityId: id,
      details: { applicationId, reason: 'application_withdrawn' },
    })
  }
  await endWaitlistEntry(tx, applicationId, actorUserId)
  await tx
    .update(appointmentRequests)
    .set({ status: 'cancelled', updatedAt: sql`now()` })
    .where(
      and(
        eq(appointmentRequests.applicationId, applicationId),
        eq(appointmentRequests.status, 'waiting'),
      ),
    )
}
