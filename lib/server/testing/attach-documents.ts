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
      uploadedBy: app.applicantId,
    })
  }
}
