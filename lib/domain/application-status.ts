export const APPLICATION_KINDS = ['first', 'extension', 'transition'] as const
export type ApplicationKind = (typeof APPLICATION_KINDS)[number]

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'awaiting_appointment',
  'documents_submitted',
  'under_review',
  'missing_documents',
  'approved',
  'card_printing',
  'handed_to_post',
  'delivered',
  'returned_to_directorate',
  'refused',
  // Missed appointment, documents never sent, or a missing-documents request left unanswered.
  'not_processed',
  'withdrawn',
  'closed',
] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

export type TransitionActor = 'applicant' | 'staff' | 'system'
type Transition = { from: ApplicationStatus; to: ApplicationStatus; by: readonly TransitionActor[] }

const BEFORE_DECISION = [
  'draft',
  'submitted',
  'awaiting_appointment',
  'documents_submitted',
  'under_review',
  'missing_documents',
] as const satisfies readonly ApplicationStatus[]

// Staff close a file that cannot go on (a duplicate, the person left Türkiye or died).
const CLOSABLE = BEFORE_DECISION.filter((status) => status !== 'draft')

const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'submitted', by: ['applicant'] },
  { from: 'submitted', to: 'awaiting_appointment', by: ['system'] },
  { from: 'submitted', to: 'documents_submitted', by: ['system'] },
  // Attended the appointment, or the posted documents arrived: the file is complete.
  { from: 'awaiting_appointment', to: 'under_review', by: ['staff'] },
  { from: 'documents_submitted', to: 'under_review', by: ['staff'] },
  // A missed appointment or documents never sent: the file is not processed (domain.md §4).
  { from: 'awaiting_appointment', to: 'not_processed', by: ['staff', 'system'] },
  { from: 'documents_submitted', to: 'not_processed', by: ['staff'] },
  { from: 'under_review', to: 'missing_documents', by: ['staff'] },
  { from: 'missing_documents', to: 'under_review', by: ['applicant', 'staff'] },
  // Missing documents not delivered within 30 days: the file is dropped.
  { from: 'missing_documents', to: 'not_processed', by: ['system', 'staff'] },
  { from: 'under_review', to: 'approved', by: ['staff'] },
  { from: 'under_review', to: 'refused', by: ['staff'] },
  { from: 'approved', to: 'card_printing', by: ['staff', 'system'] },
  { from: 'card_printing', to: 'handed_to_post', by: ['staff'] },
  { from: 'handed_to_post', to: 'delivered', by: ['system', 'staff'] },
  // PTT holds a card 10 days, then sends it back to the directorate.
  { from: 'handed_to_post', to: 'returned_to_directorate', by: ['system', 'staff'] },
  { from: 'returned_to_directorate', to: 'handed_to_post', by: ['staff'] },
  // Collected in person at the directorate.
  { from: 'returned_to_directorate', to: 'delivered', by: ['staff'] },
  ...BEFORE_DECISION.map((from) => ({
    from,
    to: 'withdrawn' as const,
    by: ['applicant'] as const,
  })),
  ...CLOSABLE.map((from) => ({ from, to: 'closed' as const, by: ['staff'] as const })),
]

export function canTransition(
  from: ApplicationStatus,
  to: ApplicationStatus,
  by: TransitionActor,
): boolean {
  return TRANSITIONS.some((t) => t.from === from && t.to === to && t.by.includes(by))
}

export function nextStatuses(from: ApplicationStatus, by: TransitionActor): ApplicationStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && t.by.includes(by)).map((t) => t.to)
}

/**
 * Where a submitted application goes next. First applications and transitions always book a
 * visit (domain.md §4). An extension follows its directorate's route (extensionStep in
 * lib/domain/permits/extension-route.ts): documents by post, or a visit like the others.
 */
export function statusAfterSubmission(
  kind: ApplicationKind,
  extensionStep: 'appointment' | 'post' = 'appointment',
): ApplicationStatus {
  return kind === 'extension' && extensionStep === 'post'
    ? 'documents_submitted'
    : 'awaiting_appointment'
}

/**
 * A missed appointment: the application is not processed (domain.md §4, "Missing the
 * appointment: the application is not processed", [S] gocislemleri.com FAQ,
 * turkiyeburslari.gov.tr; features.md [T4] YİMER FAQ). Only an application still waiting for
 * its appointment ends this way; one that moved on meanwhile keeps its status (null).
 */
export function statusAfterNoShow(current: ApplicationStatus): ApplicationStatus | null {
  return current === 'awaiting_appointment' && canTransition(current, 'not_processed', 'staff')
    ? 'not_processed'
    : null
}

export type BallHolder = 'applicant' | 'directorate' | 'post' | 'nobody'

/** Who must act next, so the timeline can say so in plain words. */
export function whoActsNext(status: ApplicationStatus): BallHolder {
  switch (status) {
    case 'draft':
    case 'awaiting_appointment':
    case 'missing_documents':
      return 'applicant'
    case 'submitted':
    case 'documents_submitted':
    case 'under_review':
    case 'approved':
    case 'card_printing':
    case 'returned_to_directorate':
      return 'directorate'
    case 'handed_to_post':
      return 'post'
    case 'delivered':
    case 'refused':
    case 'not_processed':
    case 'withdrawn':
    case 'closed':
      return 'nobody'
  }
}

export function isFinalStatus(status: ApplicationStatus): boolean {
  return whoActsNext(status) === 'nobody'
}

/** Not yet decided: the applicant may still withdraw, and the decision clock may be running. */
export function isBeforeDecision(status: ApplicationStatus): boolean {
  return (BEFORE_DECISION as readonly ApplicationStatus[]).includes(status)
}

/** Statuses a directorate works on; drafts and finished files stay out of the queue. */
export const CASEWORK_STATUSES = [
  'awaiting_appointment',
  'documents_submitted',
  'under_review',
  'missing_documents',
  'approved',
  'card_printing',
  'handed_to_post',
  'returned_to_directorate',
] as const satisfies readonly ApplicationStatus[]
