// Who may do what to a case, in one table read by the case page (which buttons to show) and
// by the data-access layer (which requests to refuse), so they never disagree (security.md AC-02).
import { canTransition, CASEWORK_STATUSES, type ApplicationStatus } from '../application-status'
import { isFeePayable } from '../fee-payments'
import { roleHasPermission, type StaffPermission, type StaffRole } from '../staff-roles'

export const CASE_ACTIONS = [
  'claim',
  'release',
  'assign',
  'add_note',
  'record_receipt',
  // A fee payment from the receipt the person shows at the counter (issue 18).
  'record_payment',
  'request_documents',
  'approve',
  'refuse',
  'confirm_proposal',
  'reject_proposal',
  'mark_not_processed',
  'close',
  'card_printing',
  'handed_to_post',
  'returned',
  'delivered',
] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

export type CaseFacts = {
  status: ApplicationStatus
  assignedToUserId: string | null
  documentsReceived: boolean
  feesPaid: boolean
  openProposalBy: string | null
}
export type CaseViewer = { userId: string; role: StaffRole }

const PERMISSION: Record<CaseAction, StaffPermission> = {
  claim: 'cases.decide',
  release: 'cases.decide',
  assign: 'cases.assign',
  add_note: 'cases.decide',
  record_receipt: 'cases.decide',
  // The counter officer who sees the person and the receipt, whoever holds the case.
  record_payment: 'appointments.check_in',
  request_documents: 'cases.decide',
  approve: 'cases.decide',
  refuse: 'cases.decide',
  confirm_proposal: 'cases.confirm',
  reject_proposal: 'cases.confirm',
  mark_not_processed: 'cases.decide',
  close: 'cases.decide',
  card_printing: 'cases.decide',
  handed_to_post: 'cases.decide',
  returned: 'cases.decide',
  delivered: 'cases.decide',
}

// The status an action moves the case to, where it moves it.
const TARGET: Partial<Record<CaseAction, ApplicationStatus>> = {
  request_documents: 'missing_documents',
  approve: 'approved',
  refuse: 'refused',
  mark_not_processed: 'not_processed',
  close: 'closed',
  card_printing: 'card_printing',
  handed_to_post: 'handed_to_post',
  returned: 'returned_to_directorate',
  delivered: 'delivered',
}

export function targetStatus(action: CaseAction): ApplicationStatus | undefined {
  return TARGET[action]
}

const isOpen = (status: ApplicationStatus) =>
  (CASEWORK_STATUSES as readonly ApplicationStatus[]).includes(status)

function stateAllows(action: CaseAction, c: CaseFacts, viewer: CaseViewer): boolean {
  const mine = c.assignedToUserId === viewer.userId
  const free = c.assignedToUserId === null || mine
  const proposalOpen = c.openProposalBy !== null
  switch (action) {
    case 'claim':
      return isOpen(c.status) && c.assignedToUserId === null
    case 'release':
      return isOpen(c.status) && mine
    case 'assign':
    case 'add_note':
      return isOpen(c.status)
    case 'record_receipt':
      return (
        !c.documentsReceived &&
        free &&
        ['awaiting_appointment', 'documents_submitted', 'under_review'].includes(c.status)
      )
    case 'record_payment':
      return isFeePayable(c.status, c.feesPaid)
    case 'request_documents':
      return free && !proposalOpen && c.status === 'under_review'
    case 'approve':
    case 'refuse':
      return free && !proposalOpen && c.documentsReceived && c.status === 'under_review'
    case 'confirm_proposal':
    case 'reject_proposal':
      // Four-eyes: never the person who proposed.
      return proposalOpen && c.openProposalBy !== viewer.userId && c.status === 'under_review'
    default: {
      const to = TARGET[action]
      return to !== undefined && free && !proposalOpen && canTransition(c.status, to, 'staff')
    }
  }
}

export function caseActionPermission(action: CaseAction): StaffPermission {
  return PERMISSION[action]
}

export function canDoCaseAction(action: CaseAction, c: CaseFacts, viewer: CaseViewer): boolean {
  return roleHasPermission(viewer.role, PERMISSION[action]) && stateAllows(action, c, viewer)
}

export function availableCaseActions(c: CaseFacts, viewer: CaseViewer): CaseAction[] {
  return CASE_ACTIONS.filter((action) => canDoCaseAction(action, c, viewer))
}
