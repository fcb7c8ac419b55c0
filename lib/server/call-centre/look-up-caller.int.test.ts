import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { and, desc, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { auditEvents, documentRequests } from '@/db/schema'
import { queryRows } from '@/db/client'
import ruCallcentre from '@/locales/ru/callcentre.json'
import { formatDate, formatDateTime } from '@/lib/i18n/format-date'
import { callerLookupFormSchema, callerLookupSchema } from '@/lib/schemas/call-centre/caller-lookup'
import { AccessDenied } from '../actor'
import { RateLimited } from '../rate-limit'
import { COMPLETE_ANSWERS } from '../testing/application-fixtures'
import { actAs } from '../testing/as-user'
import { createCase } from '../testing/case-fixtures'
import { createConfirmedAppointment, createCounterOffice } from '../testing/counter-fixtures'
import { AGENT_LOOKUP_LIMIT, lookUpCaller } from './look-up-caller'

// The console's data-access call, on PGlite and PostgreSQL: the three checks, one answer for
// unknown and mismatch, the masked view, the audit row and who may ask.

const AGENT = 'agent.callcentre@example.org'
const BIRTH = COMPLETE_ANSWERS.personal!.dateOfBirth!
const PASSPORT = COMPLETE_ANSWERS.passport!.passportNumber!

let reference = ''
let applicationId = ''

async function referenceOf(id: string): Promise<string> {
  const db = await getDb()
  const [row] = await queryRows<{ reference: string }>(
    db,
    sql`select reference from applications where id = ${id}`,
  )
  return row!.reference
}

const input = (over: Record<string, string> = {}) =>
  callerLookupSchema.parse({
    reference,
    dateOfBirth: BIRTH,
    passportLastFour: PASSPORT.slice(-4),
    reason: 'status_question',
    ...over,
  })

async function lastAudit(agentId: string) {
  const db = await getDb()
  const [row] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, agentId), eq(auditEvents.action, 'call_centre.lookup')))
    .orderBy(desc(auditEvents.id))
    .limit(1)
  return row
}

beforeAll(async () => {
  const c = await createCase(34, { status: 'missing_documents' })
  applicationId = c.id
  reference = await referenceOf(c.id)
  const db = await getDb()
  await db.insert(documentRequests).values({
    id: randomUUID(),
    applicationId,
    items: ['passport_copy'],
    dueAt: new Date(Date.now() + 10 * 86_400_000),
    requestedBy: c.applicantId,
  })
})

