import 'server-only'
import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { applicationDocuments, applications } from '@/db/schema'
import { AccessDenied, requireSignedIn } from '../actor'
import { writeAudit } from '../audit'
import { getObjectStorage } from '../storage/object-storage'
import { requireUuid } from './checklist'

export type DocumentDownload = { bytes: Buffer; contentType: string; fileName: string }

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'application/pdf': 'pdf' }

/**
 * One file of the caller's own application. Another applicant's file, or a file of another
 * application, is a 404 like a missing one. Staff access comes with the casework screens.
 */
export async function readMyDocument(
  applicationId: string,
  documentId: string,
): Promise<DocumentDownload> {
  const actor = await requireSignedIn()
  requireUuid(applicationId)
  requireUuid(documentId)
  const db = await getDb()
  const [row] = await db
    .select({
      storageKey: applicationDocuments.storageKey,
      contentType: applicationDocuments.contentType,
      checklistItem: applicationDocuments.checklistItem,
      reference: applications.reference,
    })
    .from(applicationDocuments)
    .innerJoin(applications, eq(applications.id, applicationDocuments.applicationId))
    .where(
      and(
        eq(applicationDocuments.id, documentId),
        eq(applicationDocuments.applicationId, applicationId),
        eq(applications.applicantId, actor.userId),
      ),
    )
  if (!row) throw new AccessDenied('not_found')
  const bytes = await getObjectStorage().get(row.storageKey)
  if (!bytes) throw new AccessDenied('not_found')
  // Our own name for the file: nothing the uploader typed reaches the header.
  const extension = EXTENSIONS[row.contentType] ?? 'bin'
  return {
    bytes,
    contentType: row.contentType,
    fileName: `${row.reference}-${row.checklistItem}.${extension}`,
  }
}

export type DeleteResult = { ok: true } | { ok: false; reason: 'not_editable' }

/** Removes a file from the caller's own draft; the stored bytes go once the row is gone. */
export async function deleteMyDocument(
  applicationId: string,
  documentId: string,
): Promise<DeleteResult> {
  const actor = await requireSignedIn()
  requireUuid(applicationId)
  requireUuid(documentId)
  const db = await getDb()
  const result = await db.transaction(async (tx) => {
    // The same lock as uploads and submission: a file cannot vanish while the draft is sent.
    const [app] = await tx
      .select({ status: applications.status })
      .from(applications)
      .where(and(eq(applications.id, applicationId), eq(applications.applicantId, actor.userId)))
      .for('update')
    if (!app) throw new AccessDenied('not_found')
    if (app.status !== 'draft') return { ok: false as const, reason: 'not_editable' as const }
    const [deleted] = await tx
      .delete(applicationDocuments)
      .where(
        and(
          eq(applicationDocuments.id, documentId),
          eq(applicationDocuments.applicationId, applicationId),
        ),
      )
      .returning({
        storageKey: applicationDocuments.storageKey,
        item: applicationDocuments.checklistItem,
      })
    if (!deleted) throw new AccessDenied('not_found')
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: 'application.document_deleted',
      entityType: 'application',
      entityId: applicationId,
      details: { documentId, checklistItem: deleted.item },
    })
    return { ok: true as const, storageKey: deleted.storageKey }
  })
  if (!result.ok) return result
  await getObjectStorage().delete(result.storageKey)
  return { ok: true }
}
