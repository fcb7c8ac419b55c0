import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import {
  applicationEvents,
  applications,
  auditEvents,
  directorates,
  restrictedCaseStaff,
} from '@/db/schema'
import { sectionFieldNames } from '@/lib/schemas/application/sections'
import { AccessDenied } from '../actor'
import { Refused } from '../errors'
import { RateLimited } from '../rate-limit'
import { COMPLETE_ANSWERS, inDays, testEmail } from '../testing/application-fixtures'
import { actAs } from '../testing/as-user'
import { APPLICATION_CLAIM_TRIES_PER_DAY, claimApplication } from './claim-application'
import { getMyApplication } from './my-application'
import { registerWalkIn } from './register-walk-in'
import { saveSectionAnswers } from './save-section'
import { startFirstApplication } from './start-application'

// Staff registration of a walk-in applicant (issue 13): the online journey's rules and
// messages, nothing stored on a refusal, and the later claim from an account.

const CASEWORKER = 'caseworker.istanbul@example.org'
const flat = (answers: Record<string, Record<string, string>>) =>
  Object.assign({}, ...Object.values(answers)) as Record<string, string>
const walkIn = (over: Record<string, string> = {}, legalStayUntil = inDays(30)) => ({
  legalStayUntil,
  ...flat(COMPLETE_ANSWERS),
  ...over,
})

async function registeredBy(userId: string) {
  const db = await getDb()
  return db.select().from(applications).where(eq(applications.registeredByUserId, userId))
}

afterEach(() => actAs(null))

describe('walk-in registration', () => {
  it('stores a sent application in the staff member’s directorate, with no account yet', async () => {
    const staffId = (await actAs(CASEWORKER))!
    const result = await registerWalkIn('short_term', walkIn(), randomUUID())
    if (!result.ok) throw new Error(JSON.stringify(result))
    const db = await getDb()
    const [row] = await db.select().from(applications).where(eq(applications.id, result.id))
    const [istanbul] = await db
      .select({ id: directorates.id })
      .from(directorates)
      .where(eq(directorates.provinceCode, 34))
    expect(row).toMatchObject({
      reference: result.reference,
      applicantId: null,
      registeredByUserId: staffId,
      directorateId: istanbul!.id,
      status: 'awaiting_appointment',
      restricted: false,
      requestedMonths: 12,
    })
    expect(row!.feeTotalKurus).toBeGreaterThan(0)
    const events = await db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, result.id))
    expect(events.map((e) => [e.toStatus, e.actorUserId, e.reasonCode])).toEqual([
      ['submitted', staffId, 'walk_in'],
      ['awaiting_appointment', null, null],
    ])
    const audit = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityId, result.id),
          eq(auditEvents.action, 'application.walk_in_registered'),
        ),
      )
    expect(audit).toHaveLength(1)
  })

  it('gives the online journey’s own messages for its bad inputs, and stores nothing', async () => {
    const bad: Record<string, Record<string, string>> = {
      personal: { ...COMPLETE_ANSWERS.personal!, givenNames: '', dateOfBirth: inDays(3) },
      passport: { ...COMPLETE_ANSWERS.passport!, passportNumber: '#', entryDate: 'invalid' },
      permit: { purpose: 'tourism', requestedMonths: '99' },
      address: { ...COMPLETE_ANSWERS.address!, provinceCode: '99' },
      insurance: { insuranceType: 'private', provider: '', policyNumber: '', validUntil: '' },
    }
    // What the applicant's own task forms answer for the same answers.
    await actAs(testEmail('online'))
    const draft = await startFirstApplication({
      permitType: 'short_term',
      legalStayUntil: inDays(30),
    })
    if (!draft.ok) throw new Error(draft.reason)
    const online: Record<string, string> = {}
    for (const [section, values] of Object.entries(bad)) {
      const saved = await saveSectionAnswers(draft.id, section as never, values, 'complete')
      if (!saved.ok) Object.assign(online, saved.fieldErrors)
    }
    expect(Object.keys(online).length).toBeGreaterThanOrEqual(6)
    expect(online.dateOfBirth).toBe('validation:date.future')

    const staffId = (await actAs(CASEWORKER))!
    const before = (await registeredBy(staffId)).length
    const result = await registerWalkIn('short_term', walkIn(flat(bad)), randomUUID())
    expect(result).toEqual({ ok: false, fieldErrors: online })
    expect(await registeredBy(staffId)).toHaveLength(before)
  })

  it('refuses as at submission: a legal stay that has ended, a missing date, a field from elsewhere', async () => {
    const staffId = (await actAs(CASEWORKER))!
    const before = (await registeredBy(staffId)).length
    expect(await registerWalkIn('short_term', walkIn({}, inDays(-1)), randomUUID())).toEqual({
      ok: false,
      reason: 'legal_stay_ended',
      messageKey: 'application:submitErrors.legal_stay_ended',
    })
    const noStay = walkIn()
    delete (noStay as Record<string, string>).legalStayUntil
    expect(await registerWalkIn('short_term', noStay, randomUUID())).toMatchObject({
      fieldErrors: { legalStayUntil: 'validation:date.required' },
    })
    expect(
      await registerWalkIn('short_term', walkIn({ isAdmin: 'yes' }), randomUUID()),
    ).toMatchObject({ fieldErrors: { _form: 'validation:unexpected' } })
    expect(await registeredBy(staffId)).toHaveLength(before)
  })

  it('is for caseworkers and supervisors of a directorate only', async () => {
    for (const [email, reason] of [
      [null, 'unauthenticated'],
      [testEmail('applicant'), 'not_found'],
      ['agent.callcentre@example.org', 'forbidden'],
      ['admin.istanbul@example.org', 'forbidden'],
      ['admin.national@example.org', 'forbidden'],
      ['former.caseworker@example.org', 'not_found'],
    ] as const) {
      await actAs(email)
      const error = await registerWalkIn('short_term', walkIn(), randomUUID()).catch((e) => e)
      expect(error, String(email)).toBeInstanceOf(AccessDenied)
      expect((error as AccessDenied).reason, String(email)).toBe(reason)
    }
  })

  it('opens a trafficking-victim file as restricted, naming the staff member, for 30 days first', async () => {
    const staffId = (await actAs(CASEWORKER))!
    const answers = { ...walkIn({ requestedMonths: '1' }) } as Record<string, string>
    delete answers.legalStayUntil
    delete answers.purpose
    const tooLong = await registerWalkIn(
      'trafficking_victim',
      { ...answers, requestedMonths: '2' },
      randomUUID(),
    )
    expect(tooLong).toMatchObject({
      fieldErrors: { requestedMonths: 'validation:months.months_over_maximum' },
    })
    const result = await registerWalkIn('trafficking_victim', answers, randomUUID())
    if (!result.ok) throw new Error(JSON.stringify(result))
    const db = await getDb()
    const [row] = await db.select().from(applications).where(eq(applications.id, result.id))
    expect(row).toMatchObject({ restricted: true, permitTypeCode: 'trafficking_victim' })
    const named = await db
      .select()
      .from(restrictedCaseStaff)
      .where(eq(restrictedCaseStaff.applicationId, result.id))
    expect(named.map((n) => n.userId)).toEqual([staffId])
    expect(sectionFieldNames('permit', 'trafficking_victim')).toEqual(['requestedMonths'])
  })
})

