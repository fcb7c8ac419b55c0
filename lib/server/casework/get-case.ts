import 'server-only'
import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { getDb } from '@/db'
import {
  applicationDocuments,
  applicationEvents,
  applications,
  caseNotes,
  decisionProposals,
  directorates,
  documentRequests,
  residencePermits,
  staffMembers,
  users,
} from '@/db/schema'
import { availableCaseActions } from '@/lib/domain/casework/case-actions'
import type { CaseView } from '@/lib/domain/casework/case-view'
import { isUuid } from '@/lib/domain/ids'
import { AccessDenied, requireStaff } from '../actor'
import { auditRead } from '../audit'
import { openIdentityNumbers } from '../crypto/identity-numbers'
import { inDirectorateOf } from '../scope'
import { caseChecks } from './case-checks'

export type { CaseView }

const actorStaff = alias(staffMembers, 'actor_staff')

function sectionsOf(formData: Record<string, unknown>) {
  const answers: Record<string, Record<string, unknown>> = {}
  for (const [key, value] of Object.entries(formData))
    if (key !== 'prefill' && value && typeof value === 'object')
      answers[key] = value as Record<string, unknown>
  return answers
}

function changesFromPrefill(formData: Record<string, unknown>) {
  const prefill = (formData.prefill ?? {}) as Record<string, Record<string, unknown>>
  const changed: Record<string, unknown> = {}
  for (const [section, fields] of Object.entries(prefill)) {
    const now = (formData[section] ?? {}) as Record<string, unknown>
    for (const [field, before] of Object.entries(fields ?? {}))
      if (JSON.stringify(now[field]) !== JSON.stringify(before))
        changed[`${section}.${field}`] = before
  }
  return changed
}

/**
 * Everything a caseworker needs about one case of their directorate; another directorate's
 * case, a draft or a malformed id is the same 404. Opening personal data is audited.
 */
export async function getCase(id: string): Promise<CaseView> {
  const actor = await requireStaff('cases.view')
  if (!isUuid(id)) throw new AccessDenied('not_found')
  const db = await getDb()
  const [app] = await db
    .select({
      app: applications,
      directorateName: directorates.name,
      assignedToName: staffMembers.displayName,
    })
    .from(applications)
    .leftJoin(directorates, eq(directorates.id, applications.directorateId))
    .leftJoin(staffMembers, eq(staffMembers.userId, applications.assignedToUserId))
    .where(and(eq(applications.id, id), inDirectorateOf(actor), ne(applications.status, 'draft')))
  if (!app) throw new AccessDenied('not_found', { entityType: 'application', entityId: id })
  // Staff with the case open see the numbers (the view is audited as case.viewed).
  const a = { ...app.app, formData: openIdentityNumbers(app.app.formData, app.app) }
  const [documents, events, notes, requests, proposals, permits, assignees] = await Promise.all([
    db
      .select({
        id: applicationDocuments.id,
        item: applicationDocuments.checklistItem,
        contentType: applicationDocuments.contentType,
        sizeBytes: applicationDocuments.sizeBytes,
      })
      .from(applicationDocuments)
      .where(eq(applicationDocuments.applicationId, a.id))
      .orderBy(asc(applicationDocuments.checklistItem), asc(applicationDocuments.createdAt)),
    db
      .select({
        id: applicationEvents.id,
        from: applicationEvents.fromStatus,
        to: applicationEvents.toStatus,
        reasonCode: applicationEvents.reasonCode,
        details: applicationEvents.details,
        actorName: actorStaff.displayName,
        at: applicationEvents.createdAt,
      })
      .from(applicationEvents)
      .leftJoin(actorStaff, eq(actorStaff.userId, applicationEvents.actorUserId))
      .where(eq(applicationEvents.applicationId, a.id))
      .orderBy(desc(applicationEvents.createdAt), desc(applicationEvents.id)),
    db
      .select({
        id: caseNotes.id,
        body: caseNotes.body,
        authorName: staffMembers.displayName,
        at: caseNotes.createdAt,
      })
      .from(caseNotes)
      .leftJoin(staffMembers, eq(staffMembers.userId, caseNotes.authorUserId))
      .where(eq(caseNotes.applicationId, a.id))
      .orderBy(desc(caseNotes.createdAt)),
    db
      .select({
        items: documentRequests.items,
        message: documentRequests.message,
        dueAt: documentRequests.dueAt,
        answeredAt: documentRequests.answeredAt,
        lapsedAt: documentRequests.lapsedAt,
      })
      .from(documentRequests)
      .where(eq(documentRequests.applicationId, a.id))
      .orderBy(desc(documentRequests.createdAt)),
    db
      .select({
        kind: decisionProposals.kind,
        payload: decisionProposals.payload,
        by: decisionProposals.proposedBy,
        byName: staffMembers.displayName,
        at: decisionProposals.proposedAt,
      })
      .from(decisionProposals)
      .leftJoin(staffMembers, eq(staffMembers.userId, decisionProposals.proposedBy))
      .where(and(eq(decisionProposals.applicationId, a.id), isNull(decisionProposals.resolvedAt))),
    db
      .select({
        documentNumber: residencePermits.documentNumber,
        validFrom: residencePermits.validFrom,
        validUntil: residencePermits.validUntil,
        cardSerial: residencePermits.cardSerial,
        trackingNumber: residencePermits.postTrackingNumber,
      })
      .from(residencePermits)
      .where(eq(residencePermits.applicationId, a.id)),
    a.directorateId
      ? db
          .select({ userId: staffMembers.userId, name: staffMembers.displayName })
          .from(staffMembers)
          .innerJoin(users, eq(users.id, staffMembers.userId))
          .where(
            and(
              eq(staffMembers.directorateId, a.directorateId),
              eq(staffMembers.active, true),
              inArray(staffMembers.role, ['caseworker', 'supervisor']),
            ),
          )
          .orderBy(asc(staffMembers.displayName))
      : Promise.resolve([]),
  ])
  await auditRead({
    actorUserId: actor.userId,
    action: 'case.viewed',
    entityType: 'application',
    entityId: a.id,
  })
  const proposal = proposals[0] ?? null
  const facts = {
    status: a.status,
    assignedToUserId: a.assignedToUserId,
    documentsReceived: a.documentsReceivedAt !== null,
    feesPaid: a.feesPaidAt !== null,
    openProposalBy: proposal?.by ?? null,
  }
  return {
    id: a.id,
    reference: a.reference,
    kind: a.kind,
    permitTypeCode: a.permitTypeCode,
    purposeCode: a.purposeCode,
    status: a.status,
    version: a.version,
    directorateName: app.directorateName,
    submittedAt: a.submittedAt,
    assignedToName: app.assignedToName,
    decisionDueOn: a.decisionDueOn,
    documentsReceivedAt: a.documentsReceivedAt,
    feeTotalKurus: a.feeTotalKurus,
    accrualReference: a.accrualReference,
    requestedMonths: a.requestedMonths,
    answers: sectionsOf(a.formData),
    changedFromPrefill: changesFromPrefill(a.formData),
    documents,
    events,
    notes,
    requests,
    proposal: proposal && {
      kind: proposal.kind,
      payload: proposal.payload,
      byName: proposal.byName,
      at: proposal.at,
    },
    permit: permits[0] ?? null,
    checks: await caseChecks(db, a),
    actions: availableCaseActions(facts, actor),
    assignees,
  }
}
