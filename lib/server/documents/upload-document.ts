import 'server-only'
import { createHash, randomUUID } from 'node:crypto'
import { and, count, eq } from 'drizzle-orm'
import { getDb, type Db } from '@/db'
import { applicationDocuments, applications } from '@/db/schema'
import { checklistFor, type ChecklistSource } from '@/lib/domain/document-checklist'
import {
  DOCUMENT_CODES,
  requirementFor,
  type DocumentCode,
  type DocumentRequirement,
} from '@/lib/domain/permits/documents'
import { maxBytesFor, type UploadRefusal } from '@/lib/domain/uploads'
import { AccessDenied, requireSignedIn } from '../actor'
import {
  unsafeFilesSince,
  unsafeFindOpenRequest,
  type OpenRequest,
} from '../applications/document-request'
import { getMyApplication } from '../applications/my-application'
import { writeAudit } from '../audit'
import { todayInIstanbul } from '../clock'
import { getObjectStorage } from '../storage/object-storage'
import { requireUuid } from './checklist'
import { inspectFile, type ReceivedFile } from './inspect-file'
import { readUploadBody } from './read-body'

export type UploadFailure = UploadRefusal | 'unknown_item' | 'not_editable' | 'too_many_files'

export type UploadedDocument = {
  id: string
  checklistItem: string
  contentType: string
  sizeBytes: number
  sha256: string
  pageCount: number | null
  width: number | null
  height: number | null
}

const isDocumentCode = (v: string): v is DocumentCode =>
  (DOCUMENT_CODES as readonly string[]).includes(v)

type Target = { ok: true; requirement: DocumentRequirement; maxBytes: number }

function checkTarget(
  app: ChecklistSource & { status: string },
  item: string,
  filesSoFar: number,
  request: OpenRequest | null,
): Target | { ok: false; reason: UploadFailure } {
  // A draft takes its checklist; a file waiting on missing documents takes what staff asked for.
  const answering = app.status === 'missing_documents' && request !== null
  if (app.status !== 'draft' && !answering) return { ok: false, reason: 'not_editable' }
  const requirement = answering
    ? request.items.includes(item) && isDocumentCode(item)
      ? requirementFor(item)
      : undefined
    : checklistFor(app, todayInIstanbul()).find((d) => d.code === item)
  if (!requirement) return { ok: false, reason: 'unknown_item' }
  if (filesSoFar >= requirement.maxFiles) return { ok: false, reason: 'too_many_files' }
  return { ok: true, requirement, maxBytes: maxBytesFor(requirement.accepts) }
}

/** The request being answered, and the files of `item` that count against its limit. */
async function uploadContext(
  db: Pick<Db, 'select'>,
  app: { id: string; status: string },
  item: string,
) {
  const request =
    app.status === 'missing_documents' ? await unsafeFindOpenRequest(db, app.id) : null
  const files = request
    ? ((await unsafeFilesSince(db, app.id, request.createdAt))[item] ?? 0)
    : await filesFor(db, app.id, item)
  return { request, files }
}

async function filesFor(
  db: Pick<Awaited<ReturnType<typeof getDb>>, 'select'>,
  id: string,
  item: string,
) {
  const [row] = await db
    .select({ n: count() })
    .from(applicationDocuments)
    .where(
      and(eq(applicationDocuments.applicationId, id), eq(applicationDocuments.checklistItem, item)),
    )
  return Number(row?.n ?? 0)
}

/**
 * Before any of the body is read: may the caller add a file to this item of this application,
 * and how large may it be? Someone else's application is a 404, as everywhere.
 */
export async function prepareUpload(
  applicationId: string,
  item: string,
): Promise<Target | { ok: false; reason: UploadFailure }> {
  const app = await getMyApplication(applicationId)
  const { request, files } = await uploadContext(await getDb(), app, item)
  return checkTarget(app, item, files, request)
}

/**
 * Checks, cleans and stores one file for a checklist item of the caller's own draft. The
 * bytes are stored first under a fresh key; the row is added in a transaction that locks the
 * application, so two parallel uploads cannot pass the item's file limit and a submission
 * cannot slip in between. When the row is not added, the stored bytes are removed again.
 */
