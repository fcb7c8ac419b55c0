import '../testing/request-scope-mocks'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { applicationDocuments, applications, documentRequests } from '@/db/schema'
import { Refused } from '../errors'
import { lapseDocumentRequests } from '../casework/lapse-document-requests'
import { requestDocuments } from '../casework/request-documents'
import { actAs } from '../testing/as-user'
import { caseVersion, createCase } from '../testing/case-fixtures'
import { answerDocumentRequest, withdrawMyApplication } from './answer-document-request'
import { getMyApplicationProgress } from './application-progress'

afterEach(() => actAs(null))

async function status(id: string) {
  const db = await getDb()
  const [row] = await db
    .select({ s: applications.status })
    .from(applications)
    .where(eq(applications.id, id))
  return row!.s
}

async function askForDocuments(id: string) {
  await actAs('caseworker.istanbul@example.org')
  await requestDocuments({
    applicationId: id,
    expectedVersion: await caseVersion(id),
    items: ['criminal_record'],
  })
}

describe('applicant progress', () => {
  it('answers a request once every item has a file, and the case returns to review', async () => {
    const c = await createCase(34)
    await askForDocuments(c.id)
    await actAs(c.email)
    const progress = await getMyApplicationProgress(c.id)
    expect(progress.request?.items).toEqual(['criminal_record'])
    expect(progress.timeline.at(-1)?.status).toBe('missing_documents')
    const early = await answerDocumentRequest(c.id).catch((e: unknown) => e)
    expect((early as Refused).reason).toBe('request_items_missing')
    expect(await status(c.id)).toBe('missing_documents')

    const db = await getDb()
    await db.insert(applicationDocuments).values({
      id: crypto.randomUUID(),
      applicationId: c.id,
      checklistItem: 'criminal_record',
      storageKey: `test/${crypto.randomUUID()}`,
      contentType: 'application/pdf',
      sizeBytes: 1000,
      sha256: 'x',
      pageCount: 1,
      uploadedBy: c.applicantId,
      createdAt: new Date(Date.now() + 1000),
    })
    await answerDocumentRequest(c.id)
    expect(await status(c.id)).toBe('under_review')
    const [request] = await db
      .select()
      .from(documentRequests)
      .where(eq(documentRequests.applicationId, c.id))
    expect(request!.answeredAt).not.toBeNull()
  })

  it('another applicant cannot see or answer it', async () => {
    const c = await createCase(34)
    await askForDocuments(c.id)
    await actAs('someone.else@example.org')
    await expect(getMyApplicationProgress(c.id)).rejects.toMatchObject({ reason: 'not_found' })
    await expect(answerDocumentRequest(c.id)).rejects.toMatchObject({ reason: 'not_found' })
    await expect(withdrawMyApplication(c.id)).rejects.toMatchObject({ reason: 'not_found' })
    expect(await status(c.id)).toBe('missing_documents')
  })

  it('marks an unanswered request not processed once its deadline passed, only once', async () => {
    const c = await createCase(34)
    await askForDocuments(c.id)
    const db = await getDb()
    await db
      .update(documentRequests)
      .set({ dueAt: new Date(Date.now() - 60_000) })
      .where(eq(documentRequests.applicationId, c.id))
    expect(await lapseDocumentRequests(db)).toBeGreaterThanOrEqual(1)
    expect(await status(c.id)).toBe('not_processed')
    const again = await lapseDocumentRequests(db)
    expect(again).toBe(0)
  })

  it('withdraws before a decision, and not after', async () => {
    const open = await createCase(34)
    await actAs(open.email)
    await withdrawMyApplication(open.id)
    expect(await status(open.id)).toBe('withdrawn')
    const decided = await createCase(34, { status: 'approved' })
    await actAs(decided.email)
    const refused = await withdrawMyApplication(decided.id).catch((e: unknown) => e)
    expect((refused as Refused).reason).toBe('not_possible_now')
    expect(await status(decided.id)).toBe('approved')
  })
})
