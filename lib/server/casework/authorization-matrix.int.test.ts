import '../testing/request-scope-mocks'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import {
  applications,
  auditEvents,
  caseNotes,
  counters,
  documentRequests,
  offices,
  openingHours,
  sessions,
  staffMembers,
  users,
} from '@/db/schema'
import { AccessDenied } from '../actor'
import { callerLookupSchema } from '@/lib/schemas/call-centre/caller-lookup'
import { statusLookupSchema } from '@/lib/schemas/status-lookup'
import { lookUpApplicationStatus } from '../applications/look-up-status'
import { lookUpCaller } from '../call-centre/look-up-caller'
import { COMPLETE_ANSWERS, inDays, testEmail } from '../testing/application-fixtures'
import { actAs } from '../testing/as-user'
import { createCounterOffice } from '../testing/counter-fixtures'
import { caseVersion, createCase } from '../testing/case-fixtures'
import { createTestStaff, openSession } from '../testing/staff-fixtures'
import { changeOffice, createOffice } from '../staff/change-office'
import { changeStaffRole, setStaffActive } from '../staff/change-staff-member'
import { createStaffMember } from '../staff/create-staff-member'
import { addCounter, setCounterActive } from '../staff/office-counters'
import { getOfficeSetup, listOwnOffices } from '../staff/office-setup'
import { setOpeningHours } from '../staff/opening-hours'
import { getStaffAccount, getStaffAdminView, listStaffAccounts } from '../staff/staff-accounts'
import { addCaseNote } from './add-case-note'
import { approveCase } from './approve-case'
import { assignCase, claimCase, releaseCase } from './assign-case'
import {
  recordCardPrinting,
  recordDelivered,
  recordHandedToPost,
  recordReturned,
} from './card-steps'
import { closeCase, markNotProcessed } from './close-case'
import { findCasesForQueue } from './find-cases-for-queue'
import { getCase } from './get-case'
import { readCaseDocument } from './read-case-document'
import { recordReceipt } from './record-receipt'
import { refuseCase } from './refuse-case'
import { requestDocuments } from './request-documents'
import { resolveProposal } from './resolve-proposal'

// Every casework operation × every kind of caller who must not use it on an İstanbul case:
// the answer is 403 (a role without the permission) or 404 (anything else), with no data and
// the database unchanged (security.md AC-01, AC-06). The third axis (issue 13): the same case
// restricted (humanitarian, trafficking victim), where only the staff named on it and national
// admins get anything, and the lookups answer "not found".

const ISTANBUL = 34

// `forbiddenFor`: operations this caller's role has no permission for (403 before any read).
type Caller = {
  label: string
  email: () => string | null
  expected: AccessDenied['reason'][]
  forbiddenFor?: string[]
}
const CALLERS: Caller[] = [
  { label: 'nobody signed in', email: () => null, expected: ['unauthenticated'] },
  { label: 'an applicant', email: () => testEmail('matrix'), expected: ['not_found'] },
  {
    label: 'a caseworker of Ankara',
    email: () => 'caseworker.ankara@example.org',
    expected: ['not_found'],
    forbiddenFor: ['assignCase', 'resolveProposal'],
  },
  {
    label: 'a supervisor of Ankara',
    email: () => 'supervisor.ankara@example.org',
    expected: ['not_found'],
  },
  {
    label: 'the call centre',
    email: () => 'agent.callcentre@example.org',
    expected: ['forbidden'],
  },
  {
    label: 'a deactivated caseworker of İstanbul',
    email: () => 'former.caseworker@example.org',
    expected: ['not_found'],
  },
]

