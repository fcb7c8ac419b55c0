import '../testing/request-scope-mocks'
import { randomBytes, randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { applications, residencePermits } from '@/db/schema'
import { addMonths } from '@/lib/domain/permits/dates'
import type { SectionKey } from '@/lib/schemas/application/sections'
import { COMPLETE_ANSWERS, inDays, testEmail as email } from '../testing/application-fixtures'
import { actAs } from '../testing/as-user'
import { attachRequiredDocuments } from '../testing/attach-documents'
import { Refused } from '../errors'
import { saveSectionAnswers } from './save-section'
import { startExtension, startFirstApplication, startTransition } from './start-application'
import { submitApplication } from './submit-application'

// Issue 12: the law's rules at the start, on save and at submit, with the permits on record.

type PermitRow = typeof residencePermits.$inferInsert
async function givePermit(holderId: string, row: Partial<PermitRow> = {}) {
  const permit = {
    id: randomUUID(),
    holderId,
    permitTypeCode: 'short_term',
    purposeCode: 'tourism',
    documentNumber: `L-${randomBytes(5).toString('hex')}`,
    validFrom: inDays(-300),
    validUntil: inDays(30),
    ...row,
  }
  await (await getDb()).insert(residencePermits).values(permit)
  return permit
}

async function refusalOf(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(Refused)
  return { reason: (error as Refused).reason, values: (error as Refused).values }
}

async function countDrafts(holderId: string) {
  const db = await getDb()
  return (await db.select().from(applications).where(eq(applications.applicantId, holderId))).length
}

const today = inDays(0)

beforeEach(async () => {
  await actAs(null)
})

describe('extensions by permit type (item 3)', () => {
  it('never extends a long-term permit, nor a humanitarian one online', async () => {
    const holder = (await actAs(email('ext-type')))!
    const longTerm = await givePermit(holder, { permitTypeCode: 'long_term', purposeCode: null })
    expect(await refusalOf(startExtension({ permitId: longTerm.id }))).toEqual({
      reason: 'long_term_not_extended',
      values: {},
    })
    const humanitarian = await givePermit(holder, {
      permitTypeCode: 'humanitarian',
      purposeCode: null,
    })
    expect((await refusalOf(startExtension({ permitId: humanitarian.id }))).reason).toBe(
      'not_self_service',
    )
    expect(await countDrafts(holder)).toBe(0)
  })
})

describe('transitions (item 4, art. 29, Reg. art. 34)', () => {
  const transition = (
    permitId: string,
    permitType: 'short_term' | 'family' | 'student' | 'long_term',
    extra = {},
  ) => startTransition({ permitId, permitType, hasAdditionalGround: 'yes', ...extra })

  it('refuses the same type and stores nothing', async () => {
    const holder = (await actAs(email('same-type')))!
    const permit = await givePermit(holder)
    expect((await refusalOf(transition(permit.id, 'short_term'))).reason).toBe('same_type')
    expect(await countDrafts(holder)).toBe(0)
  })

  it('family → short-term needs a ground and three years, then is purpose ğ', async () => {
    const holder = (await actAs(email('family-exit')))!
    const permit = await givePermit(holder, {
      permitTypeCode: 'family',
      purposeCode: null,
      validFrom: addMonths(today, -24),
    })
    expect((await refusalOf(transition(permit.id, 'short_term'))).reason).toBe(
      'family_ground_required',
    )
    expect(
      await refusalOf(transition(permit.id, 'short_term', { familyExitGround: 'came_of_age' })),
    ).toEqual({ reason: 'family_years_short', values: { date: addMonths(today, 12) } })
    const started = await transition(permit.id, 'short_term', { familyExitGround: 'sponsor_death' })
    expect(started.ok).toBe(true)
    if (!started.ok) return
    const [row] = await (
      await getDb()
    )
      .select()
      .from(applications)
      .where(eq(applications.id, started.id))
    expect(row?.purposeCode).toBe('from_family_permit')
    expect(row?.formData.permit).toEqual({ purpose: 'from_family_permit' })
    // Another purpose is refused on save: a switch from a family permit is (ğ).
    expect(
      await saveSectionAnswers(started.id, 'permit', COMPLETE_ANSWERS.permit!, 'complete'),
    ).toEqual({ ok: false, fieldErrors: { purpose: 'validation:purpose.mustBeFromFamily' } })
  })

  it('refuses a long-term permit after 7 years and 11 months, naming the time counted', async () => {
    const holder = (await actAs(email('long-term-short')))!
    const permit = await givePermit(holder, {
      validFrom: addMonths(today, -95),
      validUntil: inDays(200),
    })
    expect(await refusalOf(transition(permit.id, 'long_term'))).toEqual({
      reason: 'not_enough_years',
      values: { years: '7', months: '11' },
    })
    expect(await countDrafts(holder)).toBe(0)
  })
})

describe('long-term applications (items 1, 2)', () => {
  it('ask no months, check the declarations, and are charged once', async () => {
    const holder = (await actAs(email('long-term-ok')))!
    const permit = await givePermit(holder, {
      validFrom: addMonths(today, -100),
      validUntil: inDays(200),
    })
    const started = await startTransition({
      permitId: permit.id,
      permitType: 'long_term',
      hasAdditionalGround: 'yes',
    })
    expect(started.ok).toBe(true)
    if (!started.ok) return
    const id = started.id
    const declared = { socialAssistance: 'no', sufficientIncome: 'yes', excludedStatus: 'no' }
    expect(
      await saveSectionAnswers(id, 'permit', { ...declared, requestedMonths: '12' }, 'complete'),
    ).toEqual({
      ok: false,
      fieldErrors: { _form: 'validation:unexpected' },
    })
    expect(
      await saveSectionAnswers(id, 'permit', { ...declared, socialAssistance: 'yes' }, 'complete'),
    ).toEqual({
      ok: false,
      fieldErrors: { socialAssistance: 'validation:longTerm.social_assistance' },
    })
    const answers = { ...COMPLETE_ANSWERS, permit: declared }
    for (const [section, values] of Object.entries(answers))
      expect(await saveSectionAnswers(id, section as SectionKey, values, 'complete')).toEqual({
        ok: true,
      })
    await attachRequiredDocuments(id)
    const sent = await submitApplication(id, randomUUID(), 'en')
    expect(sent).toMatchObject({ ok: true })
    const [row] = await (await getDb()).select().from(applications).where(eq(applications.id, id))
    expect(row?.requestedMonths).toBeNull()
    expect(row?.feeTotalKurus).toBeGreaterThan(0)
  })

  it('a first long-term application is refused without eight years on record', async () => {
    const holder = (await actAs(email('long-term-first')))!
    expect(
      await refusalOf(
        startFirstApplication({ permitType: 'long_term', legalStayUntil: inDays(30) }),
      ),
    ).toEqual({ reason: 'not_enough_years', values: { years: '0', months: '0' } })
    expect(await countDrafts(holder)).toBe(0)
  })
})

describe('pre-fill (item 14)', () => {
  it('comes from the application behind the permit, not the latest one of the account', async () => {
    const holder = (await actAs(email('prefill')))!
    const db = await getDb()
    const own = { personal: { ...COMPLETE_ANSWERS.personal, givenNames: 'Own' } }
    const relative = { personal: { ...COMPLETE_ANSWERS.personal, givenNames: 'Relative' } }
    const app = (formData: Record<string, unknown>, submittedAt: Date) => ({
      id: randomUUID(),
      reference: `R${randomBytes(5).toString('hex')}`,
      applicantId: holder,
      kind: 'first' as const,
      permitTypeCode: 'short_term',
      status: 'approved' as const,
      formData,
      submittedAt,
    })
    const granting = app(own, new Date(Date.now() - 400 * 86_400_000))
    const latest = app(relative, new Date())
    await db.insert(applications).values([granting, latest])
    const permit = await givePermit(holder, { applicationId: granting.id })
    const started = await startExtension({ permitId: permit.id })
    expect(started.ok).toBe(true)
    if (!started.ok) return
    const [row] = await db.select().from(applications).where(eq(applications.id, started.id))
    expect((row?.formData.personal as Record<string, unknown>).givenNames).toBe('Own')
  })
})

describe('short-term purposes (item 17) and student periods (item 10)', () => {
  it('refuses a third Turkish-course permit', async () => {
    const holder = (await actAs(email('course')))!
    await givePermit(holder, {
      purposeCode: 'turkish_course',
      validFrom: inDays(-700),
      validUntil: inDays(-400),
    })
    const current = await givePermit(holder, { purposeCode: 'turkish_course' })
    const started = await startExtension({ permitId: current.id })
    if (!started.ok) throw new Error(started.reason)
    expect(
      await saveSectionAnswers(
        started.id,
        'permit',
        { purpose: 'turkish_course', requestedMonths: '6' },
        'complete',
      ),
    ).toEqual({ ok: false, fieldErrors: { purpose: 'validation:purpose.turkish_course_used' } })
  })

  it('needs a graduation within six months for purpose (i)', async () => {
    await actAs(email('graduate'))
    const started = await startFirstApplication({
      permitType: 'short_term',
      legalStayUntil: inDays(30),
    })
    if (!started.ok) throw new Error(started.reason)
    const permit = { purpose: 'recent_graduate', requestedMonths: '6' }
    expect(await saveSectionAnswers(started.id, 'permit', permit, 'complete')).toEqual({
      ok: false,
      fieldErrors: { graduatedOn: 'validation:graduation.graduation_required' },
    })
    expect(
      await saveSectionAnswers(
        started.id,
        'permit',
        { ...permit, graduatedOn: addMonths(today, -7) },
        'complete',
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { graduatedOn: 'validation:graduation.graduation_too_long_ago' },
    })
    expect(
      await saveSectionAnswers(
        started.id,
        'permit',
        { ...permit, graduatedOn: addMonths(today, -5) },
        'complete',
      ),
    ).toEqual({ ok: true })
  })

  it('gives school pupils one year at a time', async () => {
    await actAs(email('pupil'))
    const started = await startFirstApplication({
      permitType: 'student',
      legalStayUntil: inDays(30),
    })
    if (!started.ok) throw new Error(started.reason)
    const permit = { studyLevel: 'school', programmeEndsOn: inDays(1500), requestedMonths: '24' }
    expect(await saveSectionAnswers(started.id, 'permit', permit, 'complete')).toEqual({
      ok: false,
      fieldErrors: { requestedMonths: 'validation:student.school_one_year' },
    })
    expect(
      await saveSectionAnswers(
        started.id,
        'permit',
        { ...permit, requestedMonths: '12' },
        'complete',
      ),
    ).toEqual({ ok: true })
  })
})
