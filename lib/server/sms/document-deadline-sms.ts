import 'server-only'
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { applications, documentRequests } from '@/db/schema'
import { toIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import { isSmsEnabled } from './configured-gateway'
import { enqueueSms, readSmsRecipient } from './enqueue-sms'

/** How long before a missing-documents deadline the SMS reminder goes out. */
export const DEADLINE_REMINDER_DAYS = 3

const BATCH = 100

/**
 * Reminds applicants by SMS that their missing-documents request ends soon. Each open request
 * is taken once (deadline_reminded_at, under SKIP LOCKED); one made less than the reminder
 * period before its deadline is skipped: its request mail has just told the date.
 */
export async function remindDocumentDeadlines(db: Db, now = new Date()): Promise<number> {
  if (!isSmsEnabled()) return 0
  const at = sql`${now.toISOString()}::timestamptz`
  const remindFrom = sql`${documentRequests.dueAt} - make_interval(days => ${DEADLINE_REMINDER_DAYS})`
  let queued = 0
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: documentRequests.id,
          applicationId: documentRequests.applicationId,
          dueAt: documentRequests.dueAt,
          waiting: sql<boolean>`${applications.status} = 'missing_documents'`,
          early: sql<boolean>`${documentRequests.createdAt} < ${remindFrom}`,
        })
        .from(documentRequests)
        .innerJoin(applications, eq(applications.id, documentRequests.applicationId))
        .where(
          and(
            isNull(documentRequests.answeredAt),
            isNull(documentRequests.lapsedAt),
            isNull(documentRequests.deadlineRemindedAt),
            sql`${documentRequests.dueAt} > ${at}`,
            sql`${remindFrom} <= ${at}`,
          ),
        )
        .limit(BATCH)
        .for('update', { of: documentRequests, skipLocked: true })
      for (const request of due) {
        await tx
          .update(documentRequests)
          .set({ deadlineRemindedAt: now })
          .where(eq(documentRequests.id, request.id))
        if (!request.waiting || !request.early) continue
        const recipient = await readSmsRecipient(tx, request.applicationId)
        if (!recipient) continue
        // due_at is the first moment after the last day, in Türkiye time.
        const lastDay = toIstanbulWallTime(new Date(request.dueAt.getTime() - 1)).date
        await enqueueSms(tx, {
          template: 'sms-document-deadline',
          recipient,
          text: getT(recipient.locale, 'mail')('sms.documentDeadline', {
            reference: recipient.reference,
            date: formatDate(lastDay, recipient.locale),
          }),
        })
        queued++
      }
      return due.length < BATCH
    })
    if (done) return queued
  }
}
