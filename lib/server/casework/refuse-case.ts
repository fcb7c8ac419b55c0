import 'server-only'
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { decisionProposals, directorates } from '@/db/schema'
import { isLegalBasisFor } from '@/lib/domain/casework/legal-bases'
import { isPermitTypeCode } from '@/lib/domain/permits/permit-types'
import { Refused } from '../errors'
import { changeCase, type CaseChangeInput } from './change-case'
import { refusalEffects, type RefusalPayload } from './decision-effects'

/**
 * Refuses on a legal basis from the list for this permit type, with a written reason. Where
 * the directorate asks four-eyes for refusals (the default), this only proposes.
 */
export function refuseCase(input: CaseChangeInput & RefusalPayload) {
  const refusal = { legalBasis: input.legalBasis, reason: input.reason }
  return changeCase('refuse', input, async (tx, row, actor) => {
    if (
      !isPermitTypeCode(row.permitTypeCode) ||
      !isLegalBasisFor(row.permitTypeCode, refusal.legalBasis)
    )
      throw new Refused('legal_basis_not_for_type', { namespace: 'casework' })
    const [directorate] = row.directorateId
      ? await tx
          .select({ fourEyes: directorates.fourEyesRefusals })
          .from(directorates)
          .where(eq(directorates.id, row.directorateId))
      : []
    if (directorate?.fourEyes ?? true) {
      await tx.insert(decisionProposals).values({
        id: randomUUID(),
        applicationId: row.id,
        kind: 'refuse',
        payload: refusal,
        proposedBy: actor.userId,
        applicationVersion: row.version,
      })
      return { audit: { proposed: 'refuse', legalBasis: refusal.legalBasis } }
    }
    return refusalEffects(row, actor, refusal)
  })
}
