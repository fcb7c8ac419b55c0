import 'server-only'
import type { Db } from '@/db'
import { outboxMessages, type OutboxAttachment } from '@/db/schema'
import { renderMail, type ComposedMail } from '../mail/compose-mail'

type Executor = Pick<Db, 'insert'>

/** A message for the outbox: one of the templates in lib/server/mail/templates, and its address. */
export type OutgoingMail = ComposedMail & { recipient: string; attachments?: OutboxAttachment[] }

/**
 * Queues an e-mail in the caller's transaction; the worker delivers it after commit. Both parts
 * are rendered now, so every try sends exactly what was queued.
 */
export async function enqueueMail(tx: Executor, mail: OutgoingMail): Promise<void> {
  const parts = await renderMail(mail.content, mail.locale)
  await tx.insert(outboxMessages).values({
    channel: 'email',
    template: mail.template,
    recipient: mail.recipient,
    locale: mail.locale,
    ...parts,
    attachments: mail.attachments ?? [],
  })
}