describe('lookUpCaller', () => {
  it('shows the masked view when all three details match, and audits it with the reason', async () => {
    const agentId = (await actAs(AGENT))!
    const answer = await lookUpCaller(input({ reason: 'document_question', speak: 'ru' }), 'en')
    expect(answer.found).toBe(true)
    if (!answer.found) return
    expect(answer.view).toMatchObject({
      reference,
      givenNameInitial: 'J',
      status: 'missing_documents',
      nextStep: 'applicant',
      spoken: { locale: 'ru' },
    })
    expect(answer.view.decisionDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(answer.view.documentsDueAt).not.toBeNull()
    expect(answer.view.spoken.status).toMatch(/[а-яА-Я]/)
    // Who acts and the dates follow the caller's language too, dates in its own format.
    expect(answer.view.spoken.whoActs).toBe(
      ruCallcentre.spoken.whoActs.replace('{{who}}', ruCallcentre.view.ball.applicant),
    )
    expect(answer.view.spoken.dates).toEqual([
      ruCallcentre.spoken.decisionDue.replace(
        '{{date}}',
        formatDate(answer.view.decisionDueOn!, 'ru'),
      ),
      ruCallcentre.spoken.documentsDue.replace(
        '{{date}}',
        formatDateTime(answer.view.documentsDueAt!, 'ru'),
      ),
    ])
    const audit = await lastAudit(agentId)
    expect(audit).toMatchObject({ entityType: 'application', entityId: applicationId })
    expect(audit!.details).toEqual({
      reason: 'document_question',
      found: true,
      reference: expect.any(String),
    })
  })

  it('never holds the passport number, address, name, photo, documents or birth date', async () => {
    await actAs(AGENT)
    const answer = await lookUpCaller(input(), 'en')
    const json = JSON.stringify(answer)
    const forbidden = [
      PASSPORT,
      BIRTH,
      '1990',
      COMPLETE_ANSWERS.personal!.surname!,
      COMPLETE_ANSWERS.personal!.givenNames!,
      COMPLETE_ANSWERS.personal!.fatherName!,
      COMPLETE_ANSWERS.personal!.phone!,
      COMPLETE_ANSWERS.address!.street!,
      COMPLETE_ANSWERS.address!.district!,
      'passport',
      'address',
      'photo',
      'document"',
      'dateOfBirth',
    ]
    expect(answer.found).toBe(true)
    for (const word of forbidden) expect(json).not.toContain(word)
  })

  it('answers a wrong detail exactly like an unknown reference, and audits both', async () => {
    const agentId = (await actAs(AGENT))!
    const unknown = await createCase(34, { status: 'draft' })
    const answers = [
      await lookUpCaller(input({ dateOfBirth: '1990-03-28' }), 'en'),
      await lookUpCaller(input({ passportLastFour: '4568' }), 'en'),
      await lookUpCaller(input({ reference: await referenceOf(unknown.id) }), 'en'),
    ]
    expect(answers).toEqual([{ found: false }, { found: false }, { found: false }])
    const audit = await lastAudit(agentId)
    expect(audit).toMatchObject({
      entityId: null,
      details: {
        reason: 'status_question',
        found: false,
        reference: await referenceOf(unknown.id),
      },
    })
  })

  it('reads Arabic and Persian digits from the form', async () => {
    await actAs(AGENT)
    const [y, m, d] = BIRTH.split('-')
    const persian = (s: string) => s.replace(/\d/g, (c) => '۰۱۲۳۴۵۶۷۸۹'[Number(c)]!)
    const parsed = callerLookupFormSchema.parse({
      reference,
      'dateOfBirth-day': persian(d!),
      'dateOfBirth-month': persian(m!),
      'dateOfBirth-year': y!.replace(/\d/g, (c) => '٠١٢٣٤٥٦٧٨٩'[Number(c)]!),
      passportLastFour: persian(PASSPORT.slice(-4)).toLowerCase(),
      reason: 'other',
    })
    expect((await lookUpCaller(parsed, 'fa')).found).toBe(true)
  })

  it('shows the confirmed appointment with its office', async () => {
    await actAs(AGENT)
    const office = await createCounterOffice(34, 1)
    const startsAt = new Date(Date.now() + 3 * 86_400_000)
    const c = await createCase(34, { status: 'awaiting_appointment', documentsReceived: false })
    await createConfirmedAppointment({
      office,
      provinceCode: 34,
      startsAt,
      passportNumber: PASSPORT,
      userId: c.applicantId,
      applicationId: c.id,
    })
    const answer = await lookUpCaller(
      callerLookupSchema.parse({
        reference: await referenceOf(c.id),
        dateOfBirth: BIRTH,
        passportLastFour: PASSPORT.slice(-4),
        reason: 'appointment_question',
      }),
      'tr',
    )
    expect(answer.found && answer.view.appointment).toEqual({
      startsAt: startsAt.toISOString(),
      officeName: expect.stringMatching(/^Counter test office/),
    })
  })

  it('refuses other staff (403) and applicants (404)', async () => {
    await actAs('caseworker.istanbul@example.org')
    await expect(lookUpCaller(input(), 'en')).rejects.toMatchObject({ reason: 'forbidden' })
    await actAs(`applicant.${randomUUID()}@example.org`)
    await expect(lookUpCaller(input(), 'en')).rejects.toBeInstanceOf(AccessDenied)
    await expect(lookUpCaller(input(), 'en')).rejects.toMatchObject({ reason: 'not_found' })
    await actAs(null)
    await expect(lookUpCaller(input(), 'en')).rejects.toMatchObject({ reason: 'unauthenticated' })
  })

  it(`stops an agent after ${AGENT_LOOKUP_LIMIT.limit} lookups an hour`, async () => {
    const agentId = (await actAs(AGENT))!
    const db = await getDb()
    await queryRows(
      db,
      sql`update rate_limit_counters set hits = ${AGENT_LOOKUP_LIMIT.limit}
           where bucket = ${AGENT_LOOKUP_LIMIT.bucket} and subject = ${agentId}`,
    )
    await expect(lookUpCaller(input(), 'en')).rejects.toBeInstanceOf(RateLimited)
    await queryRows(
      db,
      sql`delete from rate_limit_counters where bucket = ${AGENT_LOOKUP_LIMIT.bucket}`,
    )
  })
})
