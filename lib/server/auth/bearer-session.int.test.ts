// Only the cookie session is faked (there is none here); the bearer path reads the real
// sessions table.
import '../testing/request-scope-mocks'
import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { NextRequest } from 'next/server'
import { beforeEach, describe, expect, it } from 'vitest'
import { GET as getApplications } from '@/app/api/v1/applications/route'
import { getDb } from '@/db'
import { ABSOLUTE_LIFETIME_MS as SESSION_ABSOLUTE_LIFETIME_MS } from '@/lib/domain/sessions/session-limits'
import { directorates, sessions, staffMembers, users } from '@/db/schema'
import { getActor } from '../actor'
import { actAs } from '../testing/as-user'
import { setCurrentRequest } from '../testing/request-context'
import { bearerToken } from './bearer-session'

const HOUR = 60 * 60 * 1000
const email = (tag: string) => `${tag}.${randomBytes(4).toString('hex')}@example.org`

async function newUser(tag: string): Promise<string> {
  const db = await getDb()
  const [user] = await db
    .insert(users)
    .values({ email: email(tag) })
    .returning({ id: users.id })
  return user!.id
}

async function newSession(
  userId: string,
  {
    expiresIn = 30 * 60 * 1000,
    age = 0,
    secondFactor = false,
  }: { expiresIn?: number; age?: number; secondFactor?: boolean } = {},
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const db = await getDb()
  await db.insert(sessions).values({
    sessionToken: token,
    userId,
    expires: new Date(Date.now() + expiresIn),
    createdAt: new Date(Date.now() - age),
    secondFactorAt: secondFactor ? new Date() : null,
  })
  return token
}

function withAuthorization(value: string | null) {
  const headers = value ? { authorization: value } : undefined
  return setCurrentRequest(
    new NextRequest('http://localhost:3000/api/v1/applications', { headers }),
  )
}

async function actorFor(authorization: string | null) {
  withAuthorization(authorization)
  return getActor()
}

beforeEach(async () => {
  await actAs(null)
})

describe('a session token as Authorization: Bearer', () => {
  it('signs in the owner of a valid session', async () => {
    const userId = await newUser('bearer')
    const token = await newSession(userId)
    expect(await actorFor(`Bearer ${token}`)).toMatchObject({ kind: 'applicant', userId })
    const res = await getApplications(withAuthorization(`Bearer ${token}`))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ applications: [] })
  })

  it('refuses an expired, an unknown and a too old session', async () => {
    const userId = await newUser('refused')
    const expired = await newSession(userId, { expiresIn: -1000 })
    const tooOld = await newSession(userId, { age: SESSION_ABSOLUTE_LIFETIME_MS + HOUR })
    const nearlyTooOld = await newSession(userId, { age: SESSION_ABSOLUTE_LIFETIME_MS - HOUR })
    const unknown = randomBytes(32).toString('base64url')
    for (const token of [expired, tooOld, unknown])
      expect(await actorFor(`Bearer ${token}`)).toEqual({ kind: 'anonymous' })
    expect(await actorFor(`Bearer ${nearlyTooOld}`)).toMatchObject({ kind: 'applicant', userId })
    const res = await getApplications(withAuthorization(`Bearer ${tooOld}`))
    expect(res.status).toBe(401)
    // The same rules as the cookie: a session past a limit is deleted (SECURITY.md SN-02).
    const db = await getDb()
    const left = await db
      .select({ token: sessions.sessionToken })
      .from(sessions)
      .where(eq(sessions.userId, userId))
    expect(left).toEqual([{ token: nearlyTooOld }])
  })

  it('ignores what is not a bearer session token', async () => {
    const token = await newSession(await newUser('shape'))
    expect(bearerToken(`Bearer ${token}`)).toBe(token)
    for (const header of [
      null,
      token,
      `Basic ${token}`,
      `Bearer`,
      `Bearer ${token} extra`,
      `Bearer ${token}'--`,
      `Bearer ${'a'.repeat(5000)}`,
    ]) {
      expect(bearerToken(header)).toBeNull()
      expect(await actorFor(header)).toEqual({ kind: 'anonymous' })
    }
  })

  it('reads role and directorate from the database on every request, like the cookie', async () => {
    const userId = await newUser('staff')
    const token = await newSession(userId, { secondFactor: true })
    const db = await getDb()
    const [directorate] = await db.select({ id: directorates.id }).from(directorates).limit(1)
    await db.insert(staffMembers).values({
      userId,
      role: 'caseworker',
      directorateId: directorate!.id,
      displayName: 'Test Caseworker',
    })
    expect(await actorFor(`Bearer ${token}`)).toMatchObject({
      kind: 'staff',
      userId,
      role: 'caseworker',
      directorateId: directorate!.id,
    })
    await db.update(staffMembers).set({ active: false }).where(eq(staffMembers.userId, userId))
    expect(await actorFor(`Bearer ${token}`)).toMatchObject({ kind: 'applicant', userId })
  })

  it('is staff only once the session passed the second factor (SF-01)', async () => {
    const userId = await newUser('pending')
    const db = await getDb()
    const [directorate] = await db.select({ id: directorates.id }).from(directorates).limit(1)
    await db.insert(staffMembers).values({
      userId,
      role: 'national_admin',
      directorateId: null,
      displayName: 'Test Pending',
    })
    const pending = await newSession(userId)
    expect(await actorFor(`Bearer ${pending}`)).toEqual({
      kind: 'anonymous',
      secondFactorPending: true,
    })
    const res = await getApplications(withAuthorization(`Bearer ${pending}`))
    expect(res.status).toBe(401)
    await db
      .update(sessions)
      .set({ secondFactorAt: new Date() })
      .where(eq(sessions.sessionToken, pending))
    expect(await actorFor(`Bearer ${pending}`)).toMatchObject({ kind: 'staff', userId })
    expect(directorate).toBeDefined()
  })

  it('gives way to a cookie session when there is one', async () => {
    const cookieUser = await actAs(email('cookie'))
    const token = await newSession(await newUser('other'))
    expect(await actorFor(`Bearer ${token}`)).toMatchObject({ userId: cookieUser })
  })
})
