import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { documentRequests } from '@/db/schema'
import { endApplicationBookings } from '../appointments/end-bookings'
import { Refused } from '../errors'
import { changeMyApplication } from './change-my-application'
import { unsafeFilesSince, unsafeFindOpenRequest } from './document-request'

/**
 * The applicant sends what was asked for: every requested item needs a file uploaded since
 * the request. The case goes back to the directorate's queue, under review.
 */
export function answerDocumentRequest(applicationId: string): Promise<void> {
  return changeMyApplication(
    applicationId,
    { to: 'under_review', action: 'documents_answered', mail: { key: 'documentsAnswered' } },
    async (tx, row) => {
      const request = await unsafeFindOpenRequest(tx, row.id)
      if (!request)
        throw new Refused('not_possible_now', { namespace: 'applications', status: 409 })
      const files = await unsafeFilesSince(tx, row.id, request.createdAt)
      const missing = request.items.filter((item) => !files[item])
      if (missing.length > 0)
        throw new Refused('request_items_missing', {
          namespace: 'applications',
          values: { count: String(missing.length) },
        })
      await tx
        .update(documentRequests)
        .set({ answeredAt: sql`now()` })
        .where(eq(documentRequests.id, request.id))
    },
  )
}

/** The applicant withdraws an application not yet decided. */
export function withdrawMyApplication(applicationId: string): Promise<void> {
  return changeMyApplication(
    applicationId,
    { to: 'withdrawn', action: 'withdrawn', mail: { key: 'withdrawn' } },
    (tx, row, actorUserId) => endApplicationBookings(tx, row.id, actorUserId),
  )
}
