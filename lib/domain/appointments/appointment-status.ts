// An appointment is held while the applicant confirms, then confirmed; it ends as attended,
// no-show, cancelled, rescheduled (replaced by a new one) or expired (the hold ran out).
export const APPOINTMENT_STATUSES = [
  'held',
  'confirmed',
  'attended',
  'no_show',
  'cancelled',
  'rescheduled',
  'expired',
] as const
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number]

// Who ended an appointment as cancelled: the applicant, or the directorate (a closed time).
export const CANCELLING_PARTIES = ['applicant', 'directorate'] as const
export type CancellingParty = (typeof CANCELLING_PARTIES)[number]

export const ACTIVE_APPOINTMENT_STATUSES = ['held', 'confirmed'] as const
export type ActiveAppointmentStatus = (typeof ACTIVE_APPOINTMENT_STATUSES)[number]

// 'offered': kept for one person on the waitlist for a short time.
export const SEAT_STATES = ['free', 'held', 'confirmed', 'offered'] as const
export type SeatState = (typeof SEAT_STATES)[number]

export function isActiveAppointment(status: AppointmentStatus): status is ActiveAppointmentStatus {
  return (ACTIVE_APPOINTMENT_STATUSES as readonly string[]).includes(status)
}
