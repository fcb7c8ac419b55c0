import 'server-only'
import { cache } from 'react'
import { eq, sql } from 'drizzle-orm'
import { cookies, headers } from 'next/headers'
import { unstable_rethrow } from 'next/navigation'
import { getDb } from '@/db'
import { directorates, staffMembers, users } from '@/db/schema'
import type { Actor, ApplicantActor, StaffActor } from '@/lib/domain/actor'
import { roleHasPermission, type StaffPermission } from '@/lib/domain/staff-roles'
import { auth, SESSION_COOKIE_NAME } from './auth/auth'
import { bearerToken, sessionForToken } from './auth/bearer-session'

/** What a refused caller asked for, for the audit row of the refusal: ids and names, no data. */
export type AskedFor = {
  entityType?: string
  entityId?: string | null
  permission?: StaffPermission
}

export class AccessDenied extends Error {
  /**
   * Carried for the audit row of the refusal (SECURITY.md AD-02), not part of what the refusal
   * is: not enumerable, so two refusals with the same reason still compare equal.
   */
  declare readonly asked: AskedFor

  constructor(
    readonly reason: 'unauthenticated' | 'forbidden' | 'not_found',
    asked: AskedFor = {},
  ) {
    super(reason)
    Object.defineProperty(this, 'asked', { value: asked, enumerable: false })
  }
}

/**
 * Who is asking, read from the database on every request: a role change or a deactivated
 * staff account takes effect at once, whatever the session says. Active staff are staff only
 * once this session passed the second factor (SECURITY.md SF-01); before that they are
 * anonymous with `secondFactorPending`, and reach nothing but the second-factor page.
 */
export const getActor = cache(async (): Promise<Actor> => {
  const session = await auth()
  let userId = session?.user?.id
  let secondFactor = sessionPassedSecondFactor(session)
  const db = await getDb()
  if (typeof userId !== 'string' || userId.length === 0) {
    // Scripts using the JSON API present their session token as `Authorization: Bearer`.
    const token = bearerToken((await headers()).get('authorization'))
    const bearer = token ? await sessionForToken(db, token) : null
    userId = bearer?.userId
    secondFactor = bearer?.secondFactor ?? false
  }
  if (typeof userId !== 'string' || userId.length === 0) {
    // Auth.js reports a database failure as "no session". When the browser does hold a session
    // cookie, make sure the database answers, so an outage shows the error page instead of
    // sending a signed-in person back to sign in.
    if ((await cookies()).has(SESSION_COOKIE_NAME)) await db.execute(sql`select 1`)
    return { kind: 'anonymous' }
  }
  const [row] = await db
    .select({
      email: users.email,
      role: staffMembers.role,
      directorateId: staffMembers.directorateId,
      active: staffMembers.active,
    })
    .from(users)
    .leftJoin(staffMembers, eq(staffMembers.userId, users.id))
    .where(eq(users.id, userId))
  if (!row?.email) return { kind: 'anonymous' }
  if (row.role && row.active) {
    if (!secondFactor) return { kind: 'anonymous', secondFactorPending: true }
    return {
      kind: 'staff',
      userId,
      email: row.email,
      role: row.role,
      directorateId: row.directorateId,
    }
  }
  return { kind: 'applicant', userId, email: row.email }
})

/** Set by the session callback in auth.ts from `sessions.second_factor_at`. */
function sessionPassedSecondFactor(session: unknown): boolean {
  return (session as { secondFactor?: unknown } | null)?.secondFactor === true
}

export async function requireSignedIn(): Promise<ApplicantActor | StaffActor> {
  const actor = await getActor()
  if (actor.kind === 'anonymous') throw new AccessDenied('unauthenticated')
  return actor
}

/** Anyone who is not active staff is told the page does not exist. */
export async function requireStaff(permission?: StaffPermission): Promise<StaffActor> {
  const actor = await getActor()
  if (actor.kind === 'anonymous') throw new AccessDenied('unauthenticated')
  if (actor.kind !== 'staff') throw new AccessDenied('not_found', { permission })
  if (permission && !roleHasPermission(actor.role, permission))
    throw new AccessDenied('forbidden', { permission })
  return actor
}

export type StaffProfile = {
  displayName: string
  role: StaffActor['role']
  directorateName: string | null
}

export async function getMyStaffProfile(): Promise<StaffProfile> {
  const actor = await requireStaff()
  const db = await getDb()
  const [row] = await db
    .select({
      displayName: staffMembers.displayName,
      role: staffMembers.role,
      directorateName: directorates.name,
    })
    .from(staffMembers)
    .leftJoin(directorates, eq(directorates.id, staffMembers.directorateId))
    .where(eq(staffMembers.userId, actor.userId))
  if (!row) throw new AccessDenied('not_found')
  return row
}

/** For the page header only: a database outage shows "Sign in" instead of breaking every page. */
export async function getHeaderAccount(): Promise<{ email: string; isStaff: boolean } | null> {
  try {
    const actor = await getActor()
    return actor.kind === 'anonymous'
      ? null
      : { email: actor.email, isStaff: actor.kind === 'staff' }
  } catch (error) {
    // Next.js signals "this page is dynamic" by throwing; that must pass through.
    unstable_rethrow(error)
    return null
  }
}
