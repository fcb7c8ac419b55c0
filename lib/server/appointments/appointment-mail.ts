import 'server-only'
import { eq } from 'drizzle-orm'
import { applications, users } from '@/db/schema'
import { formatAppointmentTime } from '@/lib/i18n/format-appointment-time'
import { getT } from '@/lib/i18n/create-translator'
import type { Tx } from '../idempotency'
import { enqueueMail } from '../outbox/enqueue-mail'
import type { AppointmentView } from './appointment-view'
import type { BookingContext } from './booking-guard'
import { appointmentCalendarFile } from './calendar-file'

export type AppointmentMailKind = 'booked' | 'rescheduled' | 'cancelled' | 'reminder'

/** Queues the applicant's e-mail about their appointment, with the calendar file. */
export async function sendAppointmentMail(
  tx: Tx,
  ctx: Pick<BookingContext, 'applicationId' | 'locale'>,
  kind: AppointmentMailKind,
  appointment: AppointmentView,
): Promise<void> {
  const [row] = await tx
    .select({ email: users.email, reference: applications.reference })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .where(eq(applications.id, ctx.applicationId))
  if (!row?.email) return
  const t = getT(ctx.locale, 'mail')
  const values = {
    reference: row.reference,
    time: formatAppointmentTime(appointment.startsAt, ctx.locale),
    office: `${appointment.officeName}, ${appointment.officeAddress}`,
  }
  const cancelled = kind === 'cancelled'
  await enqueueMail(tx, {
    template: `appointment-${kind}`,
    recipient: row.email,
    locale: ctx.locale,
    subject: t(`appointment.${kind}.subject`, values),
    body: t(`appointment.${kind}.body`, values),
    attachments: [
      {
        filename: cancelled ? 'appointment-cancelled.ics' : 'appointment.ics',
        contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}`,
        content: appointmentCalendarFile(appointment, row.reference, ctx.locale, cancelled),
      },
    ],
  })
}
