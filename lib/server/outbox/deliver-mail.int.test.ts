import { randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { createTransport } from 'nodemailer'
import PostalMime from 'postal-mime'
import { beforeEach, describe, expect, it } from 'vitest'
import { getDb, type Db } from '@/db'
import { outboxMessages } from '@/db/schema'
import arMail from '@/locales/ar/mail.json'
import { textToBlocks } from '../mail/mail-content'
import { signInCodeMail } from '../mail/templates/account-mails'
import { deliverPendingMail } from './deliver-mail'
import { enqueueMail, type OutgoingMail } from './enqueue-mail'

const recipient = () => `outbox.${randomBytes(4).toString('hex')}@example.org`

/** Queues one English message to a fresh address, as the app does in its transaction. */
async function queueMail(
  db: Db,
  { subject, body = 'Body', ...mail }: Partial<OutgoingMail> & { subject: string; body?: string },
): Promise<string> {
  const to = recipient()
  const content = { subject, blocks: textToBlocks(body) }
  await db.transaction((tx) =>
    enqueueMail(tx, { template: 'test', recipient: to, locale: 'en', content, ...mail }),
  )
  return to
}

/**
 * nodemailer's own stream transport builds the real RFC 822 message without a network; the
 * messages it built are kept, so a test can read them back with an independent MIME parser.
 */
function capturingTransport() {
  const sent: string[] = []
  const transport = createTransport({ streamTransport: true, buffer: true })
  const original = transport.sendMail.bind(transport)
  transport.sendMail = (async (mail: Parameters<typeof original>[0]) => {
    const info = await original(mail)
    sent.push(String((info as unknown as { message: Buffer }).message))
    return info
  }) as typeof transport.sendMail
  return { transport, sent }
}

const sentTo = (sent: string[], to: string): string => {
  const found = sent.filter((m) => m.includes(`To: ${to}`))
  expect(found).toHaveLength(1)
  return found[0]!
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
    const { transport, sent } = capturingTransport()
    await deliverPendingMail(db, transport, 500)
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.recipient, to))
    expect(row?.status).toBe('sent')
    expect(row?.sentAt).toBeInstanceOf(Date)
    expect(sent.some((m) => m.includes(`To: ${to}`) && m.includes('Subject: Hello'))).toBe(true)
  })

  it('sends the sign-in code as text and HTML, with the code in the body only', async () => {
    const db = await getDb()
    const to = recipient()
    await db.transaction((tx) =>
      enqueueMail(tx, { recipient: to, ...signInCodeMail('ar', { code: '482913', minutes: 10 }) }),
    )
    const { transport, sent } = capturingTransport()
    await deliverPendingMail(db, transport, 500)
    const raw = sentTo(sent, to)
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;\s+boundary=/m)
    const mail = await PostalMime.parse(raw)
    expect(mail.subject).toBe(arMail.signInCode.subject)
    expect(raw.split('\r\n\r\n')[0]).not.toContain('482913')
    expect(mail.text).toMatch(/^482913$/m)
    expect(mail.html).toContain('<html dir="rtl" lang="ar">')
    expect(mail.html).toMatch(/<span dir="ltr"[^>]*>482913<\/span>/)
    expect(mail.attachments).toEqual([])
  })

  it('gives plain-text mail an HTML part in the shared layout, next to its attachments', async () => {
    const db = await getDb()
    const to = recipient()
    const calendar = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'
    await db.transaction((tx) =>
      enqueueMail(tx, {
        template: 'test',
        recipient: to,
        locale: 'fa',
        content: {
          subject: 'Hello',
          blocks: textToBlocks('Line <1> & more\n\nOpen https://portal.example/fa/x.'),
        },
        attachments: [
          {
            filename: 'appointment.ics',
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            content: calendar,
          },
        ],
      }),
    )
    const { transport, sent } = capturingTransport()
    await deliverPendingMail(db, transport, 500)
    const raw = sentTo(sent, to)
    expect(raw).toMatch(/^Content-Type: multipart\/mixed;\s+boundary=/m)
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;\s+boundary=/m)
    const mail = await PostalMime.parse(raw)
    expect(mail.text).toMatch(/^Line <1> & more\n\nOpen https:\/\/portal.example\/fa\/x\.\n\n/)
    expect(mail.html).toContain('<html dir="rtl" lang="fa">')
    expect(mail.html).toContain('Line &lt;1&gt; &amp; more')
    expect(mail.html).toContain('<a href="https://portal.example/fa/x"')
    expect(mail.attachments).toHaveLength(1)
    expect(mail.attachments[0]!.filename).toBe('appointment.ics')
    expect(mail.attachments[0]!.mimeType).toBe('text/calendar')
    // A mail program may turn CRLF into its own line ends; the lines themselves arrive intact.
    const received = new TextDecoder().decode(mail.attachments[0]!.content as ArrayBuffer)
    expect(received.split(/\r?\n/)).toEqual(calendar.split('\r\n'))
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
    expect(`${row?.subject} ${row?.body} ${row?.html}`).not.toContain('123456')
  })
})
