import 'server-only'
import { getT } from '@/lib/i18n/create-translator'
import { formatDateTime } from '@/lib/i18n/format-date'
import type { AppointmentView } from '../appointments/appointment-view'
import type { Tx } from '../idempotency'
import { enqueueSms, readSmsRecipient } from './enqueue-sms'

/** Queues the appointment reminder as SMS too, when the applicant gave a mobile number. */
export async function queueAppointmentReminderSms(
  tx: Tx,
  applicationId: string,
  appointment: Pick<AppointmentView, 'startsAt' | 'officeName'>,
): Promise<boolean> {
  const recipient = await readSmsRecipient(tx, applicationId)
  if (!recipient) return false
  const t = getT(recipient.locale, 'mail')
  await enqueueSms(tx, {
    template: 'sms-appointment-reminder',
    recipient,
    text: t('sms.appointmentReminder', {
      reference: recipient.reference,
      time: formatDateTime(appointment.startsAt, recipient.locale),
      office: appointment.officeName,
    }),
  })
  return true
}
