import 'server-only'
import type { Db } from '@/db'
import { outboxMessages, type OutboxAttachment } from '@/db/schema'
import { renderMail, type ComposedMail, type RenderedMail } from '../mail/compose-mail'

type Executor = Pick<Db, 'insert'>

/** A message for the outbox: one of the templates in lib/server/mail/templates, and its address. */
export type OutgoingMail = ComposedMail & {
  recipient: string
  attachments?: OutboxAttachment[]
  /** The application the message is about; never set for sign-in codes. */
  applicationId?: string
}

/** A message whose parts are already rendered: the same bytes go out on every try. */
export type RenderedOutgoingMail = Omit<OutgoingMail, 'content'> &
  Omit<RenderedMail, 'html'> & { html: string | null }

/** Queues rendered parts as they are: a new message, or a copy of one sent before. */
export async function enqueueRenderedMail(tx: Executor, mail: RenderedOutgoingMail): Promise<void> {
  await tx.insert(outboxMessages).values({
    channel: 'email',
    template: mail.template,
    recipient: mail.recipient,
    locale: mail.locale,
    applicationId: mail.applicationId ?? null,
    subject: mail.subject,
    body: mail.body,
    html: mail.html,
    attachments: mail.attachments ?? [],
  })
}

/**
 * Queues an e-mail in the caller's transaction; the worker delivers it after commit. Both parts
 * are rendered now, so every try sends exactly what was queued.
 */
export async function enqueueMail(tx: Executor, { content, ...mail }: OutgoingMail): Promise<void> {
  await enqueueRenderedMail(tx, { ...mail, ...(await renderMail(content, mail.locale)) })
}
