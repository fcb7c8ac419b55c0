import 'server-only'
import { eq } from 'drizzle-orm'
import { applications, users } from '@/db/schema'
import { DEFAULT_LOCALE, isLocale } from '@/lib/domain/locales'
import { formatDate } from '@/lib/i18n/format-date'
import { caseMail, type CaseMailKey } from '../mail/templates/case-mails'
import { enqueueMail } from '../outbox/enqueue-mail'
import type { Tx } from '../transaction'

export type CaseMail = { key: CaseMailKey; values?: Readonly<Record<string, string>> }

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Tells the applicant about a step of their case, in the language stored on their account, in
 * the transaction that makes the step: the mail is queued exactly when the step commits.
 */
export async function mailCaseStep(
  tx: Pick<Tx, 'select' | 'insert'>,
  applicationId: string,
  mail: CaseMail,
): Promise<void> {
  const [row] = await tx
    .select({
      reference: applications.reference,
      email: users.email,
      locale: users.preferredLocale,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .where(eq(applications.id, applicationId))
  if (!row?.email) return
  const locale = row.locale && isLocale(row.locale) ? row.locale : DEFAULT_LOCALE
  const values: Record<string, string> = {}
  for (const [k, v] of Object.entries(mail.values ?? {}))
    values[k] = ISO_DATE.test(v) ? formatDate(v, locale) : v
  await enqueueMail(tx, {
    recipient: row.email,
    ...caseMail(locale, { key: mail.key, reference: row.reference, values }),
  })
}
