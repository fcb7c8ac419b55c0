import { randomUUID } from 'node:crypto'
import { COMPLETE_ANSWERS, inDays, testEmail as email } from '../testing/application-fixtures'
import { eq } from 'drizzle-orm'
import { NextRequest } from 'next/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PUT as putSection } from '@/app/api/v1/applications/[id]/sections/[section]/route'
import { getDb } from '@/db'
import { applications, ruleSettings } from '@/db/schema'
import type { SectionKey } from '@/lib/schemas/application/sections'
import { taskStates } from '@/lib/schemas/application/task-list'
import { AccessDenied } from '../actor'
import { actAs, signedInSession } from '../testing/as-user'
import { attachRequiredDocuments } from '../testing/attach-documents'
import { getMyApplication } from './my-application'
import { taskContextFor } from './permit-period'
import { saveSectionAnswers } from './save-section'
import { startFirstApplication } from './start-application'
import { submitApplication } from './submit-application'

vi.mock('../auth/auth', () => ({
  auth: async () => signedInSession(),
  SESSION_COOKIE_NAME: 'test',
}))
vi.mock('react', async (original) => ({
  ...(await original<typeof import('react')>()),
  cache: <T>(fn: T) => fn,
}))
vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false }),
  headers: async () => new Headers(),
}))

const CITIZEN_SPONSOR = {
  relationship: 'spouse',
  sponsorGivenNames: 'Ayşe',
  sponsorSurname: 'Yılmaz',
  sponsorCitizenship: 'turkish_citizen',
  sponsorIdentityNumber: '10000000146',
  sponsorMonthlyIncome: '60000',
  familyMembers: '2',
}
// A family permit asks the period only, no purpose.
const FAMILY_ANSWERS = { ...COMPLETE_ANSWERS, permit: { requestedMonths: '12' } }
const foreignSponsor = (permitValidUntil: string, number = '99123456740') => ({
  ...CITIZEN_SPONSOR,
  sponsorCitizenship: 'foreigner',
  sponsorIdentityNumber: number,
  sponsorPermitValidUntil: permitValidUntil,
  sponsorPermitHeldSince: inDays(-800),
})
// 99 + a valid 9-digit payload, with the last check digit changed.
const BAD_CHECK_DIGITS = '99123456741'

async function newDraft(permitType: 'family' | 'short_term'): Promise<string> {
  const started = await startFirstApplication({ permitType, legalStayUntil: inDays(30) })
  if (!started.ok) throw new Error(started.reason)
  return started.id
}

async function saveAll(id: string, answers: Record<string, Record<string, string>>) {
  for (const [section, values] of Object.entries(answers))
    expect(await saveSectionAnswers(id, section as SectionKey, values, 'complete')).toEqual({
      ok: true,
    })
}

async function stateOf(id: string, section: SectionKey) {
  const app = await getMyApplication(id)
  return taskStates(app.formData, taskContextFor(app)).find((t) => t.key === section)?.state
}

async function snapshot(id: string) {
  const db = await getDb()
  const [row] = await db.select().from(applications).where(eq(applications.id, id))
  return row
}

async function setChecksumRule(value: boolean | null) {
  const db = await getDb()
  await db.delete(ruleSettings).where(eq(ruleSettings.key, 'foreigner_id_checksum'))
  if (value !== null) await db.insert(ruleSettings).values({ key: 'foreigner_id_checksum', value })
}

beforeEach(async () => {
  await actAs(null)
})
afterEach(async () => {
  // The seeded value: the check digits of foreigner numbers are not enforced.
  await setChecksumRule(false)
})