type Operation = [
  name: string,
  run: (id: string, version: number) => Promise<unknown>,
  readOnly?: boolean,
]
const OPERATIONS: Operation[] = [
  ['getCase', (id) => getCase(id), true],
  ['readCaseDocument', (id) => readCaseDocument(id, crypto.randomUUID()), true],
  ['claimCase', (id, v) => claimCase({ applicationId: id, expectedVersion: v })],
  ['releaseCase', (id, v) => releaseCase({ applicationId: id, expectedVersion: v })],
  [
    'assignCase',
    (id, v) => assignCase({ applicationId: id, expectedVersion: v, assignee: crypto.randomUUID() }),
  ],
  ['addCaseNote', (id) => addCaseNote({ applicationId: id, body: 'x' })],
  ['recordReceipt', (id, v) => recordReceipt({ applicationId: id, expectedVersion: v })],
  [
    'requestDocuments',
    (id, v) =>
      requestDocuments({ applicationId: id, expectedVersion: v, items: ['criminal_record'] }),
  ],
  [
    'approveCase',
    (id, v) =>
      approveCase({
        applicationId: id,
        expectedVersion: v,
        validFrom: inDays(0),
        validUntil: inDays(100),
      }),
  ],
  [
    'refuseCase',
    (id, v) =>
      refuseCase({
        applicationId: id,
        expectedVersion: v,
        legalBasis: 'art25_general',
        reason: 'x',
      }),
  ],
  [
    'resolveProposal',
    (id, v) => resolveProposal({ applicationId: id, expectedVersion: v, outcome: 'confirm' }),
  ],
  [
    'markNotProcessed',
    (id, v) =>
      markNotProcessed({ applicationId: id, expectedVersion: v, reason: 'missed_appointment' }),
  ],
  [
    'closeCase',
    (id, v) => closeCase({ applicationId: id, expectedVersion: v, reason: 'duplicate' }),
  ],
  [
    'recordCardPrinting',
    (id, v) =>
      recordCardPrinting({ applicationId: id, expectedVersion: v, cardSerial: 'A1234567' }),
  ],
  [
    'recordHandedToPost',
    (id, v) =>
      recordHandedToPost({
        applicationId: id,
        expectedVersion: v,
        trackingNumber: 'RR123456789TR',
      }),
  ],
  ['recordReturned', (id, v) => recordReturned({ applicationId: id, expectedVersion: v })],
  ['recordDelivered', (id, v) => recordDelivered({ applicationId: id, expectedVersion: v })],
]

async function snapshot(id: string) {
  const db = await getDb()
  const [app] = await db.select().from(applications).where(eq(applications.id, id))
  const audits = (await db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).length
  const notes = (await db.select().from(caseNotes).where(eq(caseNotes.applicationId, id))).length
  const requests = (
    await db.select().from(documentRequests).where(eq(documentRequests.applicationId, id))
  ).length
  return { app, audits, notes, requests }
}

afterEach(() => actAs(null))

// The İstanbul supervisor is named on the restricted case; everyone else of İstanbul is not.
const NAMED = 'supervisor.istanbul@example.org'
const RESTRICTED_ONLY: Caller[] = [
  {
    label: 'another caseworker of İstanbul',
    email: () => 'caseworker.istanbul@example.org',
    expected: ['not_found'],
    forbiddenFor: ['assignCase', 'resolveProposal'],
  },
  {
    label: 'the directorate admin of İstanbul',
    email: () => 'admin.istanbul@example.org',
    expected: ['forbidden'],
    forbiddenFor: [],
  },
]
const newCase = (restricted: boolean) =>
  createCase(ISTANBUL, restricted ? { restrictedFor: [NAMED] } : {})

