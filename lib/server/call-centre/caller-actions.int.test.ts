import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { and, desc, eq, gt, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import { appointments, auditEvents, outboxMessages, staffMembers, users } from '@/db/schema'
import { callerActionSchema } from '@/lib/schemas/call-centre/caller-action'
import { callerLookupSchema } from '@/lib/schemas/call-centre/caller-lookup'
import { sendDueReminders } from '../appointments/send-reminders'
import { Refused } from '../errors'
import { RateLimited } from '../rate-limit'
import { COMPLETE_ANSWERS } from '../testing/application-fixtures'
import { actAs } from '../testing/as-user'
import { createCase, type TestCase } from '../testing/case-fixtures'
import { createConfirmedAppointment, createCounterOffice } from '../testing/counter-fixtures'
import { lookUpCaller } from './look-up-caller'
import { RESEND_LIMIT, resendLastNotification } from './resend-last-notification'
import { CHANGE_LINK_LIMIT, sendChangeLink } from './send-change-link'

// The console's actions on PGlite and PostgreSQL: only for a caller this agent verified in
// the last minutes with the same reason; only to the address and number the applicant
// stored; never a sign-in code; limited per application; every try audited with its reason.

const AGENT = 'agent.callcentre@example.org'
const BIRTH = COMPLETE_ANSWERS.personal!.dateOfBirth!
const PASSPORT = COMPLETE_ANSWERS.passport!.passportNumber!
const MOBILE = '+905321234567' // COMPLETE_ANSWERS' phone, in E.164
const GATEWAY = 'https://sms.test/v1/messages'

type Case = TestCase & { reference: string }

async function referenceOf(id: string): Promise<string> {
  const db = await getDb()
  const [row] = await queryRows<{ reference: string }>(
    db,
    sql`select reference from applications where id = ${id}`,
  )
  return row!.reference
}

/** An applicant reading Russian, with a confirmed appointment in 60 hours. */
async function caseWithAppointment(): Promise<Case> {
  const c = await createCase(34, { status: 'awaiting_appointment', documentsReceived: false })
  const db = await getDb()
  await db.update(users).set({ preferredLocale: 'ru' }).where(eq(users.id, c.applicantId))
  const office = await createCounterOffice(34, 1)
  const made = await createConfirmedAppointment({
    office,
    provinceCode: 34,
    startsAt: new Date(Date.now() + 60 * 3_600_000),
    passportNumber: PASSPORT,
    userId: c.applicantId,
    applicationId: c.id,
  })
  // Booked days ago, so the three-day reminder is due now.
  await db
    .update(appointments)
    .set({ confirmedAt: sql`now() - interval '5 days'` })
    .where(eq(appointments.id, made.appointmentId))
  return { ...c, reference: await referenceOf(c.id) }
}

const lookup = (c: Case, reason = 'appointment_question') =>
  lookUpCaller(
    callerLookupSchema.parse({
      reference: c.reference,
      dateOfBirth: BIRTH,
      passportLastFour: PASSPORT.slice(-4),
      reason,
    }),
    'en',
  )

const action = (c: Case, reason = 'appointment_question') =>
  callerActionSchema.parse({ reference: c.reference, reason })

async function messagesOf(applicationId: string, after: Date) {
  const db = await getDb()
  return db
    .select()
    .from(outboxMessages)
    .where(
      and(eq(outboxMessages.applicationId, applicationId), gt(outboxMessages.createdAt, after)),
    )
    .orderBy(desc(outboxMessages.createdAt))
}

async function auditOf(applicationId: string, actionName: string) {
  const db = await getDb()
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, applicationId), eq(auditEvents.action, actionName)))
    .orderBy(desc(auditEvents.id))
}

async function clearLimits() {
  const db = await getDb()
  await queryRows(
    db,
    sql`delete from rate_limit_counters
         where bucket in (${RESEND_LIMIT.bucket}, ${CHANGE_LINK_LIMIT.bucket}, 'call_centre.lookup')`,
  )
}

let reminded: Case
let agentId = ''

beforeAll(async () => {
  process.env.SMS_GATEWAY_URL = GATEWAY
  reminded = await caseWithAppointment()
  await sendDueReminders(await getDb())
  agentId = (await actAs(AGENT))!
})
afterAll(() => {
  delete process.env.SMS_GATEWAY_URL
})

describe('the reminder the agent will send again', () => {
  it('is in the outbox with its application, as e-mail and as SMS', async () => {
    const sent = await messagesOf(reminded.id, new Date(0))
    expect(sent.map((m) => [m.channel, m.template]).sort()).toEqual([
      ['email', 'appointment-reminder'],
      ['sms', 'sms-appointment-reminder'],
    ])
  })
})

