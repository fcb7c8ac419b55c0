import '../testing/request-scope-mocks'
import { randomInt, randomUUID } from 'node:crypto'
import { and, eq, like, sql } from 'drizzle-orm'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { applications, appointments, documentRequests, outboxMessages, users } from '@/db/schema'
import faMail from '@/locales/fa/mail.json'
import ruMail from '@/locales/ru/mail.json'
import { sendDueReminders } from '../appointments/send-reminders'
import {
  confirmAs,
  createBookableApplications,
  createTestSlots,
  holdAs,
  type Bookable,
} from '../testing/booking-fixtures'
import { deliverDueMessages } from '../outbox/deliver-outbox'
import { remindDocumentDeadlines } from './document-deadline-sms'
import { createHttpSmsGateway } from './http-sms-gateway'
import { SmsSendError } from './sms-gateway'
import { createSmsSender } from './sms-sender'

const GATEWAY = 'https://sms.test/v1/messages'
const server = setupServer()
const sender = createSmsSender(
  createHttpSmsGateway({ url: GATEWAY, token: 't', sender: undefined, timeoutMs: 1_000 }),
)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  process.env.SMS_GATEWAY_URL = GATEWAY
  // Other files leave text messages due; put them off so each test sees its own only.
  const db = await getDb()
  await db
    .update(outboxMessages)
    .set({ nextAttemptAt: sql`now() + interval '1 day'` })
    .where(and(eq(outboxMessages.status, 'pending'), eq(outboxMessages.channel, 'sms')))
})
afterEach(() => {
  server.resetHandlers()
  delete process.env.SMS_GATEWAY_URL
})
afterAll(() => server.close())

const mobile = () => `+90532${String(randomInt(1_000_000, 9_999_999))}`

async function applicantWith(phone: string | null, locale: string): Promise<Bookable> {
  const [person] = await createBookableApplications(1, 12)
  const db = await getDb()
  await db.update(users).set({ preferredLocale: locale }).where(eq(users.id, person!.userId))
  await db
    .update(applications)
    .set({ formData: phone ? { personal: { phone } } : {} })
    .where(eq(applications.id, person!.applicationId))
  return person!
}

/** Books `p` 60 hours ahead (booking needs notice), confirmed long ago. */
async function bookTomorrow(p: Bookable): Promise<void> {
  const [slotId] = await createTestSlots({ provinceCode: 12, capacity: 1, startsInHours: 60 })
  expect(await holdAs(p, slotId!)).toMatchObject({ ok: true })
  expect((await confirmAs(p)).ok).toBe(true)
  const db = await getDb()
  await db
    .update(appointments)
    .set({ confirmedAt: sql`now() - interval '5 days'` })
    .where(eq(appointments.applicationId, p.applicationId))
}

// The clock of the reminder job, 40 hours on: the one-day reminder of those bookings is due.
const dayBefore = () => new Date(Date.now() + 40 * 3_600_000)

async function textsAbout(p: Bookable) {
  const db = await getDb()
  const [app] = await db
    .select({ reference: applications.reference })
    .from(applications)
    .where(eq(applications.id, p.applicationId))
  return db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.channel, 'sms'), like(outboxMessages.body, `%${app!.reference}%`)))
}

describe('appointment reminder by SMS', () => {
  it('queues one SMS in the applicant’s language to their mobile number', async () => {
    const number = mobile()
    const person = await applicantWith(number.replace('+90', '0'), 'fa')
    await bookTomorrow(person)
    const db = await getDb()
    await sendDueReminders(db, dayBefore())
    await sendDueReminders(db, dayBefore())
    const texts = await textsAbout(person)
    expect(texts).toHaveLength(1)
    expect(texts[0]).toMatchObject({
      recipient: number,
      locale: 'fa',
      template: 'sms-appointment-reminder',
      subject: '',
      status: 'pending',
    })
    expect(texts[0]!.body.startsWith(faMail.sms.appointmentReminder.split('{{')[0]!)).toBe(true)
  })

  it('queues none for a landline or no number, while the reminder mail goes out', async () => {
    const landline = await applicantWith('0212 345 67 89', 'en')
    const none = await applicantWith(null, 'en')
    for (const p of [landline, none]) await bookTomorrow(p)
    await sendDueReminders(await getDb(), dayBefore())
    for (const p of [landline, none]) {
      expect(await textsAbout(p)).toHaveLength(0)
      expect(await remindersMailedTo(p)).toBe(1)
    }
  })

  it('queues none when no SMS gateway is configured', async () => {
    delete process.env.SMS_GATEWAY_URL
    const person = await applicantWith(mobile(), 'en')
    await bookTomorrow(person)
    await sendDueReminders(await getDb(), dayBefore())
    expect(await textsAbout(person)).toHaveLength(0)
    expect(await remindersMailedTo(person)).toBe(1)
  })
})

