import 'server-only'
import { eq, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { applications, outboxMessages, users } from '@/db/schema'
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/domain/locales'
import { mobileNumberForSms } from '@/lib/domain/mobile-number'
import type { Tx } from '../idempotency'
import { isSmsEnabled } from './configured-gateway'

export type SmsRecipient = { to: string; locale: Locale; reference: string; applicationId: string }

/**
 * The applicant's mobile number (form_data.personal.phone, in E.164) and stored language, or
 * null when they gave no number, a landline, or the deployment sends no SMS.
 */
export async function readSmsRecipient(
  tx: Pick<Tx, 'select'>,
  applicationId: string,
): Promise<SmsRecipient | null> {
  if (!isSmsEnabled()) return null
  const [row] = await tx
    .select({
      phone: sql<unknown>`${applications.formData} -> 'personal' ->> 'phone'`,
      locale: users.preferredLocale,
      reference: applications.reference,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .where(eq(applications.id, applicationId))
  const to = row ? mobileNumberForSms(row.phone) : null
  if (!row || !to) return null
  return {
    to,
    locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
    reference: row.reference,
    applicationId,
  }
}

/**
 * Queues a text message in the caller's transaction. Without SMS_GATEWAY_URL nothing is queued
 * (readSmsRecipient gives no recipient), so no message waits for a gateway that never comes.
 */
export async function enqueueSms(
  tx: Pick<Db, 'insert'>,
  sms: { template: string; recipient: SmsRecipient; text: string },
): Promise<void> {
  await tx.insert(outboxMessages).values({
    channel: 'sms',
    template: sms.template,
    recipient: sms.recipient.to,
    locale: sms.recipient.locale,
    subject: '',
    body: sms.text,
    applicationId: sms.recipient.applicationId,
  })
}
