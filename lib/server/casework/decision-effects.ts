import 'server-only'
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { residencePermits } from '@/db/schema'
import type { StaffActor } from '@/lib/domain/actor'
import { APPEAL_DAYS } from '@/lib/domain/casework/legal-bases'
import { isIsoDate } from '@/lib/domain/permits/dates'
import { newReferenceNumber } from '../applications/create-application'
import { sealPermitHolderId } from '../crypto/identity-numbers'
import type { Tx } from '../transaction'
import type { CaseChange, CaseRow } from './change-case'

// What a decision does once it is final — straight away, or when a supervisor confirms it
// under four-eyes. One place, so both paths do exactly the same.

export type ApprovalPayload = { validFrom: string; validUntil: string }
export type RefusalPayload = { legalBasis: string; reason: string }

function personal(row: CaseRow, field: string): string | null {
  const value = (row.formData.personal as Record<string, unknown> | undefined)?.[field]
  return typeof value === 'string' && value ? value : null
}

/** Approval creates the permit that later extensions and transitions start from. */
export async function approvalEffects(
  tx: Tx,
  row: CaseRow,
  actor: StaffActor,
  period: ApprovalPayload,
): Promise<CaseChange> {
  const permitId = randomUUID()
  const birthDate = personal(row, 'dateOfBirth')
  await tx.insert(residencePermits).values({
    id: permitId,
    holderId: row.applicantId,
    permitTypeCode: row.permitTypeCode,
    purposeCode: row.purposeCode,
    documentNumber: `IKM-${newReferenceNumber()}`,
    validFrom: period.validFrom,
    validUntil: period.validUntil,
    applicationId: row.id,
    ...sealPermitHolderId(personal(row, 'foreignerIdNumber')),
    holderBirthDate: birthDate && isIsoDate(birthDate) ? birthDate : null,
  })
  return {
    to: 'approved',
    set: { decidedAt: sql`now()`, assignedToUserId: row.assignedToUserId ?? actor.userId },
    event: { reasonCode: 'approved', details: { ...period } },
    audit: { permitId, ...period },
    mail: { key: 'approved', values: { ...period } },
  }
}

/** The applicant is told to contact the directorate, and of the 60 days to go to court. */
export function refusalEffects(
  row: CaseRow,
  actor: StaffActor,
  refusal: RefusalPayload,
): CaseChange {
  return {
    to: 'refused',
    set: { decidedAt: sql`now()`, assignedToUserId: row.assignedToUserId ?? actor.userId },
    // The legal basis is on the applicant's timeline; the written reason is handed over in
    // person with the refusal notice, so it stays in the audit trail.
    event: { reasonCode: 'refused', details: { legalBasis: refusal.legalBasis } },
    audit: { legalBasis: refusal.legalBasis, reason: refusal.reason },
    mail: { key: 'refused', values: { appealDays: String(APPEAL_DAYS) } },
  }
}
