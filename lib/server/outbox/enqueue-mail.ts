import 'server-only'
import type { Db } from '@/db'
import { outboxMessages, type OutboxAttachment } from '@/db/schema'
import type { Locale } from '@/lib/domain/locales'

type Executor = Pick<Db, 'insert'>

export type OutgoingMail = {
  template: string
  recipient: string
  locale: Locale
  subject: string
  body: string
  attachments?: OutboxAttachment[]
}

/** Queues an e-mail in the caller's transaction; the worker delivers it after commit. */
export async function enqueueMail(tx: Executor, mail: OutgoingMail): Promise<void> {
  await tx.insert(outboxMessages).values({ ...mail, channel: 'email' })
}
