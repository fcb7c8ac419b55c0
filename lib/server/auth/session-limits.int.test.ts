// Issue 15 (SECURITY.md SN-01, SN-02, SN-04): session limits on the server, through the real
// Auth.js session lookup. Only what Next.js gives a request is stood in for (next/headers and
// React's per-request cache); the cookie goes through Auth.js, the adapter and getActor.
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { GET as authGet } from '@/app/api/auth/[...nextauth]/route'
import { getDb } from '@/db'
import { staffMembers, users } from '@/db/schema'
import { AccessDenied, getActor, requireStaff } from '../actor'
import { setStaffActive } from '../staff/change-staff-member'
import {
  findSession,
  insertSession,
  requestWithBearer,
  requestWithCookie,
} from '../testing/session-fixtures'
import { createTestStaff } from '../testing/staff-fixtures'
import { SESSION_COOKIE_NAME } from './auth'

vi.mock('react', async (original) => ({
  ...(await original<typeof import('react')>()),
  cache: <T>(fn: T) => fn,
}))
vi.mock('next/headers', async () => (await import('../testing/request-context')).nextHeadersMock)

const ISTANBUL = 34
const HOUR_MINUTES = 60

async function newApplicant(): Promise<string> {
  const db = await getDb()
  const [row] = await db
    .insert(users)
    .values({ email: `limits.${randomUUID().slice(0, 8)}@example.org` })
    .returning({ id: users.id })
  return row!.id
}

/** Who the next request with this cookie is. */
async function actorWithCookie(token: string) {
  requestWithCookie(SESSION_COOKIE_NAME, token)
  return getActor()
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  )

beforeAll(async () => {
  await getDb()
})

describe('idle limits, enforced on the server', () => {
  it('a staff session idle for 15 minutes is refused and deleted, whatever its cookie says', async () => {
    const staff = await createTestStaff('caseworker', ISTANBUL)
    // Auth.js's own expiry (the cookie's) is hours away: the server's limit decides.
    const stale = await insertSession(staff.userId, { signedIn: 20, idle: 15.1, expiresIn: 600 })
    const fresh = await insertSession(staff.userId, { signedIn: 20, idle: 14 })
    expect(await actorWithCookie(stale.token)).toEqual({ kind: 'anonymous' })
    expect(await findSession(stale.token)).toBeNull()
    expect(await actorWithCookie(fresh.token)).toMatchObject({
      kind: 'staff',
      userId: staff.userId,
    })
    // The request counts as activity: the idle time starts again.
    const touched = await findSession(fresh.token)
    expect(Date.now() - touched!.lastSeenAt.getTime()).toBeLessThan(60_000)
  })

  it('an applicant session lasts 30 idle minutes, not 15', async () => {
    const userId = await newApplicant()
    const idle16 = await insertSession(userId, { signedIn: 40, idle: 16 })
    const idle31 = await insertSession(userId, { signedIn: 40, idle: 30.1 })
    expect(await actorWithCookie(idle16.token)).toMatchObject({ kind: 'applicant', userId })
    expect(await actorWithCookie(idle31.token)).toEqual({ kind: 'anonymous' })
    expect(await findSession(idle31.token)).toBeNull()
    expect(await findSession(idle16.token)).not.toBeNull()
  })

  it('Auth.js’s own session endpoint refuses a stale session and clears the cookie', async () => {
    const staff = await createTestStaff('supervisor', ISTANBUL)
    const stale = await insertSession(staff.userId, { signedIn: 30, idle: 16 })
    const res = await authGet(
      requestWithCookie(SESSION_COOKIE_NAME, stale.token, '/api/auth/session'),
    )
    expect(res.status).toBe(200)
    expect(await res.json()).toBeNull()
    expect(res.headers.getSetCookie().join('\n')).toMatch(
      new RegExp(`${SESSION_COOKIE_NAME.replace('.', '\\.')}=;`),
    )
    expect(await findSession(stale.token)).toBeNull()
  })
})

