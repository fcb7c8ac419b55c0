import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { decisionProposals, directorates, residencePermits } from '@/db/schema'
import { checkGrantPeriod } from '@/lib/domain/casework/grant-period'
import { isIsoDate } from '@/lib/domain/permits/dates'
import {
  isPermitTypeCode,
  isShortTermPurposeCode,
  type PermitTypeCode,
} from '@/lib/domain/permits/permit-types'
import { sponsorPermitLimit } from '@/lib/schemas/application/sponsor'
import { loadPermitCatalogue } from '../applications/permit-catalogue'
import { todayInIstanbul } from '../clock'
import { Refused } from '../errors'
import type { Tx } from '../transaction'
import { changeCase, type CaseChangeInput, type CaseRow } from './change-case'
import { approvalEffects, type ApprovalPayload } from './decision-effects'

async function previousPermitEnd(tx: Tx, row: CaseRow): Promise<string | null> {
  if (!row.basedOnPermitId) return null
  const [permit] = await tx
    .select({ validUntil: residencePermits.validUntil })
    .from(residencePermits)
    .where(eq(residencePermits.id, row.basedOnPermitId))
  return permit?.validUntil ?? null
}

/** Earlier grants of the same type to this person: trafficking victims have a total cap. */
async function previousGrants(tx: Tx, row: CaseRow) {
  if (!row.applicantId) return []
  return tx
    .select({ from: residencePermits.validFrom, until: residencePermits.validUntil })
    .from(residencePermits)
    .where(
      and(
        eq(residencePermits.holderId, row.applicantId),
        eq(residencePermits.permitTypeCode, row.permitTypeCode),
      ),
    )
}

function passportExpiry(row: CaseRow): string | null {
  const value = (row.formData.passport as Record<string, unknown> | undefined)?.passportValidUntil
  return typeof value === 'string' && isIsoDate(value) ? value : null
}

/** Checks a validity period against the law for this case (art. 21, 24, 31–46). */
export async function checkPeriodForCase(tx: Tx, row: CaseRow, period: ApprovalPayload) {
  const permitType: PermitTypeCode = isPermitTypeCode(row.permitTypeCode)
    ? row.permitTypeCode
    : 'short_term'
  const today = todayInIstanbul()
  return checkGrantPeriod({
    catalogue: await loadPermitCatalogue(tx),
    permitType,
    purpose: row.purposeCode && isShortTermPurposeCode(row.purposeCode) ? row.purposeCode : null,
    kind: row.kind,
    ...period,
    today,
    submittedOn: row.submittedAt ? todayInIstanbul(row.submittedAt) : today,
    previousPermitEnd: await previousPermitEnd(tx, row),
    sponsorPermitEnd: sponsorPermitLimit(row.formData),
    passportExpiry: passportExpiry(row),
    previousGrants: await previousGrants(tx, row),
  })
}

/**
 * Approves with validity dates the rules allow. Where the directorate asks four-eyes for
 * long-term approvals, this only proposes; a supervisor confirms.
 */
export function approveCase(input: CaseChangeInput & ApprovalPayload) {
  const period = { validFrom: input.validFrom, validUntil: input.validUntil }
  return changeCase('approve', input, async (tx, row, actor) => {
    const check = await checkPeriodForCase(tx, row, period)
    if (!check.ok) {
      const { reason, ...values } = check
      throw new Refused(reason, {
        namespace: 'casework',
        values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])),
      })
    }
    const [directorate] = row.directorateId
      ? await tx
          .select({ fourEyesLongTerm: directorates.fourEyesLongTerm })
          .from(directorates)
          .where(eq(directorates.id, row.directorateId))
      : []
    if (row.permitTypeCode === 'long_term' && directorate?.fourEyesLongTerm) {
      await tx.insert(decisionProposals).values({
        id: randomUUID(),
        applicationId: row.id,
        kind: 'approve',
        payload: period,
        proposedBy: actor.userId,
        applicationVersion: row.version,
      })
      return { audit: { proposed: 'approve', ...period } }
    }
    return approvalEffects(tx, row, actor, period)
  })
}
