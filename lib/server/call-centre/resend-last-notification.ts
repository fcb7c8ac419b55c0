import 'server-only'
import { sql } from 'drizzle-orm'
import { queryRows } from '@/db/client'
import type { OutboxAttachment } from '@/db/schema'
import type { CallerActionInput, CallerActionResult } from '@/lib/schemas/call-centre/caller-action'
import { isLocale } from '@/lib/domain/locales'
import { Refused } from '../errors'
import { enqueueRenderedMail } from '../outbox/enqueue-mail'
import { enqueueSms, readSmsRecipient } from '../sms/enqueue-sms'
import type { Tx } from '../transaction'
import { actForVerifiedCaller, readApplicantContact } from './verified-caller'

/** Three a day per application: enough for "it did not arrive", too few to flood anyone. */
export const RESEND_LIMIT = { bucket: 'call_centre.resend', limit: 3, windowSeconds: 86_400 }

type Sent = {
  template: string
  locale: string
  subject: string
  body: string
  html: string | null
  attachments: OutboxAttachment[] | string
}

/**
 * The newest message of a channel about the application. Sign-in codes carry no application,
 * and are excluded by name as well: a code is never sent again by someone else's hand.
 */
async function latestSent(tx: Tx, applicationId: string, channel: 'email' | 'sms') {
  const [row] = await queryRows<Sent>(
    tx,
    sql`select template, locale, subject, body, html, attachments from outbox_messages
         where application_id = ${applicationId} and channel = ${channel}
           and template <> 'sign-in-code'
         order by created_at desc, id desc limit 1`,
  )
  return row
}

const attachmentsOf = (value: Sent['attachments']): OutboxAttachment[] =>
  typeof value === 'string' ? (JSON.parse(value) as OutboxAttachment[]) : value

async function resend(tx: Tx, applicationId: string): Promise<CallerActionResult> {
  const contact = await readApplicantContact(tx, applicationId)
  const mail = contact.email ? await latestSent(tx, applicationId, 'email') : undefined
  // Today's address, not the one the message first went to: the applicant's own choice.
  if (mail && contact.email)
    await enqueueRenderedMail(tx, {
      template: mail.template,
      recipient: contact.email,
      locale: isLocale(mail.locale) ? mail.locale : contact.locale,
      subject: mail.subject,
      body: mail.body,
      html: mail.html,
      attachments: attachmentsOf(mail.attachments),
      applicationId,
    })
  const phone = await readSmsRecipient(tx, applicationId)
  const text = phone ? await latestSent(tx, applicationId, 'sms') : undefined
  if (phone && text) {
    const locale = isLocale(text.locale) ? text.locale : phone.locale
    await enqueueSms(tx, {
      template: text.template,
      recipient: { ...phone, locale },
      text: text.body,
    })
  }
  return { email: Boolean(mail), sms: Boolean(phone && text) }
}

/** Queues the latest e-mail (and text message) about the caller's application once more. */
export async function resendLastNotification(
  input: CallerActionInput,
): Promise<CallerActionResult> {
  return actForVerifiedCaller(input, {
    action: 'call_centre.resent',
    limit: RESEND_LIMIT,
    limitMessageKey: 'callcentre:refusals.resend_limit',
    send: async (tx, verified) => {
      const result = await resend(tx, verified.applicationId)
      if (!result.email && !result.sms)
        throw new Refused('nothing_to_resend', { namespace: 'callcentre', status: 409 })
      return result
    },
  })
}
