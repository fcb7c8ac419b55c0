import 'server-only'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { cookies } from 'next/headers'
import { getDb } from '@/db'
import { sessions, staffMembers, staffTotpFactors, users } from '@/db/schema'
import { AccessDenied, getActor } from '../../actor'
import { writeAudit } from '../../audit'
import type { Tx } from '../../transaction'
import { ABSOLUTE_LIFETIME_MS } from '@/lib/domain/sessions/session-limits'
import { SESSION_COOKIE_NAME } from '../auth'

/** A staff session between the e-mailed code and the second factor (SF-01). */
export type SecondStep = {
  sessionToken: string
  userId: string
  email: string
  /** A confirmed TOTP factor exists: ask for a code; otherwise set one up. */
  enrolled: boolean
}

/**
 * This browser's session, when it belongs to active staff and has not yet passed the second
 * factor; the same session rules as everywhere (not expired, not past the absolute lifetime).
 * Only a cookie session can take the second step: a bearer token comes from a session that
 * already did.
 */
async function findSecondStep(): Promise<SecondStep | null> {
  const token = (await cookies()).get(SESSION_COOKIE_NAME)?.value
  if (!token || token.length > 200) return null
  const db = await getDb()
  const now = Date.now()
  const [row] = await db
    .select({
      userId: sessions.userId,
      email: users.email,
      confirmedAt: staffTotpFactors.confirmedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(staffMembers, and(eq(staffMembers.userId, users.id), eq(staffMembers.active, true)))
    .leftJoin(staffTotpFactors, eq(staffTotpFactors.userId, users.id))
    .where(
      and(
        eq(sessions.sessionToken, token),
        isNull(sessions.secondFactorAt),
        gt(sessions.expires, new Date(now)),
        gt(sessions.createdAt, new Date(now - ABSOLUTE_LIFETIME_MS)),
      ),
    )
  if (!row?.email) return null
  return {
    sessionToken: token,
    userId: row.userId,
    email: row.email,
    enrolled: row.confirmedAt !== null && row.confirmedAt !== undefined,
  }
}

/**
 * The second step of this browser's sign-in. Signed out (or a session that just ended) →
 * sign in again; anyone already past it, or not staff at all → not found.
 */
export async function requireSecondStep(): Promise<SecondStep> {
  const actor = await getActor()
  if (actor.kind !== 'anonymous') throw new AccessDenied('not_found')
  const step = actor.secondFactorPending ? await findSecondStep() : null
  if (!step) throw new AccessDenied('unauthenticated')
  return step
}

/**
 * This session has passed the second factor (SF-01): marked, with its audit row, in the
 * transaction that accepted the code.
 */
export async function passSecondStep(
  tx: Tx,
  step: SecondStep,
  action: 'auth.second_factor_enrolled' | 'auth.second_factor_verified',
  details: Record<string, unknown>,
): Promise<void> {
  await tx
    .update(sessions)
    .set({ secondFactorAt: new Date() })
    .where(eq(sessions.sessionToken, step.sessionToken))
  await writeAudit(tx, {
    actorUserId: step.userId,
    action,
    entityType: 'user',
    entityId: step.userId,
    details,
  })
}