describe('the absolute limit', () => {
  it('ends every session 12 hours after sign-in, however active', async () => {
    const staff = await createTestStaff('caseworker', ISTANBUL)
    const applicant = await newApplicant()
    for (const userId of [staff.userId, applicant]) {
      const old = await insertSession(userId, { signedIn: 12 * HOUR_MINUTES + 1, idle: 1 })
      const nearly = await insertSession(userId, { signedIn: 12 * HOUR_MINUTES - 1, idle: 1 })
      expect(await actorWithCookie(old.token)).toEqual({ kind: 'anonymous' })
      expect(await findSession(old.token)).toBeNull()
      expect(await actorWithCookie(nearly.token)).toMatchObject({ userId })
    }
  })
})

describe('bearer tokens obey the same limits', () => {
  it('refuses and deletes an idle staff session and one past 12 hours; a live one slides', async () => {
    const staff = await createTestStaff('caseworker', ISTANBUL)
    const idle = await insertSession(staff.userId, { signedIn: 20, idle: 15.1 })
    const old = await insertSession(staff.userId, { signedIn: 12 * HOUR_MINUTES + 1, idle: 1 })
    const live = await insertSession(staff.userId, { signedIn: 20, idle: 10 })
    for (const { token } of [idle, old]) {
      requestWithBearer(token)
      expect(await getActor()).toEqual({ kind: 'anonymous' })
      expect(await findSession(token)).toBeNull()
    }
    requestWithBearer(live.token)
    expect(await getActor()).toMatchObject({ kind: 'staff', userId: staff.userId })
    const touched = await findSession(live.token)
    expect(Date.now() - touched!.lastSeenAt.getTime()).toBeLessThan(60_000)
  })
})

describe('role and account changes count from the next request (SECURITY.md AC-04, SE-03)', () => {
  it('a new role gives its permissions on the very next request of the same session', async () => {
    const member = await createTestStaff('caseworker', ISTANBUL)
    const { token } = await insertSession(member.userId)
    requestWithCookie(SESSION_COOKIE_NAME, token)
    const before = await refusal(requireStaff('cases.assign'))
    expect((before as AccessDenied).reason).toBe('forbidden')
    const db = await getDb()
    await db
      .update(staffMembers)
      .set({ role: 'supervisor' })
      .where(eq(staffMembers.userId, member.userId))
    requestWithCookie(SESSION_COOKIE_NAME, token)
    expect(await requireStaff('cases.assign')).toMatchObject({ role: 'supervisor' })
    await db
      .update(staffMembers)
      .set({ role: 'caseworker' })
      .where(eq(staffMembers.userId, member.userId))
    requestWithCookie(SESSION_COOKIE_NAME, token)
    expect(((await refusal(requireStaff('cases.assign'))) as AccessDenied).reason).toBe('forbidden')
  })

  it('a switched-off account is no longer staff on the next request, and its sessions end', async () => {
    const admin = await createTestStaff('directorate_admin', ISTANBUL)
    const member = await createTestStaff('caseworker', ISTANBUL)
    const adminSession = await insertSession(admin.userId)
    const phone = await insertSession(member.userId)
    const laptop = await insertSession(member.userId)
    // Even with the session row left in place, the flag is read per request.
    const db = await getDb()
    await db
      .update(staffMembers)
      .set({ active: false })
      .where(eq(staffMembers.userId, member.userId))
    expect(await actorWithCookie(phone.token)).toMatchObject({ kind: 'applicant' })
    requestWithCookie(SESSION_COOKIE_NAME, phone.token)
    expect(((await refusal(requireStaff())) as AccessDenied).reason).toBe('not_found')
    await db
      .update(staffMembers)
      .set({ active: true })
      .where(eq(staffMembers.userId, member.userId))
    expect(await actorWithCookie(laptop.token)).toMatchObject({ kind: 'staff' })

    // Through the staff admin page's call: every session of the member ends with it.
    requestWithCookie(SESSION_COOKIE_NAME, adminSession.token)
    await setStaffActive({ userId: member.userId, active: false, wasRole: 'caseworker' })
    for (const { token } of [phone, laptop]) {
      expect(await findSession(token)).toBeNull()
      expect(await actorWithCookie(token)).toEqual({ kind: 'anonymous' })
    }
  })
})
