import '../testing/request-scope-mocks'
import { randomBytes, randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { applications, outboxMessages, residencePermits } from '@/db/schema'
import { COMPLETE_ANSWERS, inDays, testEmail as email } from '../testing/application-fixtures'
import { actAs } from '../testing/as-user'
import { attachRequiredDocuments } from '../testing/attach-documents'
import { quoteMyFee } from './fee-quote'
import { getMyApplication } from './my-application'
import { saveSectionAnswers } from './save-section'
import { startExtension, startFirstApplication } from './start-application'
import { submitApplication } from './submit-application'

// The rules of the law the server applies when a draft is saved and sent: fees (domain.md §8),
// insurance (§9) and the extension route of the directorate (§4).

type Answers = Record<string, Record<string, string>>

async function fill(id: string, answers: Answers) {
  for (const [section, values] of Object.entries(answers)) {
    const saved = await saveSectionAnswers(id, section as 'personal', values, 'complete')
    if (!saved.ok) throw new Error(`${section}: ${JSON.stringify(saved)}`)
  }
  await attachRequiredDocuments(id)
}

async function draft(permitType: 'short_term' | 'student' = 'short_term'): Promise<string> {
  const started = await startFirstApplication({ permitType, legalStayUntil: inDays(30) })
  if (!started.ok) throw new Error(started.reason)
  return started.id
}

async function row(id: string) {
  const db = await getDb()
  const [found] = await db.select().from(applications).where(eq(applications.id, id))
  return found!
}

beforeEach(async () => {
  await actAs(null)
})

describe('fees (domain.md §8)', () => {
  it('shows the fee before sending and stores the card fee and the permit fee apart', async () => {
    await actAs(email('fee'))
    const id = await draft()
    await fill(id, COMPLETE_ANSWERS)
    // GB is in demo group B: 1 800 TL the first month, 450 TL each further month.
    const quote = await quoteMyFee(await getMyApplication(id))
    expect(quote).toEqual({
      cardFeeKurus: 96_400,
      permitFeeKurus: 180_000 + 11 * 45_000,
      totalKurus: 96_400 + 180_000 + 11 * 45_000,
      group: 'B',
      exemption: null,
    })
    expect((await submitApplication(id, randomUUID(), 'en')).ok).toBe(true)
    expect(await row(id)).toMatchObject({
      cardFeeKurus: quote!.cardFeeKurus,
      permitFeeKurus: quote!.permitFeeKurus,
      feeTotalKurus: quote!.totalKurus,
    })
  })

  it('charges an exempt nationality the card fee only', async () => {
    await actAs(email('fee-az'))
    const id = await draft()
    await fill(id, {
      ...COMPLETE_ANSWERS,
      personal: { ...COMPLETE_ANSWERS.personal!, nationality: 'AZ' },
    })
    expect(await quoteMyFee(await getMyApplication(id))).toMatchObject({
      permitFeeKurus: 0,
      totalKurus: 96_400,
      exemption: 'nationality',
    })
  })

  it('charges an exempt category (a student permit) the card fee only, whatever the nationality', async () => {
    await actAs(email('fee-student'))
    const id = await draft('student')
    const permit = {
      studyLevel: 'higher_education',
      programmeEndsOn: inDays(1500),
      requestedMonths: '12',
    }
    await fill(id, { ...COMPLETE_ANSWERS, permit })
    expect(await quoteMyFee(await getMyApplication(id))).toMatchObject({
      cardFeeKurus: 96_400,
      permitFeeKurus: 0,
      exemption: 'category',
    })
    expect((await submitApplication(id, randomUUID(), 'en')).ok).toBe(true)
    expect(await row(id)).toMatchObject({ permitFeeKurus: 0, feeTotalKurus: 96_400 })
  })

  it('has no quote before the nationality and the period are known', async () => {
    await actAs(email('fee-empty'))
    const id = await draft()
    expect(await quoteMyFee(await getMyApplication(id))).toBeNull()
  })
})

describe('insurance (domain.md §9)', () => {
  it('refuses "not required" for an adult and keeps nothing; allows it for a child', async () => {
    await actAs(email('ins-adult'))
    const id = await draft()
    await saveSectionAnswers(id, 'personal', COMPLETE_ANSWERS.personal!, 'complete')
    expect(
      await saveSectionAnswers(id, 'insurance', { insuranceType: 'not_required' }, 'complete'),
    ).toEqual({
      ok: false,
      fieldErrors: { insuranceType: 'validation:insurance.not_required_not_allowed' },
    })
    expect((await row(id)).formData.insurance).toBeUndefined()
    await saveSectionAnswers(
      id,
      'personal',
      { ...COMPLETE_ANSWERS.personal!, dateOfBirth: inDays(-365 * 10) },
      'complete',
    )
    expect(
      await saveSectionAnswers(id, 'insurance', { insuranceType: 'not_required' }, 'complete'),
    ).toEqual({ ok: true })
  })

  it('needs cover for the whole requested period, when saved and again when sent', async () => {
    await actAs(email('ins-period'))
    const id = await draft()
    await fill(id, COMPLETE_ANSWERS)
    const short = { ...COMPLETE_ANSWERS.insurance!, validUntil: inDays(200) }
    expect(await saveSectionAnswers(id, 'insurance', short, 'complete')).toEqual({
      ok: false,
      fieldErrors: { validUntil: 'validation:insurance.ends_before_permit' },
    })
    const bilateralWithoutEnd = { insuranceType: 'bilateral' }
    expect(await saveSectionAnswers(id, 'insurance', bilateralWithoutEnd, 'complete')).toEqual({
      ok: false,
      fieldErrors: { validUntil: 'validation:insurance.valid_until_required' },
    })
    // The period grows after the insurance was saved: sending is refused, nothing changes.
    await saveSectionAnswers(
      id,
      'permit',
      { purpose: 'tourism', requestedMonths: '24' },
      'complete',
    )
    const before = await row(id)
    expect(await submitApplication(id, randomUUID(), 'en')).toEqual({
      ok: false,
      reason: 'insurance_ends_before_permit',
    })
    expect(await row(id)).toEqual(before)
  })
})

describe('extension route of the directorate (domain.md §4)', () => {
  async function extension(provinceCode: string, change: Answers = {}) {
    const holder = await actAs(email('ext'))
    const db = await getDb()
    const permitId = randomUUID()
    await db.insert(residencePermits).values({
      id: permitId,
      holderId: holder!,
      permitTypeCode: 'short_term',
      purposeCode: 'tourism',
      documentNumber: `X-${randomBytes(5).toString('hex')}`,
      validFrom: inDays(-300),
      validUntil: inDays(30),
    })
    const started = await startExtension({ permitId })
    if (!started.ok) throw new Error(started.reason)
    const answers: Answers = {
      ...COMPLETE_ANSWERS,
      address: { ...COMPLETE_ANSWERS.address!, provinceCode },
      insurance: { ...COMPLETE_ANSWERS.insurance!, validUntil: inDays(500) },
    }
    await fill(started.id, answers)
    // What the earlier application said, as the portal pre-fills it.
    await db
      .update(applications)
      .set({
        formData: sql`jsonb_set(${applications.formData}, '{prefill}', ${JSON.stringify({
          personal: answers.personal,
          passport: answers.passport,
        })}::jsonb)`,
      })
      .where(eq(applications.id, started.id))
    for (const [section, values] of Object.entries(change))
      await saveSectionAnswers(started.id, section as 'personal', values, 'complete')
    const sent = await submitApplication(started.id, randomUUID(), 'en')
    if (!sent.ok) throw new Error(sent.reason)
    return { id: started.id, app: await row(started.id) }
  }

  it('sends a postal province (Ankara) to the post, with the last day to post', async () => {
    const { app } = await extension('6')
    expect(app.status).toBe('documents_submitted')
    expect(app.documentsDueOn! > inDays(6)).toBe(true)
    const db = await getDb()
    const [mail] = await db
      .select({ body: outboxMessages.body })
      .from(outboxMessages)
      .where(eq(outboxMessages.template, 'application-submitted'))
      .orderBy(sql`${outboxMessages.createdAt} desc`)
      .limit(1)
    expect(mail!.body).toContain('by post')
  })

  it('gives an appointment where the directorate takes extensions in person (Amasya)', async () => {
    const { app } = await extension('5')
    expect(app.status).toBe('awaiting_appointment')
    expect(app.documentsDueOn).toBeNull()
  })

  it('in İstanbul: post when the personal data is unchanged, a visit when it changed', async () => {
    expect((await extension('34')).app.status).toBe('documents_submitted')
    const changed = await extension('34', {
      personal: { ...COMPLETE_ANSWERS.personal!, surname: 'Smith' },
    })
    expect(changed.app.status).toBe('awaiting_appointment')
  })
})
