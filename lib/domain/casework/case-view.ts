import type { ApplicationKind, ApplicationStatus } from '../application-status'
import type { CaseAction } from './case-actions'
import type { CaseCheck } from './case-checks'

/** What the case page shows: the data-access layer's answer, read within the caller's scope. */
export type CaseView = {
  id: string
  reference: string
  kind: ApplicationKind
  permitTypeCode: string
  purposeCode: string | null
  status: ApplicationStatus
  version: number
  directorateName: string | null
  submittedAt: Date | null
  assignedToName: string | null
  decisionDueOn: string | null
  documentsReceivedAt: Date | null
  feeTotalKurus: number | null
  /** The reference the person quotes when paying (issue 18). */
  accrualReference: string | null
  requestedMonths: number | null
  answers: Record<string, Record<string, unknown>>
  /** section.field → the value the portal filled in, where the applicant changed it. */
  changedFromPrefill: Record<string, unknown>
  documents: { id: string; item: string; contentType: string; sizeBytes: number }[]
  events: {
    id: number
    from: ApplicationStatus | null
    to: ApplicationStatus
    reasonCode: string | null
    details: Record<string, string>
    actorName: string | null
    at: Date
  }[]
  notes: { id: number; body: string; authorName: string | null; at: Date }[]
  requests: {
    items: string[]
    message: string
    dueAt: Date
    answeredAt: Date | null
    lapsedAt: Date | null
  }[]
  proposal: {
    kind: 'refuse' | 'approve'
    payload: Record<string, string>
    byName: string | null
    at: Date
  } | null
  permit: {
    documentNumber: string
    validFrom: string
    validUntil: string
    cardSerial: string | null
    trackingNumber: string | null
  } | null
  checks: CaseCheck[]
  actions: CaseAction[]
  assignees: { userId: string; name: string }[]
}
