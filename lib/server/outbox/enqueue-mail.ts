import 'server-only'
import type { Db } from '@/db'
import { outboxMessages, type OutboxAttachment } from '@/db/schema'
import type { Locale } from '@/lib/domain/locales'
import { renderPlainMail } from '../mail/compose-mail'

type Executor = Pick<Db, 'insert'>

/**
 * A message for the outbox. Messages defined with `defineMail` (lib/server/mail/templates)
 * bring both parts; mail given as plain text only gets its HTML part, and the shared closing
 * lines in both parts, from the same layout: paragraphs, lists, clickable links, escaped text.
 */
export type OutgoingMail = {
  template: string
  recipient: string
  locale: Locale
  subject: string
  body: string
  html?: string
  attachments?: OutboxAttachment[]
  /** The application the message is about; never set for sign-in codes. */
  applicationId?: string
}

/** Queues an e-mail in the caller's transaction; the worker delivers it after commit. */
export async function enqueueMail(tx: Executor, mail: OutgoingMail): Promise<void> {
  const parts =
    mail.html === undefined ? renderPlainMail(mail.subject, mail.body, mail.locale) : mail
  await tx
    .insert(outboxMessages)
    .values({ ...mail, body: parts.body, html: parts.html, channel: 'email' })
}
