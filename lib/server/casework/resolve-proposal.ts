import 'server-only'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { decisionProposals } from '@/db/schema'
import { Refused } from '../errors'
import { changeCase, type CaseChangeInput } from './change-case'
import { approvalEffects, refusalEffects } from './decision-effects'
import { checkPeriodForCase } from './approve-case'

/**
 * Four-eyes: a supervisor other than the proposer confirms the proposed decision (it takes
 * effect as if they made it, with both names in the audit) or sends it back.
 */
export function resolveProposal(input: CaseChangeInput & { outcome: 'confirm' | 'reject' }) {
  const action = input.outcome === 'confirm' ? 'confirm_proposal' : 'reject_proposal'
  return changeCase(action, input, async (tx, row, actor) => {
    const [proposal] = await tx
      .update(decisionProposals)
      .set({
        resolvedBy: actor.userId,
        resolvedAt: sql`now()`,
        outcome: input.outcome === 'confirm' ? 'confirmed' : 'rejected',
      })
      .where(and(eq(decisionProposals.applicationId, row.id), isNull(decisionProposals.resolvedAt)))
      .returning()
    if (!proposal) throw new Refused('not_allowed_now', { namespace: 'casework', status: 409 })
    const audit = { proposal: proposal.id, proposedBy: proposal.proposedBy, kind: proposal.kind }
    if (input.outcome === 'reject') return { audit }
    const payload = proposal.payload
    if (proposal.kind === 'refuse') {
      const effects = refusalEffects(row, actor, {
        legalBasis: payload.legalBasis ?? '',
        reason: payload.reason ?? '',
      })
      return { ...effects, audit: { ...effects.audit, ...audit } }
    }
    const period = { validFrom: payload.validFrom ?? '', validUntil: payload.validUntil ?? '' }
    // Dates may have moved past what the rules allow since the proposal.
    const check = await checkPeriodForCase(tx, row, period)
    if (!check.ok) throw new Refused(check.reason, { namespace: 'casework' })
    const effects = await approvalEffects(tx, row, actor, period)
    return { ...effects, audit: { ...effects.audit, ...audit } }
  })
}