describe('the sponsor task of a family application', () => {
  it('is required before a family draft can be sent', async () => {
    await actAs(email('family'))
    const id = await newDraft('family')
    await saveAll(id, FAMILY_ANSWERS)
    await attachRequiredDocuments(id)
    expect(await stateOf(id, 'sponsor')).toBe('not_started')
    expect(await submitApplication(id, randomUUID(), 'en')).toEqual({
      ok: false,
      reason: 'tasks_incomplete',
    })
    await saveAll(id, { sponsor: CITIZEN_SPONSOR })
    expect(await stateOf(id, 'sponsor')).toBe('completed')
    await attachRequiredDocuments(id)
    expect(await submitApplication(id, randomUUID(), 'en')).toMatchObject({ ok: true, id })
    expect((await snapshot(id))?.status).toBe('awaiting_appointment')
    // As the person reads it: the sponsor's number is stored sealed (SECURITY.md PD-02).
    expect((await getMyApplication(id)).formData.sponsor).toEqual({
      ...CITIZEN_SPONSOR,
      sponsorMonthlyIncome: 60000,
      familyMembers: 2,
    })
  })

  it('does not exist for other permit types: saving it is a 404 and changes nothing', async () => {
    await actAs(email('tourist'))
    const id = await newDraft('short_term')
    const before = await snapshot(id)
    for (const mode of ['complete', 'partial'] as const)
      await expect(saveSectionAnswers(id, 'sponsor', CITIZEN_SPONSOR, mode)).rejects.toEqual(
        new AccessDenied('not_found'),
      )
    const response = await putSection(
      new NextRequest(`http://localhost:3000/api/v1/applications/${id}/sections/sponsor`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        body: JSON.stringify(CITIZEN_SPONSOR),
      }),
      { params: Promise.resolve({ id, section: 'sponsor' }) },
    )
    expect(response.status).toBe(404)
    expect(await snapshot(id)).toEqual(before)
    const app = await getMyApplication(id)
    expect(taskStates(app.formData, taskContextFor(app)).map((t) => t.key)).not.toContain('sponsor')
  })

  it("refuses a family period that ends after the foreign sponsor's permit", async () => {
    await actAs(email('limit'))
    const id = await newDraft('family')
    await saveAll(id, { sponsor: foreignSponsor(inDays(200)) })
    expect(await saveSectionAnswers(id, 'permit', { requestedMonths: '12' }, 'complete')).toEqual({
      ok: false,
      fieldErrors: { requestedMonths: 'validation:months.family_beyond_sponsor' },
    })
    expect((await snapshot(id))?.formData.permit).toBeUndefined()
    await saveAll(id, { permit: { requestedMonths: '6' } })
    expect(await stateOf(id, 'permit')).toBe('completed')
  })

  it('keeps a sponsor saved after the period, and flags the period until it fits', async () => {
    await actAs(email('later'))
    const id = await newDraft('family')
    await saveAll(id, { ...FAMILY_ANSWERS, sponsor: CITIZEN_SPONSOR })
    await attachRequiredDocuments(id)
    expect(
      await saveSectionAnswers(id, 'sponsor', foreignSponsor(inDays(200)), 'complete'),
    ).toEqual({ ok: true, needsAttention: 'permit' })
    expect(await stateOf(id, 'sponsor')).toBe('completed')
    expect(await stateOf(id, 'permit')).toBe('in_progress')
    // Sending checks the period again, with the sponsor as saved now.
    expect(await submitApplication(id, randomUUID(), 'en')).toEqual({
      ok: false,
      reason: 'family_beyond_sponsor',
    })
    expect((await snapshot(id))?.status).toBe('draft')
    await saveAll(id, { permit: { requestedMonths: '6' } })
    expect(await stateOf(id, 'permit')).toBe('completed')
    expect(await submitApplication(id, randomUUID(), 'en')).toMatchObject({ ok: true })
  })

  it("refuses a foreign sponsor's permit that has already ended", async () => {
    await actAs(email('ended'))
    const id = await newDraft('family')
    expect(await saveSectionAnswers(id, 'sponsor', foreignSponsor(inDays(-3)), 'complete')).toEqual(
      {
        ok: false,
        fieldErrors: { sponsorPermitValidUntil: 'validation:sponsor.permitEnded' },
      },
    )
  })
})