describe('claiming a walk-in application', () => {
  async function registered() {
    await actAs(CASEWORKER)
    const result = await registerWalkIn('short_term', walkIn(), randomUUID())
    if (!result.ok) throw new Error(JSON.stringify(result))
    return result
  }
  const details = {
    dateOfBirth: COMPLETE_ANSWERS.personal!.dateOfBirth!,
    passportNumber: COMPLETE_ANSWERS.passport!.passportNumber!,
  }

  it('makes it the applicant’s own with the reference, date of birth and passport number', async () => {
    const { id, reference } = await registered()
    const applicantId = await actAs(testEmail('claimer'))
    expect(await claimApplication({ reference, ...details })).toEqual({ id })
    expect((await getMyApplication(id)).reference).toBe(reference)
    const db = await getDb()
    const [row] = await db.select().from(applications).where(eq(applications.id, id))
    expect(row!.applicantId).toBe(applicantId)
    // Nobody else can take it afterwards: the same "not found" as wrong details.
    await actAs(testEmail('second'))
    const again = await claimApplication({ reference, ...details }).catch((e) => e)
    expect(again).toBeInstanceOf(Refused)
    expect((again as Refused).messageKey).toBe('applications:refusals.claimNotFound')
  })

  it('answers any mismatch with one "not found", audits it, and limits the tries', async () => {
    const { id, reference } = await registered()
    const userId = (await actAs(testEmail('guesser')))!
    const tries = [
      { reference, ...details, dateOfBirth: '1990-03-28' },
      { reference, ...details, passportNumber: 'K7654321' },
      { reference: 'ABCDE-FGHJK-L', ...details },
    ]
    for (const claim of tries) {
      const error = await claimApplication(claim).catch((e) => e)
      expect((error as Refused).messageKey).toBe('applications:refusals.claimNotFound')
    }
    const db = await getDb()
    const refused = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.actorUserId, userId),
          eq(auditEvents.action, 'application.claim_refused'),
        ),
      )
    expect(refused).toHaveLength(3)
    for (let i = tries.length; i < APPLICATION_CLAIM_TRIES_PER_DAY; i++)
      await claimApplication(tries[0]!).catch(() => null)
    // Past the limit even the right details wait.
    await expect(claimApplication({ reference, ...details })).rejects.toBeInstanceOf(RateLimited)
    const [row] = await db.select().from(applications).where(eq(applications.id, id))
    expect(row!.applicantId).toBeNull()
  })

  it('is for applicants: staff accounts have no applications of their own', async () => {
    const { reference } = await registered()
    await actAs(CASEWORKER)
    await expect(claimApplication({ reference, ...details })).rejects.toBeInstanceOf(AccessDenied)
  })
})
