import 'server-only'
import { sql } from 'drizzle-orm'
import { queryRows } from '@/db/client'
import { formatDateTime } from '@/lib/i18n/format-date'
import { getT } from '@/lib/i18n/create-translator'
import type { CallerActionInput, CallerActionResult } from '@/lib/schemas/call-centre/caller-action'
import { portalUrl } from '../env'
import { Refused } from '../errors'
import { appointmentChangeLinkMail } from '../mail/templates/call-centre-mails'
import { enqueueMail } from '../outbox/enqueue-mail'
import { enqueueSms, readSmsRecipient } from '../sms/enqueue-sms'
import type { Tx } from '../transaction'
import { actForVerifiedCaller, readApplicantContact, type VerifiedCase } from './verified-caller'

export const CHANGE_LINK_LIMIT = {
  bucket: 'call_centre.change_link',
  limit: 3,
  windowSeconds: 86_400,
}

async function confirmedAppointment(tx: Tx, applicationId: string) {
  const [row] = await queryRows<{ starts_at: Date | string; office: string }>(
    tx,
    sql`select s.starts_at, o.name as office from appointments p
          join appointment_slots s on s.id = p.slot_id
          join offices o on o.id = s.office_id
         where p.application_id = ${applicationId} and p.status = 'confirmed'
           and s.starts_at > now()
         limit 1`,
  )
  return row ? { startsAt: new Date(row.starts_at).toISOString(), office: row.office } : null
}

/**
 * The applicant's own appointment page (move or cancel there), on the configured public
 * origin and in the language they read. No token: they sign in as they always do.
 */
const appointmentPage = (locale: string, applicationId: string) =>
  portalUrl(`/${locale}/applications/${applicationId}/appointment`)

async function send(tx: Tx, verified: VerifiedCase): Promise<CallerActionResult> {
  const appointment = await confirmedAppointment(tx, verified.applicationId)
  if (!appointment) throw new Refused('no_appointment', { namespace: 'callcentre', status: 409 })
  const contact = await readApplicantContact(tx, verified.applicationId)
  if (contact.email) {
    const { locale } = contact
    await enqueueMail(tx, {
      recipient: contact.email,
      applicationId: verified.applicationId,
      ...appointmentChangeLinkMail(locale, {
        reference: verified.reference,
        time: formatDateTime(appointment.startsAt, locale),
        office: appointment.office,
        link: appointmentPage(locale, verified.applicationId),
      }),
    })
  }
  const phone = await readSmsRecipient(tx, verified.applicationId)
  if (phone)
    await enqueueSms(tx, {
      template: 'sms-appointment-change-link',
      recipient: phone,
      text: getT(phone.locale, 'mail')('sms.appointmentChangeLink', {
        reference: verified.reference,
        link: appointmentPage(phone.locale, verified.applicationId),
      }),
    })
  if (!contact.email && !phone) throw new Refused('no_contact', { namespace: 'callcentre' })
  return { email: Boolean(contact.email), sms: Boolean(phone) }
}

/** Sends the caller a link to the page where they move or cancel their appointment. */
export async function sendChangeLink(input: CallerActionInput): Promise<CallerActionResult> {
  return actForVerifiedCaller(input, {
    action: 'call_centre.change_link_sent',
    limit: CHANGE_LINK_LIMIT,
    limitMessageKey: 'callcentre:refusals.change_link_limit',
    send,
  })
}
