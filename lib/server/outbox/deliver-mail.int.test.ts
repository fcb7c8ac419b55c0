import { randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { createTransport } from 'nodemailer'
import { beforeEach, describe, expect, it } from 'vitest'
import { getDb, type Db } from '@/db'
import { outboxMessages } from '@/db/schema'
import { deliverPendingMail } from './deliver-mail'
import { enqueueMail, type OutgoingMail } from './enqueue-mail'

const recipient = () => `outbox.${randomBytes(4).toString('hex')}@example.org`

/** Queues one English message to a fresh address, as the app does in its transaction. */
async function queueMail(
  db: Db,
  mail: Pick<OutgoingMail, 'subject'> & Partial<Pick<OutgoingMail, 'template' | 'body'>>,
): Promise<string> {
  const to = recipient()
  await db.transaction((tx) =>
    enqueueMail(tx, { template: 'test', recipient: to, locale: 'en', body: 'Body', ...mail }),
  )
  return to
}

// Other test files share the PostgreSQL database and leave mail in the outbox; put it off so
// only the message each test queues is due, and a refusing server does not wait on all of it.
beforeEach(async () => {
  const db = await getDb()
  await db
    .update(outboxMessages)
    .set({ nextAttemptAt: sql`now() + interval '1 day'` })
    .where(eq(outboxMessages.status, 'pending'))
})

describe('outbox delivery', () => {
  it('sends a queued message through SMTP (nodemailer) and marks it sent', async () => {
    const db = await getDb()
    const to = await queueMail(db, { subject: 'Hello' })
    // nodemailer's own stream transport builds the real RFC 822 message without a network.
    const sent: string[] = []
    const transport = createTransport({ streamTransport: true, buffer: true })
    transport.on('idle', () => {})
    const original = transport.sendMail.bind(transport)
    transport.sendMail = (async (mail: Parameters<typeof original>[0]) => {
      const info = await original(mail)
      sent.push(String((info as unknown as { message: Buffer }).message))
      return info
    }) as typeof transport.sendMail
    await deliverPendingMail(db, transport, 500)
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.recipient, to))
    expect(row?.status).toBe('sent')
    expect(row?.sentAt).toBeInstanceOf(Date)
    expect(sent.some((m) => m.includes(`To: ${to}`) && m.includes('Subject: Hello'))).toBe(true)
  })

  it('keeps a message for a later try when the mail server refuses it', async () => {
    const db = await getDb()
    const to = await queueMail(db, { subject: 'Retry' })
    const refusing = createTransport({ host: '127.0.0.1', port: 1, connectionTimeout: 500 })
    await deliverPendingMail(db, refusing, 500)
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.recipient, to))
    expect(row?.status).toBe('pending')
    expect(row?.attempts).toBe(1)
    expect(row?.lastError).toBeTruthy()
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now())
  })

  it('removes a sign-in code from the database once it is delivered', async () => {
    const db = await getDb()
    const to = await queueMail(db, {
      template: 'sign-in-code',
      subject: 'Code 123456',
      body: 'Your code is 123456',
    })
    await deliverPendingMail(db, createTransport({ jsonTransport: true }), 500)
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.recipient, to))
    expect(row?.status).toBe('sent')
    expect(`${row?.subject} ${row?.body}`).not.toContain('123456')
  })
})