export async function uploadMyDocument(
  applicationId: string,
  item: string,
  received: ReceivedFile,
): Promise<{ ok: true; document: UploadedDocument } | { ok: false; reason: UploadFailure }> {
  const actor = await requireSignedIn()
  requireUuid(applicationId)
  const target = await prepareUpload(applicationId, item)
  if (!target.ok) return target
  const inspected = await inspectFile(received, target.requirement.accepts)
  if (!inspected.ok) {
    if (inspected.reason === 'infected')
      await recordInfected(actor.userId, applicationId, item, received, inspected.signature)
    return { ok: false, reason: inspected.reason }
  }
  const { file, scanned } = inspected
  const document: UploadedDocument = {
    id: randomUUID(),
    checklistItem: item,
    contentType: file.contentType,
    sizeBytes: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    pageCount: file.pageCount,
    width: file.width,
    height: file.height,
  }
  const storageKey = `documents/${randomUUID()}`
  const storage = getObjectStorage()
  await storage.put(storageKey, file.bytes, file.contentType)
  const db = await getDb()
  try {
    const result = await db.transaction(async (tx) => {
      const [app] = await tx
        .select({
          kind: applications.kind,
          permitTypeCode: applications.permitTypeCode,
          purposeCode: applications.purposeCode,
          formData: applications.formData,
          status: applications.status,
        })
        .from(applications)
        .where(and(eq(applications.id, applicationId), eq(applications.applicantId, actor.userId)))
        .for('update')
      if (!app) throw new AccessDenied('not_found')
      const { request, files } = await uploadContext(
        tx,
        { id: applicationId, status: app.status },
        item,
      )
      const allowed = checkTarget(app, item, files, request)
      if (!allowed.ok) return allowed
      await tx.insert(applicationDocuments).values({
        ...document,
        applicationId,
        storageKey,
        uploadedBy: actor.userId,
      })
      await writeAudit(tx, {
        actorUserId: actor.userId,
        action: 'application.document_uploaded',
        entityType: 'application',
        entityId: applicationId,
        details: {
          documentId: document.id,
          checklistItem: item,
          sizeBytes: document.sizeBytes,
          malwareScanned: scanned,
        },
      })
      return { ok: true as const, document }
    })
    if (!result.ok) await storage.delete(storageKey)
    return result
  } catch (error) {
    await storage.delete(storageKey)
    throw error
  }
}

/**
 * A file the malware scanner flagged is not stored anywhere; the attempt is kept in the audit
 * trail (SECURITY.md UP-03) with the file's hash, so staff can tell a repeat.
 */
async function recordInfected(
  actorUserId: string,
  applicationId: string,
  item: string,
  received: ReceivedFile,
  signature: string | undefined,
) {
  const db = await getDb()
  await db.transaction((tx) =>
    writeAudit(tx, {
      actorUserId,
      action: 'application.document_infected',
      entityType: 'application',
      entityId: applicationId,
      details: {
        checklistItem: item,
        signature: signature ?? null,
        sizeBytes: received.bytes.length,
        sha256: createHash('sha256').update(received.bytes).digest('hex'),
      },
    }),
  )
}

/**
 * The whole upload from an HTTP request: the limits are known before the body is read, so
 * someone else's application or a full item is answered without reading it at all.
 */
export async function receiveUpload(
  request: Request,
  applicationId: string,
  item: string,
): Promise<
  { ok: true; document: UploadedDocument } | { ok: false; reason: UploadFailure; maxBytes?: number }
> {
  await requireSignedIn()
  requireUuid(applicationId)
  const target = await prepareUpload(applicationId, item)
  if (!target.ok) return target
  const body = await readUploadBody(request, target.maxBytes)
  const result = body.ok ? await uploadMyDocument(applicationId, item, body.file) : body
  // The limit goes with a refusal, so the message can say how large a file may be.
  return result.ok ? result : { ...result, maxBytes: target.maxBytes }
}
