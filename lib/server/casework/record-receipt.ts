import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { applications, directorates } from '@/db/schema'
import { decisionDueOn } from '@/lib/domain/casework/deadlines'
import { isPermitTypeCode } from '@/lib/domain/permits/permit-types'
import { todayInIstanbul } from '../clock'
import { changeCase, type CaseChangeInput } from './change-case'

/**
 * The counter officer records the fees paid and the documents received (at the appointment,
 * or when an extension's posted documents arrive). The file is complete: the decision clock
 * of art. 21(5) starts today and its last day is stored.
 */
export function recordReceipt(input: CaseChangeInput) {
  return changeCase('record_receipt', input, async (tx, row, actor) => {
    const [directorate] = row.directorateId
      ? await tx
          .select({ longTermDays: directorates.longTermDecisionDays })
          .from(directorates)
          .where(eq(directorates.id, row.directorateId))
      : []
    const permitType = isPermitTypeCode(row.permitTypeCode) ? row.permitTypeCode : 'short_term'
    const dueOn = decisionDueOn(todayInIstanbul(), permitType, directorate?.longTermDays ?? 90)
    return {
      to: row.status === 'under_review' ? undefined : 'under_review',
      set: {
        // A payment recorded earlier keeps its own time.
        feesPaidAt: sql`coalesce(${applications.feesPaidAt}, now())`,
        documentsReceivedAt: sql`now()`,
        decisionDueOn: dueOn,
        assignedToUserId: row.assignedToUserId ?? actor.userId,
      },
      event: { reasonCode: 'documents_received', details: { decisionDueOn: dueOn } },
      audit: { decisionDueOn: dueOn },
      mail: row.status === 'under_review' ? undefined : { key: 'underReview', values: { dueOn } },
    }
  })
}
