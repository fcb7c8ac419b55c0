import 'server-only'
import { getDb } from '@/db'
import type { Locale } from '@/lib/domain/locales'
import { getMyApplication } from '../applications/my-application'
import { isLapsedHold, readAppointment, type AppointmentView } from './appointment-view'
import { appointmentCalendarFile } from './calendar-file'

/** The caller's active appointment for their application; someone else's is a 404. */
export async function findMyAppointment(applicationId: string): Promise<AppointmentView | null> {
  await getMyApplication(applicationId)
  const db = await getDb()
  const appointment = await readAppointment(db, { applicationId, activeOnly: true })
  return appointment && isLapsedHold(appointment) ? null : appointment
}

export async function myAppointmentCalendar(
  applicationId: string,
  locale: Locale,
): Promise<string | null> {
  const app = await getMyApplication(applicationId)
  const appointment = await findMyAppointment(applicationId)
  if (appointment?.status !== 'confirmed') return null
  return appointmentCalendarFile(appointment, app.reference, locale)
}
