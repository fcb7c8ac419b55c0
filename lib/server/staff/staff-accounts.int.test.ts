import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { and, eq, inArray, ne } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { auditEvents, staffMembers, users } from '@/db/schema'
import { AccessDenied, getActor, requireStaff } from '../actor'
import { Refused, StaleVersion } from '../errors'
import { actAs, runAsUser } from '../testing/as-user'
import {
  createTestStaff,
  directorateIdOf,
  openSession,
  sessionCount,
  staffRow,
} from '../testing/staff-fixtures'
import { changeStaffRole, setStaffActive } from './change-staff-member'
import { createStaffMember } from './create-staff-member'
import { getStaffAccount, listStaffAccounts } from './staff-accounts'

const ISTANBUL = 34
const ANKARA = 6
const onPostgres = Boolean(process.env.DATABASE_URL?.trim())

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  )

async function auditsOf(entityId: string) {
  const db = await getDb()
  return db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId))
}

afterEach(() => actAs(null))

describe('staff accounts', () => {
  it('a directorate admin creates a caseworker of their own directorate, who may then sign in', async () => {
    const email = `New.Caseworker.${randomUUID().slice(0, 6)}@Example.org`
    await actAs('admin.istanbul@example.org')
    const id = await createStaffMember({
      email,
      displayName: 'Ayşe Yılmaz',
      role: 'caseworker',
      // Ignored: a directorate admin's staff always join their own directorate.
      directorateId: await directorateIdOf(ANKARA),
    })
    const row = await staffRow(id)
    expect(row).toMatchObject({ role: 'caseworker', active: true })
    expect(row!.directorateId).toBe(await directorateIdOf(ISTANBUL))
    expect((await listStaffAccounts()).map((a) => a.email)).toContain(email.toLowerCase())
    expect((await auditsOf(id)).map((a) => a.action)).toEqual(['staff.created'])
    await actAs(email.toLowerCase())
    expect((await requireStaff('cases.view')).role).toBe('caseworker')
  })

  it('reuses the user of an address that signed in before, and refuses one already staff', async () => {
    const email = `applicant.${randomUUID().slice(0, 8)}@example.org`
    const applicantId = await actAs(email)
    const session = await openSession(applicantId!)
    expect(session).toBeTruthy()
    await actAs('admin.national@example.org')
    const id = await createStaffMember({
      email,
      displayName: 'Former Applicant',
      role: 'call_centre_agent',
    })
    expect(id).toBe(applicantId)
    expect(await sessionCount(id)).toBe(0)
    const again = await refusal(
      createStaffMember({
        email,
        displayName: 'Twice',
        role: 'caseworker',
        directorateId: await directorateIdOf(ISTANBUL),
      }),
    )
    expect((again as Refused).reason).toBe('already_staff')
    expect(await staffRow(id)).toMatchObject({
      role: 'call_centre_agent',
      displayName: 'Former Applicant',
    })
  })

  it('a directorate admin gives no national role; nothing is stored', async () => {
    await actAs('admin.istanbul@example.org')
    for (const role of ['national_admin', 'call_centre_agent'] as const) {
      const email = `never.${randomUUID().slice(0, 8)}@example.org`
      const error = await refusal(createStaffMember({ email, displayName: 'X', role }))
      expect((error as Refused).reason).toBe('role_not_allowed')
      const db = await getDb()
      expect(await db.select().from(users).where(eq(users.email, email))).toEqual([])
    }
    const member = await createTestStaff('caseworker', ISTANBUL)
    const error = await refusal(
      changeStaffRole({ userId: member.userId, role: 'national_admin', wasRole: 'caseworker' }),
    )
    expect((error as Refused).reason).toBe('role_not_allowed')
    expect(await staffRow(member.userId)).toMatchObject({ role: 'caseworker' })
  })

  it('the national admin must name a directorate for a directorate role', async () => {
    await actAs('admin.national@example.org')
    const email = `nodir.${randomUUID().slice(0, 8)}@example.org`
    const error = await refusal(createStaffMember({ email, displayName: 'X', role: 'supervisor' }))
    expect((error as Refused).reason).toBe('directorate_required')
    const unknown = await refusal(
      createStaffMember({
        email,
        displayName: 'X',
        role: 'supervisor',
        directorateId: randomUUID(),
      }),
    )
    expect((unknown as Refused).reason).toBe('directorate_required')
    const db = await getDb()
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([])
  })

  it('deactivation ends the sessions at once and the next request is refused', async () => {
    const member = await createTestStaff('caseworker', ISTANBUL)
    await openSession(member.userId)
    await openSession(member.userId)
    await actAs(member.email)
    expect((await requireStaff('cases.view')).userId).toBe(member.userId)
    await runAsUser((await actAs('admin.istanbul@example.org'))!, () =>
      setStaffActive({ userId: member.userId, active: false, wasRole: 'caseworker' }),
    )
    expect(await sessionCount(member.userId)).toBe(0)
    // Even a request that still carried the old session is no longer staff.
    await actAs(member.email)
    expect((await getActor()).kind).toBe('applicant')
    const error = await refusal(requireStaff('cases.view'))
    expect((error as AccessDenied).reason).toBe('not_found')
    const audit = await auditsOf(member.userId)
    expect(audit.map((a) => a.action)).toEqual(['staff.deactivated'])
    expect(audit[0]!.details).toMatchObject({ endedSessions: 2 })

    await actAs('admin.istanbul@example.org')
    await setStaffActive({ userId: member.userId, active: true, wasRole: 'caseworker' })
    expect(await staffRow(member.userId)).toMatchObject({ active: true })
  })

  it('a role change counts from the next request and ends the sessions', async () => {
    const member = await createTestStaff('caseworker', ISTANBUL)
    await openSession(member.userId)
    await actAs('admin.istanbul@example.org')
    await changeStaffRole({ userId: member.userId, role: 'supervisor', wasRole: 'caseworker' })
    expect(await sessionCount(member.userId)).toBe(0)
    await actAs(member.email)
    expect((await requireStaff('cases.assign')).role).toBe('supervisor')
    // The form showed the old role: someone changed it meanwhile.
    await actAs('admin.istanbul@example.org')
    const stale = await refusal(
      changeStaffRole({ userId: member.userId, role: 'directorate_admin', wasRole: 'caseworker' }),
    )
    expect(stale).toBeInstanceOf(StaleVersion)
    expect(await staffRow(member.userId)).toMatchObject({ role: 'supervisor' })
  })

  it('another directorate’s staff are not found, and nothing changes', async () => {
    const member = await createTestStaff('caseworker', ISTANBUL)
    await openSession(member.userId)
    await actAs('admin.ankara@example.org')
    for (const run of [
      () => getStaffAccount(member.userId),
      () => setStaffActive({ userId: member.userId, active: false, wasRole: 'caseworker' }),
      () => changeStaffRole({ userId: member.userId, role: 'supervisor', wasRole: 'caseworker' }),
    ]) {
      const error = await refusal(run())
      expect((error as AccessDenied).reason).toBe('not_found')
    }
    expect((await listStaffAccounts()).map((a) => a.userId)).not.toContain(member.userId)
    expect(await staffRow(member.userId)).toMatchObject({ role: 'caseworker', active: true })
    expect(await sessionCount(member.userId)).toBe(1)
    expect(await auditsOf(member.userId)).toEqual([])
  })

  it('nobody deactivates or re-roles themselves', async () => {
    const admin = await createTestStaff('directorate_admin', ISTANBUL)
    await actAs(admin.email)
    const off = await refusal(
      setStaffActive({ userId: admin.userId, active: false, wasRole: 'directorate_admin' }),
    )
    expect((off as Refused).reason).toBe('own_account')
    const demote = await refusal(
      changeStaffRole({ userId: admin.userId, role: 'caseworker', wasRole: 'directorate_admin' }),
    )
    expect((demote as Refused).reason).toBe('own_account')
    expect(await staffRow(admin.userId)).toMatchObject({ role: 'directorate_admin', active: true })
  })

  it('the national admin moves a member to another directorate and switches off another national admin', async () => {
    const member = await createTestStaff('supervisor', ISTANBUL)
    const other = await createTestStaff('national_admin', null)
    await actAs('admin.national@example.org')
    const ankara = await directorateIdOf(ANKARA)
    await changeStaffRole({
      userId: member.userId,
      role: 'caseworker',
      directorateId: ankara,
      wasRole: 'supervisor',
    })
    expect(await staffRow(member.userId)).toMatchObject({
      role: 'caseworker',
      directorateId: ankara,
    })
    await setStaffActive({ userId: other.userId, active: false, wasRole: 'national_admin' })
    expect(await staffRow(other.userId)).toMatchObject({ active: false })
  })

  // Two national admins switching each other off at the same moment: one must stay.
  it.runIf(onPostgres)('keeps at least one active national admin', async () => {
    const a = await createTestStaff('national_admin', null)
    const b = await createTestStaff('national_admin', null)
    const db = await getDb()
    const others = await db
      .update(staffMembers)
      .set({ active: false })
      .where(
        and(
          eq(staffMembers.role, 'national_admin'),
          eq(staffMembers.active, true),
          ne(staffMembers.userId, a.userId),
          ne(staffMembers.userId, b.userId),
        ),
      )
      .returning({ userId: staffMembers.userId })
    try {
      const results = await Promise.allSettled([
        runAsUser(a.userId, () =>
          setStaffActive({ userId: b.userId, active: false, wasRole: 'national_admin' }),
        ),
        runAsUser(b.userId, () =>
          setStaffActive({ userId: a.userId, active: false, wasRole: 'national_admin' }),
        ),
      ])
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
      // Refused under lock, or, when the other change committed before this request began,
      // no longer staff at all: either way one national admin stays.
      expect(['last_national_admin', 'not_found']).toContain(
        (failed.reason as Refused | AccessDenied).reason,
      )
      const left = [await staffRow(a.userId), await staffRow(b.userId)].filter((r) => r!.active)
      expect(left).toHaveLength(1)
    } finally {
      if (others.length > 0)
        await db
          .update(staffMembers)
          .set({ active: true })
          .where(
            inArray(
              staffMembers.userId,
              others.map((o) => o.userId),
            ),
          )
    }
  })
})
