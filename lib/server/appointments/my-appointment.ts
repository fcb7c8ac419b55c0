import 'server-only'
import { getDb } from '@/db'
import type { Locale } from '@/lib/domain/locales'
import { getMyApplication } from '../applications/my-application'
import { readAppointmentRecipient } from './appointment-recipient'
import { isLapsedHold, readAppointment, type AppointmentView } from './appointment-view'
import { appointmentCalendarFile } from './calendar-file'

/** The caller's active appointment for their application; someone else's is a 404. */
export async function findMyAppointment(applicationId: string): Promise<AppointmentView | null> {
  await getMyApplication(applicationId)
  const db = await getDb()
  const appointment = await readAppointment(db, { applicationId, activeOnly: true })
  return appointment && isLapsedHold(appointment) ? null : appointment
}

/**
 * The calendar file of the caller's confirmed appointment, in the applicant's stored language
 * like the one mailed to them; `requestLocale` counts only when no language is stored.
 */
export async function myAppointmentCalendar(
  applicationId: string,
  requestLocale: Locale,
): Promise<string | null> {
  const appointment = await findMyAppointment(applicationId)
  if (appointment?.status !== 'confirmed') return null
  const recipient = await readAppointmentRecipient(await getDb(), applicationId, requestLocale)
  if (!recipient) return null
  return appointmentCalendarFile({
    appointment,
    reference: recipient.reference,
    locale: recipient.locale,
    organizer: recipient.organizer,
  })
}
