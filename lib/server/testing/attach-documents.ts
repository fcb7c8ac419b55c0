import 'server-only'
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { applicationDocuments, applications } from '@/db/schema'
import { missingRequiredDocuments } from '../documents/checklist'

/**
 * For tests about something other than uploads (submission, fees): one placeholder file row
 * for each required document still missing, so the draft can be sent. No bytes are stored.
 */
export async function attachRequiredDocuments(applicationId: string): Promise<void> {
  const db = await getDb()
  const [app] = await db.select().from(applications).where(eq(applications.id, applicationId))
  if (!app) throw new Error(`no application ${applicationId}`)
  for (const code of await missingRequiredDocuments(db, app)) {
    await db.insert(applicationDocuments).values({
      id: randomUUID(),
      applicationId,
      checklistItem: code,
      storageKey: `test/${randomUUID()}`,
      contentType: 'application/pdf',
      sizeBytes: 1,
      sha256: '0'.repeat(64),
      pageCount: 1,
      uploadedBy: app.applicantId!,
    })
  }
}

/** One real stored file (a small PDF) on an application, as if its owner had uploaded it. */
export async function uploadDocumentFor(applicationId: string, applicantId: string) {
  const { getObjectStorage } = await import('../storage/object-storage')
  const bytes = Buffer.from('%PDF-1.4\n%test\n')
  const id = randomUUID()
  const storageKey = `documents/${randomUUID()}`
  await getObjectStorage().put(storageKey, bytes, 'application/pdf')
  const db = await getDb()
  await db.insert(applicationDocuments).values({
    id,
    applicationId,
    checklistItem: 'passport_copy',
    storageKey,
    contentType: 'application/pdf',
    sizeBytes: bytes.length,
    sha256: '0'.repeat(64),
    pageCount: 1,
    uploadedBy: applicantId,
  })
  return id
}
