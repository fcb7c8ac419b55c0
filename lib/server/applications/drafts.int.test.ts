import '../testing/request-scope-mocks'
import { randomBytes, randomUUID } from 'node:crypto'
import { COMPLETE_ANSWERS, inDays, testEmail as email } from '../testing/application-fixtures'
import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { applications, auditEvents, idempotencyKeys, residencePermits } from '@/db/schema'
import { AccessDenied } from '../actor'
import { actAs } from '../testing/as-user'
import { attachRequiredDocuments } from '../testing/attach-documents'
import { getMyApplication, saveDraftSection } from './my-application'
import { saveSectionAnswers } from './save-section'
import { startExtension, startFirstApplication } from './start-application'
import { submitApplication } from './submit-application'

async function newDraft(): Promise<string> {
  const started = await startFirstApplication({
    permitType: 'short_term',
    legalStayUntil: inDays(30),
  })
  if (!started.ok) throw new Error(started.reason)
  return started.id
}

async function snapshot(id: string) {
  const db = await getDb()
  const [row] = await db.select().from(applications).where(eq(applications.id, id))
  return row
}

beforeEach(async () => {
  await actAs(null)
})

describe('drafts', () => {
  it('refuses a first application after the legal stay ended, with a reason', async () => {
    await actAs(email('late'))
    expect(
      await startFirstApplication({ permitType: 'short_term', legalStayUntil: inDays(-1) }),
    ).toEqual({ ok: false, reason: 'legal_stay_ended' })
  })

  it('saves each task, keeps valid answers for later, and completes', async () => {
    await actAs(email('draft'))
    const id = await newDraft()
    expect(
      await saveSectionAnswers(
        id,
        'personal',
        { ...COMPLETE_ANSWERS.personal!, phone: '12' },
        'complete',
      ),
    ).toMatchObject({ ok: false, fieldErrors: { phone: 'validation:phone.invalid' } })
    expect(
      await saveSectionAnswers(
        id,
        'personal',
        { ...COMPLETE_ANSWERS.personal!, phone: '12' },
        'partial',
      ),
    ).toEqual({ ok: true })
    const partial = (await getMyApplication(id)).formData.personal as Record<string, unknown>
    expect(partial.givenNames).toBe('Jane')
    expect(partial.phone).toBeUndefined()
    // The shape is right but no Turkish operator issues 0599: refused by the number plan,
    // on the server, for a whole task and for the answers kept for later alike.
    const unissued = { ...COMPLETE_ANSWERS.personal!, phone: '0599 123 45 67' }
    expect(await saveSectionAnswers(id, 'personal', unissued, 'complete')).toMatchObject({
      ok: false,
      fieldErrors: { phone: 'validation:phone.invalid' },
    })
    expect(await saveSectionAnswers(id, 'personal', unissued, 'partial')).toEqual({ ok: true })
    expect(
      ((await getMyApplication(id)).formData.personal as Record<string, unknown>).phone,
    ).toBeUndefined()
    const persian = { ...COMPLETE_ANSWERS.personal!, phone: '۰۵۳۲ ۱۲۳ ۴۵ ۶۷' }
    expect(await saveSectionAnswers(id, 'personal', persian, 'partial')).toEqual({ ok: true })
    expect(((await getMyApplication(id)).formData.personal as Record<string, unknown>).phone).toBe(
      '+905321234567',
    )
    for (const [section, values] of Object.entries(COMPLETE_ANSWERS)) {
      expect(
        await saveSectionAnswers(
          id,
          section as keyof typeof COMPLETE_ANSWERS & 'personal',
          values,
          'complete',
        ),
      ).toEqual({ ok: true })
    }
    expect(((await getMyApplication(id)).formData.personal as Record<string, unknown>).phone).toBe(
      '+905321234567',
    )
  })

  it('audits each saved task by its name, never its answers (AD-04)', async () => {
    const userId = await actAs(email('audited'))
    const id = await newDraft()
    await saveDraftSection(id, 'personal', COMPLETE_ANSWERS.personal!)
    const db = await getDb()
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'application.section_saved')))
    expect(rows.map((r) => [r.actorUserId, r.details])).toEqual([[userId, { section: 'personal' }]])
  })

  it('refuses unknown fields and changes nothing', async () => {
    await actAs(email('mass'))
    const id = await newDraft()
    const before = await snapshot(id)
    const result = await saveSectionAnswers(
      id,
      'permit',
      { ...COMPLETE_ANSWERS.permit!, status: 'approved' },
      'complete',
    )
    expect(result).toMatchObject({ ok: false, fieldErrors: { _form: 'validation:unexpected' } })
    expect(await snapshot(id)).toEqual(before)
  })

  it('submits once for a double click, computes the fee on the server and moves the status', async () => {
    await actAs(email('submit'))
    const id = await newDraft()
    for (const [section, values] of Object.entries(COMPLETE_ANSWERS))
      await saveSectionAnswers(id, section as 'personal', values, 'complete')
    await attachRequiredDocuments(id)
    const key = randomUUID()
    const [a, b] = await Promise.all([
      submitApplication(id, key, 'en'),
      submitApplication(id, key, 'en'),
    ])
    expect(a).toMatchObject({ ok: true, id })
    expect(b).toEqual(a)
    const row = await snapshot(id)
    expect(row?.status).toBe('awaiting_appointment')
    expect(row?.feeTotalKurus).toBeGreaterThan(0)
    expect(row?.provinceCode).toBe(34)
    expect(await submitApplication(id, key, 'en')).toEqual(a)
    expect(await submitApplication(id, randomUUID(), 'en')).toEqual({
      ok: false,
      reason: 'already_submitted',
    })
    expect(await saveDraftSection(id, 'permit', { requestedMonths: 1 })).toEqual({
      ok: false,
      reason: 'not_editable',
    })
  })

  it('answers key_reused when a key sent one application is replayed for another', async () => {
    await actAs(email('reuse'))
    const [first, second] = [await newDraft(), await newDraft()]
    for (const id of [first, second]) {
      for (const [section, values] of Object.entries(COMPLETE_ANSWERS))
        await saveSectionAnswers(id, section as 'personal', values, 'complete')
      await attachRequiredDocuments(id)
    }
    const key = randomUUID()
    expect(await submitApplication(first, key, 'en')).toMatchObject({ ok: true, id: first })
    expect(await submitApplication(second, key, 'en')).toEqual({ ok: false, reason: 'key_reused' })
    expect((await snapshot(second))?.status).toBe('draft')
  })

  it("answers 404 for another applicant's draft and changes nothing", async () => {
    await actAs(email('owner'))
    const id = await newDraft()
    const before = await snapshot(id)
    await actAs(email('intruder'))
    await expect(getMyApplication(id)).rejects.toEqual(new AccessDenied('not_found'))
    await expect(
      saveSectionAnswers(id, 'personal', COMPLETE_ANSWERS.personal!, 'complete'),
    ).rejects.toEqual(new AccessDenied('not_found'))
    await expect(submitApplication(id, randomUUID(), 'en')).rejects.toEqual(
      new AccessDenied('not_found'),
    )
    await expect(startExtension({ permitId: randomUUID() })).rejects.toEqual(
      new AccessDenied('not_found'),
    )
    expect(await snapshot(id)).toEqual(before)
    const db = await getDb()
    expect(await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, id))).toHaveLength(
      0,
    )
  })

  it('pre-fills an extension from the current permit, inside its window only', async () => {
    const holder = await actAs(email('holder'))
    const db = await getDb()
    const permit = (validUntil: string) => ({
      id: randomUUID(),
      holderId: holder!,
      permitTypeCode: 'short_term',
      purposeCode: 'property_owner',
      documentNumber: `T-${randomBytes(5).toString('hex')}`,
      validFrom: inDays(-300),
      validUntil,
    })
    const due = permit(inDays(30))
    const early = permit(inDays(90))
    await db.insert(residencePermits).values([due, early])
    const result = await startExtension({ permitId: due.id })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const [row] = await db.select().from(applications).where(eq(applications.id, result.id))
    expect(row?.kind).toBe('extension')
    expect(row?.basedOnPermitId).toBe(due.id)
    expect((row?.formData.permit as Record<string, unknown>).purpose).toBe('property_owner')
    expect(await startExtension({ permitId: early.id })).toMatchObject({
      ok: false,
      reason: 'extension_too_early',
    })
  })
})