describe('the agent must have verified this caller moments ago', () => {
  it('refuses an action without a lookup, and audits the try', async () => {
    await clearLimits()
    const c = await caseWithAppointment()
    await actAs(AGENT)
    await expect(resendLastNotification(action(c))).rejects.toMatchObject({
      reason: 'verify_again',
      messageKey: 'callcentre:refusals.verify_again',
    })
    await expect(sendChangeLink(action(c))).rejects.toBeInstanceOf(Refused)
    const db = await getDb()
    const [refusal] = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.actorUserId, agentId),
          eq(auditEvents.action, 'call_centre.action_refused'),
        ),
      )
      .orderBy(desc(auditEvents.id))
      .limit(1)
    expect(refusal!.details).toEqual({
      reason: 'appointment_question',
      reference: c.reference,
      tried: 'call_centre.change_link_sent',
    })
    expect(await messagesOf(c.id, new Date(Date.now() - 60_000))).toEqual([])
  })

  it('refuses after a lookup with another reason, a failed lookup or an old one', async () => {
    await clearLimits()
    const c = await caseWithAppointment()
    await actAs(AGENT)
    expect((await lookup(c, 'complaint')).found).toBe(true)
    await expect(sendChangeLink(action(c, 'appointment_question'))).rejects.toMatchObject({
      reason: 'verify_again',
    })
    const db = await getDb()
    // A lookup by this agent 16 minutes ago, and a failed one now, are not a verification.
    await db.insert(auditEvents).values([
      {
        actorUserId: agentId,
        action: 'call_centre.lookup',
        entityType: 'application',
        entityId: c.id,
        details: { reason: 'other', found: true, reference: c.reference },
        createdAt: new Date(Date.now() - 16 * 60_000),
      },
      {
        actorUserId: agentId,
        action: 'call_centre.lookup',
        entityType: 'application',
        entityId: c.id,
        details: { reason: 'status_question', found: false, reference: c.reference },
      },
    ])
    await expect(sendChangeLink(action(c, 'other'))).rejects.toMatchObject({
      reason: 'verify_again',
    })
    await expect(sendChangeLink(action(c, 'status_question'))).rejects.toMatchObject({
      reason: 'verify_again',
    })
    // The same reason as the lookup: allowed.
    expect(await sendChangeLink(action(c, 'complaint'))).toEqual({ email: true, sms: true })
  })

  it("refuses another agent acting on this agent's verification", async () => {
    await clearLimits()
    const c = await caseWithAppointment()
    await actAs(AGENT)
    await lookup(c)
    const other = await actAs(`agent.${randomUUID()}@example.org`)
    const db = await getDb()
    await db
      .insert(staffMembers)
      .values({ userId: other!, role: 'call_centre_agent', displayName: 'Second agent' })
    await expect(resendLastNotification(action(c))).rejects.toMatchObject({
      reason: 'verify_again',
    })
  })

  it('is for agents only: other staff 403, applicants 404, nobody signed in 401', async () => {
    const c = reminded
    await actAs('supervisor.istanbul@example.org')
    await expect(resendLastNotification(action(c))).rejects.toMatchObject({ reason: 'forbidden' })
    await actAs('caseworker.istanbul@example.org')
    await expect(sendChangeLink(action(c))).rejects.toMatchObject({ reason: 'forbidden' })
    await actAs(reminded.email)
    await expect(sendChangeLink(action(c))).rejects.toMatchObject({ reason: 'not_found' })
    await actAs(null)
    await expect(sendChangeLink(action(c))).rejects.toMatchObject({ reason: 'unauthenticated' })
  })
})

