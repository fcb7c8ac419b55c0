import 'server-only'
import { and, desc, eq, inArray } from 'drizzle-orm'
import { appointments, appointmentSlots, offices } from '@/db/schema'
import type { AppointmentView } from '@/lib/schemas/api/appointments'
import type { Tx } from '../idempotency'

export type { AppointmentView }

export type BookingRefusal =
  | 'not_awaiting_appointment'
  | 'booking_restricted'
  | 'already_booked'
  | 'slot_not_offered'
  | 'slot_closed'
  | 'slot_in_draw'
  | 'assigned_directorate'
  | 'slot_in_past'
  | 'slot_full'
  | 'same_slot'
  | 'hold_expired'
  | 'no_active_appointment'
  | 'appointment_passed'
  | 'too_close_to_change'
  | 'too_many_reschedules'
  | 'key_reused'

export type BookingResult =
  { ok: true; appointment: AppointmentView } | { ok: false; reason: BookingRefusal }

type Reader = Pick<Tx, 'select'>

/** A hold whose time ran out: as good as gone, even before anyone takes the place. */
export function isLapsedHold(appointment: AppointmentView, now = new Date()): boolean {
  return (
    appointment.status === 'held' &&
    appointment.holdExpiresAt !== null &&
    new Date(appointment.holdExpiresAt) < now
  )
}

/** The application's appointment: the active one, or else the latest, or null. */
export async function readAppointment(
  db: Reader,
  where: { id: string } | { applicationId: string; activeOnly: boolean },
): Promise<AppointmentView | null> {
  const condition =
    'id' in where
      ? eq(appointments.id, where.id)
      : where.activeOnly
        ? and(
            eq(appointments.applicationId, where.applicationId),
            inArray(appointments.status, ['held', 'confirmed']),
          )
        : eq(appointments.applicationId, where.applicationId)
  const [row] = await db
    .select({
      id: appointments.id,
      applicationId: appointments.applicationId,
      status: appointments.status,
      startsAt: appointmentSlots.startsAt,
      endsAt: appointmentSlots.endsAt,
      holdExpiresAt: appointments.holdExpiresAt,
      officeName: offices.name,
      officeAddress: offices.address,
      rescheduleCount: appointments.rescheduleCount,
    })
    .from(appointments)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
    .innerJoin(offices, eq(offices.id, appointmentSlots.officeId))
    .where(condition)
    .orderBy(desc(appointments.createdAt))
    .limit(1)
  if (!row) return null
  return {
    ...row,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    holdExpiresAt: row.holdExpiresAt?.toISOString() ?? null,
  }
}
