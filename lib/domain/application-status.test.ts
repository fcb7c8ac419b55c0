import { describe, expect, it } from 'vitest'
import {
  APPLICATION_STATUSES,
  canTransition,
  isFinalStatus,
  nextStatuses,
  statusAfterNoShow,
  statusAfterSubmission,
  whoActsNext,
  type ApplicationStatus,
  type TransitionActor,
} from './application-status'

const ACTORS: TransitionActor[] = ['applicant', 'staff', 'system']

describe('application status machine', () => {
  it('sends extensions to document review and the others to an appointment', () => {
    // domain.md §4: an extension goes where its directorate's route says; the others visit.
    expect(statusAfterSubmission('extension', 'post')).toBe('documents_submitted')
    expect(statusAfterSubmission('extension', 'appointment')).toBe('awaiting_appointment')
    expect(statusAfterSubmission('extension')).toBe('awaiting_appointment')
    expect(statusAfterSubmission('first')).toBe('awaiting_appointment')
    expect(statusAfterSubmission('first', 'post')).toBe('awaiting_appointment')
    expect(statusAfterSubmission('transition', 'post')).toBe('awaiting_appointment')
  })

  // domain.md §4: "Missing the appointment: the application is not processed".
  it('ends an application whose appointment was missed as not processed', () => {
    expect(statusAfterNoShow('awaiting_appointment')).toBe('not_processed')
    for (const from of APPLICATION_STATUSES.filter((s) => s !== 'awaiting_appointment'))
      expect(statusAfterNoShow(from)).toBeNull()
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

  // The whole table, written out once more by hand: each allowed move, and every other
  // (from, to, actor) combination refused.
  const ALLOWED: [ApplicationStatus, ApplicationStatus, TransitionActor][] = [
    ['draft', 'submitted', 'applicant'],
    ['submitted', 'awaiting_appointment', 'system'],
    ['submitted', 'documents_submitted', 'system'],
    ['awaiting_appointment', 'under_review', 'staff'],
    ['documents_submitted', 'under_review', 'staff'],
    ['awaiting_appointment', 'not_processed', 'staff'],
    ['awaiting_appointment', 'not_processed', 'system'],
    ['documents_submitted', 'not_processed', 'staff'],
    ['under_review', 'missing_documents', 'staff'],
    ['missing_documents', 'under_review', 'applicant'],
    ['missing_documents', 'under_review', 'staff'],
    ['missing_documents', 'not_processed', 'system'],
    ['missing_documents', 'not_processed', 'staff'],
    ['under_review', 'approved', 'staff'],
    ['under_review', 'refused', 'staff'],
    ['approved', 'card_printing', 'staff'],
    ['approved', 'card_printing', 'system'],
    ['card_printing', 'handed_to_post', 'staff'],
    ['handed_to_post', 'delivered', 'staff'],
    ['handed_to_post', 'delivered', 'system'],
    ['handed_to_post', 'returned_to_directorate', 'staff'],
    ['handed_to_post', 'returned_to_directorate', 'system'],
    ['returned_to_directorate', 'handed_to_post', 'staff'],
    ['returned_to_directorate', 'delivered', 'staff'],
    ...(
      [
        'draft',
        'submitted',
        'awaiting_appointment',
        'documents_submitted',
        'under_review',
        'missing_documents',
      ] as const
    ).map((from): [ApplicationStatus, ApplicationStatus, TransitionActor] => [
      from,
      'withdrawn',
      'applicant',
    ]),
    ...(
      [
        'submitted',
        'awaiting_appointment',
        'documents_submitted',
        'under_review',
        'missing_documents',
      ] as const
    ).map((from): [ApplicationStatus, ApplicationStatus, TransitionActor] => [
      from,
      'closed',
      'staff',
    ]),
  ]
  const allowedKey = new Set(ALLOWED.map((t) => t.join(' ')))

  for (const [from, to, by] of ALLOWED) {
    it(`allows ${from} → ${to} by ${by}`, () => expect(canTransition(from, to, by)).toBe(true))
  }

  it('refuses every other move, for every actor', () => {
    const wronglyAllowed: string[] = []
    for (const from of APPLICATION_STATUSES)
      for (const to of APPLICATION_STATUSES)
        for (const by of ACTORS) {
          const key = `${from} ${to} ${by}`
          if (!allowedKey.has(key) && canTransition(from, to, by)) wronglyAllowed.push(key)
        }
    expect(wronglyAllowed).toEqual([])
  })

  it('reaches every status from a draft', () => {
    const reached = new Set<ApplicationStatus>(['draft'])
    for (let grew = true; grew;) {
      grew = false
      for (const [from, to] of ALLOWED)
        if (reached.has(from) && !reached.has(to)) grew = Boolean(reached.add(to))
    }
    expect([...reached].sort()).toEqual([...APPLICATION_STATUSES].sort())
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
