import 'server-only'
import { and, eq, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { applicationEvents, applications, documentRequests } from '@/db/schema'
import { canTransition } from '@/lib/domain/application-status'
import { writeAudit } from '../audit'
import { mailCaseStep } from './case-mail'

const BATCH = 100

/**
 * A missing-documents request past its deadline ends the file: not processed (domain.md §4).
 * Idempotent and safe in several processes at once: each request is taken with SKIP LOCKED and
 * changed only while it is still open and its case still waits for the applicant.
 */
export async function lapseDocumentRequests(db: Db): Promise<number> {
  let lapsed = 0
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: documentRequests.id, applicationId: documentRequests.applicationId })
        .from(documentRequests)
        .where(
          and(
            isNull(documentRequests.answeredAt),
            isNull(documentRequests.lapsedAt),
            lt(documentRequests.dueAt, sql`now()`),
          ),
        )
        .limit(BATCH)
        .for('update', { skipLocked: true })
      for (const request of due) {
        await tx
          .update(documentRequests)
          .set({ lapsedAt: sql`now()` })
          .where(eq(documentRequests.id, request.id))
        const [app] = await tx
          .update(applications)
          .set({
            status: 'not_processed',
            version: sql`${applications.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(
            and(
              eq(applications.id, request.applicationId),
              eq(applications.status, 'missing_documents'),
            ),
          )
          .returning({
            id: applications.id,
            reference: applications.reference,
            applicantId: applications.applicantId,
          })
        if (!app || !canTransition('missing_documents', 'not_processed', 'system')) continue
        await tx.insert(applicationEvents).values({
          applicationId: app.id,
          fromStatus: 'missing_documents',
          toStatus: 'not_processed',
          reasonCode: 'request_unanswered',
        })
        await writeAudit(tx, {
          actorUserId: null,
          action: 'case.request_lapsed',
          entityType: 'application',
          entityId: app.id,
          details: { request: request.id },
        })
        await mailCaseStep(tx, app.id, { key: 'notProcessed' })
        lapsed++
      }
      return due.length < BATCH
    })
    if (done) return lapsed
  }
}