describe('resendLastNotification', () => {
  it("queues the latest e-mail and SMS again, to the applicant's address as stored today", async () => {
    await clearLimits()
    const db = await getDb()
    const newAddress = `moved.${randomUUID()}@example.org`
    await db.update(users).set({ email: newAddress }).where(eq(users.id, reminded.applicantId))
    // A sign-in code is never sent again, even if one were tied to the application.
    await db.insert(outboxMessages).values({
      template: 'sign-in-code',
      recipient: newAddress,
      locale: 'ru',
      subject: 'code',
      body: '123456',
      status: 'sent',
      applicationId: reminded.id,
    })
    await actAs(AGENT)
    await lookup(reminded)
    const before = new Date(Date.now() - 1)
    expect(await resendLastNotification(action(reminded))).toEqual({ email: true, sms: true })
    const again = await messagesOf(reminded.id, before)
    const mail = again.find((m) => m.channel === 'email')!
    const sms = again.find((m) => m.channel === 'sms')!
    expect(again).toHaveLength(2)
    expect(mail).toMatchObject({
      template: 'appointment-reminder',
      recipient: newAddress,
      locale: 'ru',
      status: 'pending',
    })
    const [first] = (await messagesOf(reminded.id, new Date(0))).filter(
      (m) => m.template === 'appointment-reminder' && m.recipient === reminded.email,
    )
    expect(first?.recipient).toBe(reminded.email)
    expect([mail.subject, mail.body, mail.html]).toEqual([first!.subject, first!.body, first!.html])
    expect(mail.body).toMatch(/[а-яА-Я]/)
    expect(mail.html).toContain('lang="ru"')
    expect(mail.attachments[0]?.filename).toBe('appointment.ics')
    expect(sms).toMatchObject({
      template: 'sms-appointment-reminder',
      recipient: MOBILE,
      locale: 'ru',
    })
    const [audit] = await auditOf(reminded.id, 'call_centre.resent')
    expect(audit).toMatchObject({ actorUserId: agentId, entityType: 'application' })
    expect(audit!.details).toEqual({ reason: 'appointment_question', email: true, sms: true })
    expect(JSON.stringify(audit!.details)).not.toContain(newAddress)
  })

  it(`stops after ${RESEND_LIMIT.limit} a day per application, with its own message`, async () => {
    await clearLimits()
    await actAs(AGENT)
    await lookup(reminded)
    for (let i = 0; i < RESEND_LIMIT.limit; i++) await resendLastNotification(action(reminded))
    const before = new Date(Date.now() - 1)
    const refused = resendLastNotification(action(reminded))
    await expect(refused).rejects.toBeInstanceOf(RateLimited)
    await expect(refused).rejects.toMatchObject({ messageKey: 'callcentre:refusals.resend_limit' })
    expect(await messagesOf(reminded.id, before)).toEqual([])
  })

  it('sends no SMS when the deployment sends none, and says so', async () => {
    await clearLimits()
    await actAs(AGENT)
    await lookup(reminded)
    delete process.env.SMS_GATEWAY_URL
    try {
      expect(await resendLastNotification(action(reminded))).toEqual({ email: true, sms: false })
    } finally {
      process.env.SMS_GATEWAY_URL = GATEWAY
    }
  })

  it('refuses when nothing was ever sent about the application', async () => {
    await clearLimits()
    const c = await caseWithAppointment()
    await actAs(AGENT)
    await lookup(c)
    await expect(resendLastNotification(action(c))).rejects.toMatchObject({
      reason: 'nothing_to_resend',
      messageKey: 'callcentre:refusals.nothing_to_resend',
    })
    expect(await auditOf(c.id, 'call_centre.resent')).toEqual([])
  })
})

describe('sendChangeLink', () => {
  it("sends the link to the applicant's own appointment page, without any token", async () => {
    await clearLimits()
    const c = await caseWithAppointment()
    await actAs(AGENT)
    await lookup(c)
    const before = new Date(Date.now() - 1)
    expect(await sendChangeLink(action(c))).toEqual({ email: true, sms: true })
    const sent = await messagesOf(c.id, before)
    const mail = sent.find((m) => m.channel === 'email')!
    const sms = sent.find((m) => m.channel === 'sms')!
    const page = `/ru/applications/${c.id}/appointment`
    expect(mail).toMatchObject({
      template: 'appointment-change-link',
      recipient: c.email,
      locale: 'ru',
    })
    const link = mail.body.match(/https?:\/\/\S+/)![0]
    expect(new URL(link).pathname).toBe(page)
    expect(new URL(link).search).toBe('')
    expect(mail.html).toContain(`href="${link}"`)
    expect(mail.body).toContain(c.reference)
    expect(sms).toMatchObject({ template: 'sms-appointment-change-link', recipient: MOBILE })
    expect(sms.body).toContain(link)
    const [audit] = await auditOf(c.id, 'call_centre.change_link_sent')
    expect(audit!.details).toEqual({ reason: 'appointment_question', email: true, sms: true })
  })

  it('refuses when there is no confirmed appointment', async () => {
    await clearLimits()
    const c = await createCase(34, { status: 'under_review' })
    const withRef = { ...c, reference: await referenceOf(c.id) }
    await actAs(AGENT)
    await lookup(withRef)
    await expect(sendChangeLink(action(withRef))).rejects.toMatchObject({
      reason: 'no_appointment',
    })
  })

  it(`stops after ${CHANGE_LINK_LIMIT.limit} a day per application`, async () => {
    await clearLimits()
    const c = await caseWithAppointment()
    await actAs(AGENT)
    await lookup(c)
    for (let i = 0; i < CHANGE_LINK_LIMIT.limit; i++) await sendChangeLink(action(c))
    await expect(sendChangeLink(action(c))).rejects.toMatchObject({
      messageKey: 'callcentre:refusals.change_link_limit',
    })
  })
})

describe('what the agent gets back', () => {
  it('never holds the passport number, address, name, photo, documents or birth date', async () => {
    await clearLimits()
    const c = await caseWithAppointment()
    await actAs(AGENT)
    const view = await lookup(c)
    const answers = [view, await sendChangeLink(action(c)), await resendLastNotification(action(c))]
    const json = JSON.stringify(answers)
    for (const word of [
      PASSPORT,
      BIRTH,
      c.email,
      MOBILE,
      COMPLETE_ANSWERS.personal!.surname!,
      COMPLETE_ANSWERS.personal!.givenNames!,
      COMPLETE_ANSWERS.address!.street!,
      COMPLETE_ANSWERS.address!.district!,
      'passport',
      'address',
      'photo',
      'document"',
      'dateOfBirth',
    ])
      expect(json).not.toContain(word)
  })
})