describe('the family rules of Law 6458 art. 34 and Reg. art. 31 (issue 12)', () => {
  const refusal = async (
    sponsor: Record<string, string>,
    personal = COMPLETE_ANSWERS.personal!,
  ) => {
    await actAs(email('family-rules'))
    const id = await newDraft('family')
    await saveAll(id, { personal })
    const before = await snapshot(id)
    const result = await saveSectionAnswers(id, 'sponsor', sponsor, 'complete')
    // A refusal stores nothing: the draft is as it was.
    expect((await snapshot(id))?.version).toBe(before?.version)
    return result
  }

  it('refuses a foreign sponsor who has held a permit for less than a year', async () => {
    const sponsor = { ...foreignSponsor(inDays(700)), sponsorPermitHeldSince: inDays(-200) }
    expect(await refusal(sponsor)).toEqual({
      ok: false,
      fieldErrors: { sponsorPermitHeldSince: 'validation:sponsor.sponsor_permit_too_recent' },
    })
  })

  it("refuses a sponsor's income below a third of the minimum wage per member", async () => {
    const sponsor = { ...CITIZEN_SPONSOR, sponsorMonthlyIncome: '20000', familyMembers: '4' }
    expect(await refusal(sponsor)).toEqual({
      ok: false,
      fieldErrors: { sponsorMonthlyIncome: 'validation:sponsor.sponsor_income_too_low' },
    })
  })

  it('refuses a spouse under 18, and an adult as a minor child', async () => {
    const young = { ...COMPLETE_ANSWERS.personal!, dateOfBirth: inDays(-17 * 366) }
    expect(await refusal(CITIZEN_SPONSOR, young)).toEqual({
      ok: false,
      fieldErrors: { relationship: 'validation:sponsor.spouse_under_18' },
    })
    expect(await refusal({ ...CITIZEN_SPONSOR, relationship: 'child' })).toEqual({
      ok: false,
      fieldErrors: { relationship: 'validation:sponsor.child_not_minor' },
    })
  })

  it('refuses a birth date after today in Türkiye', async () => {
    await actAs(email('future-birth'))
    const id = await newDraft('family')
    const personal = { ...COMPLETE_ANSWERS.personal!, dateOfBirth: inDays(1) }
    expect(await saveSectionAnswers(id, 'personal', personal, 'complete')).toEqual({
      ok: false,
      fieldErrors: { dateOfBirth: 'validation:date.future' },
    })
    // With other answers missing, the future date is named in the same round.
    expect(
      await saveSectionAnswers(id, 'personal', { ...personal, givenNames: '' }, 'complete'),
    ).toEqual({
      ok: false,
      fieldErrors: { dateOfBirth: 'validation:date.future', givenNames: expect.any(String) },
    })
  })
})

describe('the foreigner identity number checksum setting', () => {
  it('off (or no row): a 99-number with wrong check digits is taken', async () => {
    await actAs(email('lenient'))
    const id = await newDraft('family')
    for (const value of [false, null]) {
      await setChecksumRule(value)
      const personal = { ...COMPLETE_ANSWERS.personal!, foreignerIdNumber: BAD_CHECK_DIGITS }
      expect(await saveSectionAnswers(id, 'personal', personal, 'complete')).toEqual({ ok: true })
      const sponsor = foreignSponsor(inDays(900), BAD_CHECK_DIGITS)
      expect(await saveSectionAnswers(id, 'sponsor', sponsor, 'complete')).toEqual({ ok: true })
    }
    // Read as the person reads it: the number itself is stored sealed (SECURITY.md PD-02).
    expect((await getMyApplication(id)).formData.personal).toMatchObject({
      foreignerIdNumber: BAD_CHECK_DIGITS,
    })
  })

  it('on: the same number is refused, a right one is taken', async () => {
    await actAs(email('strict'))
    const id = await newDraft('family')
    await setChecksumRule(true)
    const before = await snapshot(id)
    const personal = { ...COMPLETE_ANSWERS.personal!, foreignerIdNumber: BAD_CHECK_DIGITS }
    expect(await saveSectionAnswers(id, 'personal', personal, 'complete')).toEqual({
      ok: false,
      fieldErrors: { foreignerIdNumber: 'validation:foreignerId.checksum' },
    })
    expect(
      await saveSectionAnswers(
        id,
        'sponsor',
        foreignSponsor(inDays(900), BAD_CHECK_DIGITS),
        'complete',
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { sponsorIdentityNumber: 'validation:foreignerId.checksum' },
    })
    expect(await snapshot(id)).toEqual(before)
    // "Save for later" keeps the other answers and drops the wrong number.
    expect(await saveSectionAnswers(id, 'personal', personal, 'partial')).toEqual({ ok: true })
    const kept = (await getMyApplication(id)).formData.personal as Record<string, unknown>
    expect(kept.givenNames).toBe('Jane')
    expect(kept.foreignerIdNumber).toBeUndefined()
    const right = { ...personal, foreignerIdNumber: '99123456740' }
    expect(await saveSectionAnswers(id, 'personal', right, 'complete')).toEqual({ ok: true })
  })
})
