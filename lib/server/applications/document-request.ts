import 'server-only'
import { and, asc, count, eq, gt, isNull } from 'drizzle-orm'
import type { Db } from '@/db'
import { applicationDocuments, documentRequests } from '@/db/schema'

export type OpenRequest = {
  id: string
  items: string[]
  message: string
  dueAt: Date
  createdAt: Date
}

/** The missing-documents request an application waits on, if any; the caller scoped the id. */
export async function unsafeFindOpenRequest(
  db: Pick<Db, 'select'>,
  applicationId: string,
): Promise<OpenRequest | null> {
  const [row] = await db
    .select({
      id: documentRequests.id,
      items: documentRequests.items,
      message: documentRequests.message,
      dueAt: documentRequests.dueAt,
      createdAt: documentRequests.createdAt,
    })
    .from(documentRequests)
    .where(
      and(
        eq(documentRequests.applicationId, applicationId),
        isNull(documentRequests.answeredAt),
        isNull(documentRequests.lapsedAt),
      ),
    )
  return row ?? null
}

/** Files per item uploaded since the request was made: what answers it. */
export async function unsafeFilesSince(
  db: Pick<Db, 'select'>,
  applicationId: string,
  since: Date,
): Promise<Record<string, number>> {
  const rows = await db
    .select({ item: applicationDocuments.checklistItem, n: count() })
    .from(applicationDocuments)
    .where(
      and(
        eq(applicationDocuments.applicationId, applicationId),
        gt(applicationDocuments.createdAt, since),
      ),
    )
    .groupBy(applicationDocuments.checklistItem)
  return Object.fromEntries(rows.map((r) => [r.item, Number(r.n)]))
}

/** The files uploaded since the request, to list under each requested item. */
export async function unsafeListFilesSince(
  db: Pick<Db, 'select'>,
  applicationId: string,
  since: Date,
) {
  return db
    .select({
      id: applicationDocuments.id,
      item: applicationDocuments.checklistItem,
      contentType: applicationDocuments.contentType,
      sizeBytes: applicationDocuments.sizeBytes,
      pageCount: applicationDocuments.pageCount,
      width: applicationDocuments.width,
      height: applicationDocuments.height,
    })
    .from(applicationDocuments)
    .where(
      and(
        eq(applicationDocuments.applicationId, applicationId),
        gt(applicationDocuments.createdAt, since),
      ),
    )
    .orderBy(asc(applicationDocuments.createdAt))
}
