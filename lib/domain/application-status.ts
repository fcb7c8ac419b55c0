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

const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'submitted', by: ['applicant'] },
  { from: 'submitted', to: 'awaiting_appointment', by: ['system'] },
  { from: 'submitted', to: 'documents_submitted', by: ['system'] },
  { from: 'awaiting_appointment', to: 'under_review', by: ['staff'] },
  // A missed appointment means the file is not processed.
  { from: 'awaiting_appointment', to: 'closed', by: ['staff', 'system'] },
  { from: 'documents_submitted', to: 'under_review', by: ['staff'] },
  { from: 'under_review', to: 'missing_documents', by: ['staff'] },
  { from: 'missing_documents', to: 'under_review', by: ['applicant', 'staff'] },
  // Missing documents not delivered within 30 days close the file.
  { from: 'missing_documents', to: 'closed', by: ['system', 'staff'] },
  { from: 'under_review', to: 'approved', by: ['staff'] },
  { from: 'under_review', to: 'refused', by: ['staff'] },
  { from: 'approved', to: 'card_printing', by: ['staff', 'system'] },
  { from: 'card_printing', to: 'handed_to_post', by: ['staff', 'system'] },
  { from: 'handed_to_post', to: 'delivered', by: ['system', 'staff'] },
  // PTT holds a card 10 days, then sends it back to the directorate.
  { from: 'handed_to_post', to: 'returned_to_directorate', by: ['system', 'staff'] },
  { from: 'returned_to_directorate', to: 'handed_to_post', by: ['staff'] },
  { from: 'returned_to_directorate', to: 'delivered', by: ['staff'] },
  ...BEFORE_DECISION.map((from) => ({
    from,
    to: 'withdrawn' as const,
    by: ['applicant'] as const,
  })),
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

/** Where a submitted application goes next: extensions send documents, the others book a visit. */
export function statusAfterSubmission(kind: ApplicationKind): ApplicationStatus {
  return kind === 'extension' ? 'documents_submitted' : 'awaiting_appointment'
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
    case 'withdrawn':
    case 'closed':
      return 'nobody'
  }
}

export function isFinalStatus(status: ApplicationStatus): boolean {
  return whoActsNext(status) === 'nobody'
}
