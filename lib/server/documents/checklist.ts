import 'server-only'
import { and, asc, count, eq } from 'drizzle-orm'
import { z } from 'zod'
import { getDb, type Db } from '@/db'
import { applicationDocuments, applications } from '@/db/schema'
import {
  checklistFor,
  documentsTaskState,
  missingDocuments,
  type ChecklistSource,
} from '@/lib/domain/document-checklist'
import type { DocumentCode, DocumentRequirement } from '@/lib/domain/permits/documents'
import { maxBytesFor } from '@/lib/domain/uploads'
import { AccessDenied, requireSignedIn } from '../actor'
import { getMyApplication, type MyApplication } from '../applications/my-application'
import { todayInIstanbul } from '../clock'

type Reader = Pick<Db, 'select'>

const uuid = z.uuid()
/** A malformed id is answered like someone else's record: it does not exist. */
export function requireUuid(value: string): void {
  if (!uuid.safeParse(value).success) throw new AccessDenied('not_found')
}

export type DocumentFile = {
  id: string
  checklistItem: string
  contentType: string
  sizeBytes: number
  pageCount: number | null
  width: number | null
  height: number | null
  createdAt: Date
}

export type ChecklistItem = DocumentRequirement & { maxBytes: number; files: DocumentFile[] }

export type MyDocuments = {
  application: MyApplication
  items: ChecklistItem[]
  /** Files for items the checklist no longer has (say, after changing the purpose). */
  otherFiles: DocumentFile[]
  state: ReturnType<typeof documentsTaskState>
}

/** Files per checklist item of one application; the caller has already checked ownership. */
export async function filesPerItem(db: Reader, applicationId: string) {
  const rows = await db
    .select({ item: applicationDocuments.checklistItem, n: count() })
    .from(applicationDocuments)
    .where(eq(applicationDocuments.applicationId, applicationId))
    .groupBy(applicationDocuments.checklistItem)
  return Object.fromEntries(rows.map((r) => [r.item, Number(r.n)])) as Record<string, number>
}

/** Required items without a file, for the caller's own application `app`. */
export async function missingRequiredDocuments(
  db: Reader,
  app: ChecklistSource & { id: string },
): Promise<DocumentCode[]> {
  return missingDocuments(checklistFor(app, todayInIstanbul()), await filesPerItem(db, app.id))
}

/** The caller's own draft with its checklist and the files uploaded for each item. */
export async function getMyDocuments(applicationId: string): Promise<MyDocuments> {
  const actor = await requireSignedIn()
  const application = await getMyApplication(applicationId)
  const db = await getDb()
  // Ownership was checked above; the join repeats it so this query cannot leak on its own.
  const files = await db
    .select({
      id: applicationDocuments.id,
      checklistItem: applicationDocuments.checklistItem,
      contentType: applicationDocuments.contentType,
      sizeBytes: applicationDocuments.sizeBytes,
      pageCount: applicationDocuments.pageCount,
      width: applicationDocuments.width,
      height: applicationDocuments.height,
      createdAt: applicationDocuments.createdAt,
    })
    .from(applicationDocuments)
    .innerJoin(applications, eq(applications.id, applicationDocuments.applicationId))
    .where(
      and(
        eq(applicationDocuments.applicationId, application.id),
        eq(applications.applicantId, actor.userId),
      ),
    )
    .orderBy(asc(applicationDocuments.createdAt), asc(applicationDocuments.id))
  const checklist = checklistFor(application, todayInIstanbul())
  const codes = new Set<string>(checklist.map((d) => d.code))
  const counts: Record<string, number> = {}
  for (const f of files) counts[f.checklistItem] = (counts[f.checklistItem] ?? 0) + 1
  return {
    application,
    items: checklist.map((d) => ({
      ...d,
      maxBytes: maxBytesFor(d.accepts),
      files: files.filter((f) => f.checklistItem === d.code),
    })),
    otherFiles: files.filter((f) => !codes.has(f.checklistItem)),
    state: documentsTaskState(checklist, counts),
  }
}

/**
 * For a submission: locks the caller's draft row (uploads and deletions take the same lock)
 * and answers the required items still without a file, as they stand under that lock.
 */
export async function lockDraftAndFindMissingDocuments(
  tx: Pick<Db, 'select'>,
  app: ChecklistSource & { id: string },
): Promise<DocumentCode[]> {
  await tx
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.id, app.id))
    .for('update')
  return missingRequiredDocuments(tx, app)
}

/** The documents task on the task list and the check page: its state, and files per item. */
export async function getMyDocumentsProgress(app: ChecklistSource & { id: string }): Promise<{
  state: MyDocuments['state']
  items: { code: DocumentCode; files: number }[]
}> {
  const actor = await requireSignedIn()
  const db = await getDb()
  const rows = await db
    .select({ item: applicationDocuments.checklistItem, n: count() })
    .from(applicationDocuments)
    .innerJoin(applications, eq(applications.id, applicationDocuments.applicationId))
    .where(and(eq(applications.id, app.id), eq(applications.applicantId, actor.userId)))
    .groupBy(applicationDocuments.checklistItem)
  const files: Record<string, number> = Object.fromEntries(rows.map((r) => [r.item, Number(r.n)]))
  const checklist = checklistFor(app, todayInIstanbul())
  return {
    state: documentsTaskState(checklist, files),
    items: checklist.map((d) => ({ code: d.code, files: files[d.code] ?? 0 })),
  }
}
