import 'server-only'
import { and, eq, isNull, ne, sql } from 'drizzle-orm'
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core'
import { applicationEvents, applications, decisionProposals } from '@/db/schema'
import type { StaffActor } from '@/lib/domain/actor'
import { canTransition, type ApplicationStatus } from '@/lib/domain/application-status'
import {
  canDoCaseAction,
  caseActionPermission,
  type CaseAction,
} from '@/lib/domain/casework/case-actions'
import { isUuid } from '@/lib/domain/ids'
import { AccessDenied, requireStaff } from '../actor'
import { writeAudit } from '../audit'
import { Refused, StaleVersion } from '../errors'
import { openIdentityNumbers } from '../crypto/identity-numbers'
import { inDirectorateOf } from '../scope'
import { inTransaction, type Tx } from '../transaction'
import { mailCaseStep, type CaseMail } from './case-mail'

export type CaseRow = {
  id: string
  reference: string
  status: ApplicationStatus
  version: number
  kind: (typeof applications.$inferSelect)['kind']
  permitTypeCode: string
  purposeCode: string | null
  directorateId: string | null
  assignedToUserId: string | null
  documentsReceivedAt: Date | null
  feesPaidAt: Date | null
  feeTotalKurus: number | null
  basedOnPermitId: string | null
  applicantId: string | null
  formData: Record<string, unknown>
  submittedAt: Date | null
}

export type CaseChange = {
  to?: ApplicationStatus
  set?: PgUpdateSetSource<typeof applications>
  /** What the applicant's timeline may show about this step. */
  event?: { reasonCode?: string; details?: Record<string, string> }
  audit?: Record<string, unknown>
  /** A mail to the applicant, in their language: `mail:casework.<key>`. */
  mail?: CaseMail
}

export type CaseChangeInput = { applicationId: string; expectedVersion: number }

async function lockCase(tx: Tx, actor: StaffActor, id: string): Promise<CaseRow> {
  const [row] = await tx
    .select({
      id: applications.id,
      reference: applications.reference,
      status: applications.status,
      version: applications.version,
      kind: applications.kind,
      permitTypeCode: applications.permitTypeCode,
      purposeCode: applications.purposeCode,
      directorateId: applications.directorateId,
      assignedToUserId: applications.assignedToUserId,
      documentsReceivedAt: applications.documentsReceivedAt,
      feesPaidAt: applications.feesPaidAt,
      feeTotalKurus: applications.feeTotalKurus,
      basedOnPermitId: applications.basedOnPermitId,
      applicantId: applications.applicantId,
      formData: applications.formData,
      passportNumberSealed: applications.passportNumberSealed,
      foreignerIdSealed: applications.foreignerIdSealed,
      submittedAt: applications.submittedAt,
    })
    .from(applications)
    .where(and(eq(applications.id, id), inDirectorateOf(actor), ne(applications.status, 'draft')))
    .for('update')
  if (!row) throw new AccessDenied('not_found', { entityType: 'application', entityId: id })
  const { passportNumberSealed, foreignerIdSealed, ...rest } = row
  // Decisions read the answers as the applicant gave them (the permit takes the YKN).
  return {
    ...rest,
    formData: openIdentityNumbers(row.formData, { passportNumberSealed, foreignerIdSealed }),
  }
}

async function openProposalBy(tx: Tx, applicationId: string): Promise<string | null> {
  const [open] = await tx
    .select({ by: decisionProposals.proposedBy })
    .from(decisionProposals)
    .where(
      and(eq(decisionProposals.applicationId, applicationId), isNull(decisionProposals.resolvedAt)),
    )
  return open?.by ?? null
}

/**
 * The one way a case changes (ARCHITECTURE.md DAL-04). In one transaction: the case is locked
 * inside the caller's directorate scope (another directorate's is 404), the version the
 * person saw is compared (stale → 409), the action policy is asked again, then the change,
 * its event, its audit row and its mail commit together.
 */
export async function changeCase(
  action: CaseAction,
  input: CaseChangeInput,
  work: (tx: Tx, row: CaseRow, actor: StaffActor) => Promise<CaseChange>,
): Promise<{ version: number; status: ApplicationStatus }> {
  const actor = await requireStaff(caseActionPermission(action))
  if (!isUuid(input.applicationId)) throw new AccessDenied('not_found')
  return inTransaction(async (tx) => {
    const row = await lockCase(tx, actor, input.applicationId)
    if (row.version !== input.expectedVersion) throw new StaleVersion()
    const facts = {
      status: row.status,
      assignedToUserId: row.assignedToUserId,
      documentsReceived: row.documentsReceivedAt !== null,
      feesPaid: row.feesPaidAt !== null,
      openProposalBy: await openProposalBy(tx, row.id),
    }
    if (!canDoCaseAction(action, facts, actor))
      throw new Refused('not_allowed_now', { namespace: 'casework', status: 409 })
    const change = await work(tx, row, actor)
    const to = change.to ?? row.status
    if (to !== row.status && !canTransition(row.status, to, 'staff'))
      throw new Refused('not_allowed_now', { namespace: 'casework', status: 409 })
    const [updated] = await tx
      .update(applications)
      .set({
        ...change.set,
        status: to,
        version: sql`${applications.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(applications.id, row.id), eq(applications.version, row.version)))
      .returning({ version: applications.version })
    if (!updated) throw new StaleVersion()
    if (to !== row.status)
      await tx.insert(applicationEvents).values({
        applicationId: row.id,
        fromStatus: row.status,
        toStatus: to,
        actorUserId: actor.userId,
        reasonCode: change.event?.reasonCode ?? action,
        details: change.event?.details ?? {},
      })
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: `case.${action}`,
      entityType: 'application',
      entityId: row.id,
      details: { from: row.status, to, version: updated.version, ...change.audit },
    })
    if (change.mail) await mailCaseStep(tx, row.id, change.mail)
    return { version: updated.version, status: to }
  })
}
