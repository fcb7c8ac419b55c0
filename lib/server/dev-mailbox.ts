import 'server-only'
import { desc } from 'drizzle-orm'
import { connection } from 'next/server'
import { getDb } from '@/db'
import { outboxMessages } from '@/db/schema'
import { isDemoMode } from './env'

export type MailboxEntry = {
  id: string
  recipient: string
  subject: string
  body: string
  html: string | null
  createdAt: Date
}

/** Demo mode only (`npm run demo`): the latest outgoing mail. Otherwise null, in any build. */
export async function readDevMailbox(limit = 50): Promise<MailboxEntry[] | null> {
  await connection() // read at request time, never while building
  if (!isDemoMode()) return null
  const db = await getDb()
  return db
    .select({
      id: outboxMessages.id,
      recipient: outboxMessages.recipient,
      subject: outboxMessages.subject,
      body: outboxMessages.body,
      html: outboxMessages.html,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .orderBy(desc(outboxMessages.createdAt))
    .limit(limit)
}
