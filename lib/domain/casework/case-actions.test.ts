import { describe, expect, it } from 'vitest'
import { APPLICATION_STATUSES } from '../application-status'
import { STAFF_ROLES } from '../staff-roles'
import { availableCaseActions, canDoCaseAction, CASE_ACTIONS, type CaseFacts } from './case-actions'

const worker = { userId: 'w', role: 'caseworker' as const }
const supervisor = { userId: 's', role: 'supervisor' as const }
const review: CaseFacts = {
  status: 'under_review',
  assignedToUserId: null,
  documentsReceived: true,
  feesPaid: true,
  openProposalBy: null,
}

describe('case actions', () => {
  it('lets a caseworker decide a complete file under review', () => {
    expect(availableCaseActions(review, worker)).toEqual(
      expect.arrayContaining(['claim', 'approve', 'refuse', 'request_documents', 'close']),
    )
    expect(canDoCaseAction('assign', review, worker)).toBe(false)
  })

  it('waits for the documents before a decision', () => {
    const incomplete = { ...review, documentsReceived: false }
    expect(canDoCaseAction('approve', incomplete, worker)).toBe(false)
    expect(canDoCaseAction('record_receipt', incomplete, worker)).toBe(true)
  })

  it('keeps a case held by someone else out of reach, except for the supervisor', () => {
    const held = { ...review, assignedToUserId: 'other' }
    expect(canDoCaseAction('approve', held, worker)).toBe(false)
    expect(canDoCaseAction('claim', held, worker)).toBe(false)
    expect(canDoCaseAction('assign', held, supervisor)).toBe(true)
  })

  it('needs a second person to confirm a proposal', () => {
    const proposed = { ...review, openProposalBy: 's' }
    expect(canDoCaseAction('confirm_proposal', proposed, supervisor)).toBe(false)
    expect(
      canDoCaseAction('confirm_proposal', proposed, { userId: 's2', role: 'supervisor' }),
    ).toBe(true)
    expect(canDoCaseAction('confirm_proposal', proposed, worker)).toBe(false)
    expect(canDoCaseAction('approve', proposed, worker)).toBe(false)
  })

  it('follows the card from printing to delivery', () => {
    const at = (status: CaseFacts['status']) => availableCaseActions({ ...review, status }, worker)
    expect(at('approved')).toContain('card_printing')
    expect(at('card_printing')).toContain('handed_to_post')
    expect(at('handed_to_post')).toEqual(expect.arrayContaining(['delivered', 'returned']))
    expect(at('returned_to_directorate')).toEqual(
      expect.arrayContaining(['delivered', 'handed_to_post']),
    )
  })

  it('offers nothing on a finished file and nothing to roles without case permissions', () => {
    for (const status of ['refused', 'withdrawn', 'closed', 'delivered', 'not_processed'] as const)
      expect(availableCaseActions({ ...review, status }, supervisor)).toEqual([])
    for (const role of STAFF_ROLES.filter((r) => !['caseworker', 'supervisor'].includes(r)))
      for (const status of APPLICATION_STATUSES)
        expect(availableCaseActions({ ...review, status }, { userId: 'x', role })).toEqual([])
    expect(CASE_ACTIONS.length).toBeGreaterThan(10)
  })

  it('lets the counter record a fee payment once, before the decision, whoever holds the case', () => {
    const unpaid = { ...review, status: 'awaiting_appointment' as const, feesPaid: false }
    const held = { ...unpaid, assignedToUserId: 'other' }
    expect(canDoCaseAction('record_payment', unpaid, worker)).toBe(true)
    expect(canDoCaseAction('record_payment', held, worker)).toBe(true)
    expect(canDoCaseAction('record_payment', { ...unpaid, feesPaid: true }, worker)).toBe(false)
    expect(canDoCaseAction('record_payment', { ...unpaid, status: 'approved' }, worker)).toBe(false)
    const admin = { userId: 'a', role: 'directorate_admin' as const }
    const agent = { userId: 'c', role: 'call_centre_agent' as const }
    expect(canDoCaseAction('record_payment', unpaid, admin)).toBe(false)
    expect(canDoCaseAction('record_payment', unpaid, agent)).toBe(false)
  })
})