async function remindersMailedTo(p: Bookable): Promise<number> {
  const db = await getDb()
  const rows = await db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.recipient, `booker.${p.userId}@example.org`),
        eq(outboxMessages.template, 'appointment-reminder'),
      ),
    )
  return rows.length
}

describe('missing-documents deadline by SMS', () => {
  async function requestDue(p: Bookable, dueInHours: number, createdDaysAgo: number) {
    const db = await getDb()
    await db
      .update(applications)
      .set({ status: 'missing_documents' })
      .where(eq(applications.id, p.applicationId))
    await db.insert(documentRequests).values({
      id: randomUUID(),
      applicationId: p.applicationId,
      items: ['passport_copy'],
      dueAt: new Date(Date.now() + dueInHours * 3_600_000),
      createdAt: new Date(Date.now() - createdDaysAgo * 86_400_000),
      requestedBy: p.userId,
    })
  }

  it('reminds once, in Russian, a few days before the deadline', async () => {
    const number = mobile()
    const person = await applicantWith(number, 'ru')
    await requestDue(person, 40, 10)
    const db = await getDb()
    await remindDocumentDeadlines(db)
    await remindDocumentDeadlines(db)
    const texts = await textsAbout(person)
    expect(texts).toHaveLength(1)
    expect(texts[0]).toMatchObject({
      recipient: number,
      locale: 'ru',
      template: 'sms-document-deadline',
    })
    expect(texts[0]!.body.startsWith(ruMail.sms.documentDeadline.split('{{')[0]!)).toBe(true)
  })

  it('does not remind far from the deadline, nor for a request made just before it', async () => {
    const early = await applicantWith(mobile(), 'en')
    const fresh = await applicantWith(mobile(), 'en')
    await requestDue(early, 24 * 10, 1)
    await requestDue(fresh, 40, 0)
    await remindDocumentDeadlines(await getDb())
    expect(await textsAbout(early)).toHaveLength(0)
    expect(await textsAbout(fresh)).toHaveLength(0)
  })
})

describe('SMS delivery', () => {
  async function queuedText(): Promise<{ person: Bookable; id: string }> {
    const person = await applicantWith(mobile(), 'tr')
    await bookTomorrow(person)
    await sendDueReminders(await getDb(), dayBefore())
    const [text] = await textsAbout(person)
    return { person, id: text!.id }
  }

  it('sends each message once, with its outbox id as client reference', async () => {
    const { person, id } = await queuedText()
    const references: string[] = []
    server.use(
      http.post(GATEWAY, async ({ request }) => {
        references.push(((await request.json()) as { clientReference: string }).clientReference)
        return HttpResponse.json({ id: `prov-${references.length}` })
      }),
    )
    const db = await getDb()
    await deliverDueMessages(db, sender)
    await deliverDueMessages(db, sender)
    expect(references).toEqual([id])
    const [row] = await textsAbout(person)
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 1,
      providerId: 'prov-1',
      lastError: null,
    })
  })

  it('keeps a message for later when the provider answers 500', async () => {
    const { person } = await queuedText()
    server.use(http.post(GATEWAY, () => new HttpResponse('down', { status: 500 })))
    const report = await deliverDueMessages(await getDb(), sender)
    expect(report).toMatchObject({ sent: 0, retried: 1 })
    const [row] = await textsAbout(person)
    expect(row!.status).toBe('pending')
    expect(row!.attempts).toBe(1)
    expect(row!.lastError).toContain('500')
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now())
  })

  it('gives up at once when the gateway says a message can never go out', async () => {
    const { person } = await queuedText()
    let calls = 0
    // A provider adapter that knows a refusal is final says so with a non-retryable error.
    const refusing = createSmsSender({
      send: () => {
        calls++
        return Promise.reject(new SmsSendError('number not reachable by SMS', false))
      },
    })
    const db = await getDb()
    expect(await deliverDueMessages(db, refusing)).toMatchObject({ sent: 0, failed: 1 })
    await deliverDueMessages(db, refusing)
    const [row] = await textsAbout(person)
    expect(row).toMatchObject({ status: 'failed', attempts: 1, leaseUntil: null })
    expect(row!.lastError).toContain('not reachable')
    expect(calls).toBe(1)
  })

  it('leaves text messages to the SMS sender and e-mail to the mail sender', async () => {
    const { person } = await queuedText()
    const { createMailSender } = await import('../outbox/mail-sender')
    const { createTransport } = await import('nodemailer')
    const mail = createMailSender(createTransport({ jsonTransport: true }))
    await deliverDueMessages(await getDb(), mail, { limit: 500 })
    const [row] = await textsAbout(person)
    expect(row!.status).toBe('pending')
  })
})
