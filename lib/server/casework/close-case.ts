import 'server-only'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { documentRequests } from '@/db/schema'
import type { CLOSE_REASONS, NOT_PROCESSED_REASONS } from '@/lib/schemas/casework/case-actions'
import { changeCase, type CaseChangeInput } from './change-case'

/**
 * The file is not processed: a missed appointment, documents never sent, or a request left
 * unanswered (domain.md §4). An open request ends with it.
 */
export function markNotProcessed(
  input: CaseChangeInput & { reason: (typeof NOT_PROCESSED_REASONS)[number] },
) {
  return changeCase('mark_not_processed', input, async (tx, row) => {
    await tx
      .update(documentRequests)
      .set({ lapsedAt: sql`now()` })
      .where(
        and(
          eq(documentRequests.applicationId, row.id),
          isNull(documentRequests.answeredAt),
          isNull(documentRequests.lapsedAt),
        ),
      )
    return {
      to: 'not_processed',
      event: { reasonCode: input.reason },
      mail: { key: 'notProcessed' },
    }
  })
}

/** Staff close a file that cannot go on: a duplicate, the person left Türkiye or died. */
export function closeCase(
  input: CaseChangeInput & { reason: (typeof CLOSE_REASONS)[number]; note?: string },
) {
  return changeCase('close', input, async () => ({
    to: 'closed',
    event: { reasonCode: `closed_${input.reason}` },
    audit: { note: input.note ?? null },
    mail: { key: 'closed' },
  }))
}
