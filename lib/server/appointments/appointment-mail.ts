import 'server-only'
import { formatDateTime } from '@/lib/i18n/format-date'
import type { Tx } from '../idempotency'
import { appointmentMail, type AppointmentMailKind } from '../mail/templates/appointment-mails'
import { enqueueMail } from '../outbox/enqueue-mail'
import type { AppointmentView } from './appointment-view'
import { readAppointmentRecipient } from './appointment-recipient'
import type { BookingContext } from './booking-guard'
import { appointmentCalendarFile } from './calendar-file'

export type { AppointmentMailKind }

/**
 * Queues the applicant's e-mail about their appointment, with the calendar file, both in the
 * applicant's stored language (the language of the request only when none is stored).
 */
export async function sendAppointmentMail(
  tx: Tx,
  ctx: Pick<BookingContext, 'applicationId' | 'locale'>,
  kind: AppointmentMailKind,
  appointment: AppointmentView,
): Promise<void> {
  const recipient = await readAppointmentRecipient(tx, ctx.applicationId, ctx.locale)
  if (!recipient?.email) return
  const { locale, reference } = recipient
  const cancelled = kind === 'cancelled'
  await enqueueMail(tx, {
    recipient: recipient.email,
    applicationId: ctx.applicationId,
    ...appointmentMail(locale, {
      kind,
      reference,
      time: formatDateTime(appointment.startsAt, locale),
      office: `${appointment.officeName}, ${appointment.officeAddress}`,
    }),
    attachments: [
      {
        filename: cancelled ? 'appointment-cancelled.ics' : 'appointment.ics',
        contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}`,
        content: appointmentCalendarFile({
          appointment,
          reference,
          locale,
          organizer: recipient.organizer,
          cancelled,
        }),
      },
    ],
  })
}
