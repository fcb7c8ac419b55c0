import { describe, expect, it } from 'vitest'
import {
  APPLICATION_STATUSES,
  canTransition,
  isFinalStatus,
  nextStatuses,
  statusAfterSubmission,
  whoActsNext,
  type TransitionActor,
} from './application-status'

const ACTORS: TransitionActor[] = ['applicant', 'staff', 'system']

describe('application status machine', () => {
  it('sends extensions to document review and the others to an appointment', () => {
    expect(statusAfterSubmission('extension')).toBe('documents_submitted')
    expect(statusAfterSubmission('first')).toBe('awaiting_appointment')
    expect(statusAfterSubmission('transition')).toBe('awaiting_appointment')
  })

  it('lets only staff decide, and only from review', () => {
    for (const from of APPLICATION_STATUSES) {
      for (const by of ACTORS) {
        const allowed = canTransition(from, 'approved', by)
        expect(allowed).toBe(from === 'under_review' && by === 'staff')
        expect(canTransition(from, 'refused', by)).toBe(from === 'under_review' && by === 'staff')
      }
    }
  })

  it('refuses skipped steps', () => {
    expect(canTransition('draft', 'approved', 'staff')).toBe(false)
    expect(canTransition('draft', 'under_review', 'staff')).toBe(false)
    expect(canTransition('awaiting_appointment', 'approved', 'staff')).toBe(false)
  })

  it('allows withdrawal by the applicant only before a decision', () => {
    for (const from of APPLICATION_STATUSES) {
      const before = [
        'draft',
        'submitted',
        'awaiting_appointment',
        'documents_submitted',
        'under_review',
        'missing_documents',
      ]
      expect(canTransition(from, 'withdrawn', 'applicant')).toBe(before.includes(from))
      expect(canTransition(from, 'withdrawn', 'staff')).toBe(false)
    }
  })

  it('has no way out of a final status', () => {
    for (const from of APPLICATION_STATUSES.filter(isFinalStatus)) {
      for (const by of ACTORS) expect(nextStatuses(from, by)).toEqual([])
    }
  })

  it('names who acts next for every status', () => {
    for (const s of APPLICATION_STATUSES)
      expect(['applicant', 'directorate', 'post', 'nobody']).toContain(whoActsNext(s))
    expect(whoActsNext('missing_documents')).toBe('applicant')
    expect(whoActsNext('handed_to_post')).toBe('post')
  })
})
