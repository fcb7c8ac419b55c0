import 'server-only'
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { documentRequests } from '@/db/schema'
import { DOCUMENT_REQUEST_DAYS } from '@/lib/domain/casework/deadlines'
import { addDays } from '@/lib/domain/permits/dates'
import { DOCUMENT_CODES } from '@/lib/domain/permits/documents'
import { todayInIstanbul } from '../clock'
import { Refused } from '../errors'
import { changeCase, type CaseChangeInput } from './change-case'

/**
 * Asks the applicant for missing documents: checklist items and a message in plain words, due
 * in 30 days (domain.md §4). The applicant is told in their language; past the deadline a job
 * marks the file not processed.
 */
export function requestDocuments(input: CaseChangeInput & { items: string[]; message?: string }) {
  const items = [...new Set(input.items)]
  if (items.some((item) => !(DOCUMENT_CODES as readonly string[]).includes(item)))
    throw new Refused('unknown_item', { namespace: 'casework' })
  return changeCase('request_documents', input, async (tx, row, actor) => {
    const dueOn = addDays(todayInIstanbul(), DOCUMENT_REQUEST_DAYS)
    await tx.insert(documentRequests).values({
      id: randomUUID(),
      applicationId: row.id,
      items,
      message: input.message ?? '',
      // The end of the due day in Türkiye.
      dueAt: sql`((${dueOn}::date + 1) at time zone 'Europe/Istanbul')`,
      requestedBy: actor.userId,
    })
    return {
      to: 'missing_documents',
      set: { assignedToUserId: row.assignedToUserId ?? actor.userId },
      event: { reasonCode: 'documents_requested', details: { dueOn } },
      audit: { items, dueOn },
      mail: { key: 'documentsRequested', values: { dueOn } },
    }
  })
}
