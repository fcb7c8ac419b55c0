import 'server-only'
import { and, eq, ne } from 'drizzle-orm'
import { getDb } from '@/db'
import { applicationDocuments, applications } from '@/db/schema'
import { isUuid } from '@/lib/domain/ids'
import { AccessDenied, requireStaff } from '../actor'
import { auditRead } from '../audit'
import { inDirectorateOf } from '../scope'
import { getObjectStorage } from '../storage/object-storage'

/** One uploaded file of a case in the caller's directorate; every view is audited. */
export async function readCaseDocument(applicationId: string, documentId: string) {
  const actor = await requireStaff('cases.view')
  if (!isUuid(applicationId) || !isUuid(documentId)) throw new AccessDenied('not_found')
  const db = await getDb()
  const [row] = await db
    .select({
      storageKey: applicationDocuments.storageKey,
      contentType: applicationDocuments.contentType,
      item: applicationDocuments.checklistItem,
      reference: applications.reference,
    })
    .from(applicationDocuments)
    .innerJoin(applications, eq(applications.id, applicationDocuments.applicationId))
    .where(
      and(
        eq(applicationDocuments.id, documentId),
        eq(applications.id, applicationId),
        inDirectorateOf(actor),
        ne(applications.status, 'draft'),
      ),
    )
  if (!row)
    throw new AccessDenied('not_found', {
      entityType: 'application_document',
      entityId: documentId,
    })
  const bytes = await getObjectStorage().get(row.storageKey)
  if (!bytes) throw new AccessDenied('not_found')
  await auditRead({
    actorUserId: actor.userId,
    action: 'case.document_viewed',
    entityType: 'application',
    entityId: applicationId,
    details: { documentId, checklistItem: row.item },
  })
  return { bytes, contentType: row.contentType, fileName: `${row.reference}-${row.item}` }
}