describe('casework authorization matrix', () => {
  for (const [restricted, caller] of [
    ...CALLERS.map((c) => [false, c] as const),
    ...[...CALLERS, ...RESTRICTED_ONLY].map((c) => [true, c] as const),
  ]) {
    it(`${caller.label}${restricted ? ', restricted case' : ''}: every operation is refused and nothing changes`, async () => {
      const c = await newCase(restricted)
      const version = await caseVersion(c.id)
      await actAs(caller.email())
      const before = await snapshot(c.id)
      for (const [name, run, readOnly] of OPERATIONS) {
        const error = await run(c.id, version).then(
          () => null,
          (e: unknown) => e,
        )
        expect(error, name).toBeInstanceOf(AccessDenied)
        // Reading is the one thing a directorate admin may do: on a restricted case it is 404.
        const reads = caller.label.includes('directorate admin') && readOnly
        const expected = reads
          ? ['not_found']
          : caller.forbiddenFor?.includes(name)
            ? ['forbidden']
            : caller.expected
        expect(expected, name).toContain((error as AccessDenied).reason)
      }
      expect(await snapshot(c.id)).toEqual(before)
    })
  }

  it('a directorate admin and the national admin may read but not decide', async () => {
    const c = await createCase(ISTANBUL)
    const version = await caseVersion(c.id)
    for (const email of ['admin.istanbul@example.org', 'admin.national@example.org']) {
      await actAs(email)
      expect((await getCase(c.id)).id).toBe(c.id)
      const before = await snapshot(c.id)
      for (const [name, run, readOnly] of OPERATIONS) {
        if (readOnly) continue
        const error = await run(c.id, version).then(
          () => null,
          (e: unknown) => e,
        )
        expect((error as AccessDenied).reason, `${email} ${name}`).toBe('forbidden')
      }
      expect(await snapshot(c.id)).toMatchObject({ ...before, audits: before.audits })
    }
  })

  it('a restricted case is read by the staff named on it and by the national admin', async () => {
    const c = await newCase(true)
    for (const email of [NAMED, 'admin.national@example.org']) {
      await actAs(email)
      expect((await getCase(c.id)).id, email).toBe(c.id)
    }
    await actAs(NAMED)
    await claimCase({ applicationId: c.id, expectedVersion: await caseVersion(c.id) })
    expect((await snapshot(c.id)).app!.assignedToUserId).not.toBeNull()
  })

  it('the queue shows a restricted case only to the staff named on it and the national admin', async () => {
    const c = await newCase(true)
    const queued = async (email: string) => {
      await actAs(email)
      const ids: string[] = []
      let cursor: string | undefined
      do {
        const page = await findCasesForQueue({
          assigned: 'any',
          sort: 'submitted',
          status: 'under_review',
          cursor,
        })
        ids.push(...page.rows.map((r) => r.id))
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      return ids
    }
    expect(await queued('caseworker.istanbul@example.org')).not.toContain(c.id)
    expect(await queued(NAMED)).toContain(c.id)
    expect(await queued('admin.national@example.org')).toContain(c.id)
  })

  it('the call centre and the public lookup do not find a restricted case', async () => {
    const open = await newCase(false)
    const closed = await newCase(true)
    const db = await getDb()
    const referenceOf = async (id: string) =>
      (await db.select().from(applications).where(eq(applications.id, id)))[0]!.reference
    const birth = COMPLETE_ANSWERS.personal!.dateOfBirth!
    const passport = COMPLETE_ANSWERS.passport!.passportNumber!
    await actAs('agent.callcentre@example.org')
    const agent = async (id: string) =>
      lookUpCaller(
        callerLookupSchema.parse({
          reference: await referenceOf(id),
          dateOfBirth: birth,
          passportLastFour: passport.slice(-4),
          reason: 'status_question',
        }),
        'en',
      )
    expect((await agent(open.id)).found).toBe(true)
    expect(await agent(closed.id)).toEqual({ found: false })
    await actAs(null)
    const lookup = async (id: string) =>
      lookUpApplicationStatus(
        statusLookupSchema.parse({
          reference: await referenceOf(id),
          passportNumber: passport,
          dateOfBirth: birth,
        }),
        `198.51.100.${Math.floor(Math.random() * 250)}`,
      )
    expect((await lookup(open.id)).found).toBe(true)
    expect(await lookup(closed.id)).toEqual({ found: false })
  })

  it('the queue shows only the caller’s directorate, and every directorate to the national admin', async () => {
    const ist = await createCase(ISTANBUL)
    const ank = await createCase(6)
    await actAs('caseworker.istanbul@example.org')
    // Every page: other test files leave many cases behind on a shared database.
    const mine: string[] = []
    let cursor: string | undefined
    do {
      const page = await findCasesForQueue({
        assigned: 'any',
        sort: 'submitted',
        status: 'under_review',
        cursor,
      })
      mine.push(...page.rows.map((r) => r.id))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(mine).toContain(ist.id)
    expect(mine).not.toContain(ank.id)
    await actAs('admin.national@example.org')
    const all = await findCasesForQueue({
      assigned: 'any',
      sort: 'deadline',
      status: 'under_review',
    })
    expect(all.total).toBeGreaterThanOrEqual(2)
  })
})

// Issue 13: the staff account and office pages and actions, against an İstanbul caseworker and
// an İstanbul office. `scoped` operations name that member or office; the others are the
// pages and "create" forms, which a manager of another directorate may use for their own.
type AdminTarget = { memberId: string; officeId: string; counterId: string; newEmail: string }
type AdminOperation = [name: string, run: (t: AdminTarget) => Promise<unknown>, scoped: boolean]
const ADMIN_OPERATIONS: AdminOperation[] = [
  ['staff page', () => getStaffAdminView(), false],
  ['listStaffAccounts', () => listStaffAccounts(), false],
  ['getStaffAccount', (t) => getStaffAccount(t.memberId), true],
  [
    'createStaffMember',
    (t) => createStaffMember({ email: t.newEmail, displayName: 'X', role: 'caseworker' }),
    false,
  ],
  [
    'changeStaffRole',
    (t) => changeStaffRole({ userId: t.memberId, role: 'supervisor', wasRole: 'caseworker' }),
    true,
  ],
  [
    'setStaffActive',
    (t) => setStaffActive({ userId: t.memberId, active: false, wasRole: 'caseworker' }),
    true,
  ],
  ['offices page', () => listOwnOffices(), false],
  ['getOfficeSetup', (t) => getOfficeSetup(t.officeId), true],
  ['createOffice', () => createOffice({ name: 'X', address: 'Y', slotMinutes: 15 }), false],
  [
    'changeOffice',
    (t) => changeOffice({ officeId: t.officeId, name: 'X', address: 'Y', slotMinutes: 15 }),
    true,
  ],
  ['addCounter', (t) => addCounter({ officeId: t.officeId, label: '9' }), true],
  [
    'setCounterActive',
    (t) => setCounterActive({ officeId: t.officeId, counterId: t.counterId, active: false }),
    true,
  ],
  [
    'setOpeningHours',
    (t) => setOpeningHours({ officeId: t.officeId, weekdays: [1], closed: true }),
    true,
  ],
]

type AdminCaller = {
  label: string
  email: () => string | null
  expected: AccessDenied['reason']
  scopedOnly?: boolean
}
const ADMIN_CALLERS: AdminCaller[] = [
  { label: 'nobody signed in', email: () => null, expected: 'unauthenticated' },
  { label: 'an applicant', email: () => testEmail('admin-matrix'), expected: 'not_found' },
  {
    label: 'a caseworker of İstanbul',
    email: () => 'caseworker.istanbul@example.org',
    expected: 'forbidden',
  },
  {
    label: 'a supervisor of İstanbul',
    email: () => 'supervisor.istanbul@example.org',
    expected: 'forbidden',
  },
  { label: 'the call centre', email: () => 'agent.callcentre@example.org', expected: 'forbidden' },
  {
    label: 'a deactivated caseworker of İstanbul',
    email: () => 'former.caseworker@example.org',
    expected: 'not_found',
  },
  {
    label: 'the directorate admin of Ankara',
    email: () => 'admin.ankara@example.org',
    expected: 'not_found',
    scopedOnly: true,
  },
]

async function adminSnapshot(t: AdminTarget) {
  const db = await getDb()
  const ids = [t.memberId, t.officeId]
  const audits = await db.select().from(auditEvents)
  return {
    member: await db.select().from(staffMembers).where(eq(staffMembers.userId, t.memberId)),
    sessions: await db.select().from(sessions).where(eq(sessions.userId, t.memberId)),
    newUser: await db.select().from(users).where(eq(users.email, t.newEmail)),
    office: await db.select().from(offices).where(eq(offices.id, t.officeId)),
    counters: await db.select().from(counters).where(eq(counters.officeId, t.officeId)),
    hours: await db.select().from(openingHours).where(eq(openingHours.officeId, t.officeId)),
    audits: audits.filter((a) => ids.includes(a.entityId ?? '')).length,
  }
}

describe('staff accounts and offices authorization matrix', () => {
  for (const caller of ADMIN_CALLERS) {
    it(`${caller.label}: every refused operation is refused and nothing changes`, async () => {
      const member = await createTestStaff('caseworker', ISTANBUL)
      await openSession(member.userId)
      const office = await createCounterOffice(ISTANBUL, 1)
      const target: AdminTarget = {
        memberId: member.userId,
        officeId: office.officeId,
        counterId: office.counterIds[0]!,
        newEmail: `matrix.${crypto.randomUUID().slice(0, 8)}@example.org`,
      }
      await actAs(caller.email())
      const before = await adminSnapshot(target)
      for (const [name, run, scoped] of ADMIN_OPERATIONS) {
        if (caller.scopedOnly && !scoped) continue
        const error = await run(target).then(
          () => null,
          (e: unknown) => e,
        )
        expect(error, name).toBeInstanceOf(AccessDenied)
        expect((error as AccessDenied).reason, name).toBe(caller.expected)
      }
      expect(await adminSnapshot(target)).toEqual(before)
    })
  }
})
