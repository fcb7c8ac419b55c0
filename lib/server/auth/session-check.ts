import 'server-only'
import { eq } from 'drizzle-orm'
import type { Db } from '@/db'
import { sessions, staffMembers } from '@/db/schema'
import { sessionHolder, sessionStanding } from '@/lib/domain/sessions/session-limits'

/**
 * The one check every session token goes through, cookie or bearer (SECURITY.md SN-01/SN-02):
 * the limits of its holder as they are now (active staff: 15 idle minutes, anyone else 30;
 * 12 hours in all). A session past a limit is deleted and refused, whatever the cookie's own
 * expiry says; a live one is marked as used now, which is what its idle time counts from.
 */
export async function checkSessionToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<{ userId: string; secondFactor: boolean } | null> {
  const [row] = await db
    .select({
      userId: sessions.userId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expires: sessions.expires,
      secondFactorAt: sessions.secondFactorAt,
      staffActive: staffMembers.active,
    })
    .from(sessions)
    .leftJoin(staffMembers, eq(staffMembers.userId, sessions.userId))
    .where(eq(sessions.sessionToken, token))
  if (!row) return null
  if (!sessionStanding(sessionHolder(row.staffActive), row, now).live) {
    await db.delete(sessions).where(eq(sessions.sessionToken, token))
    return null
  }
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.sessionToken, token))
  // Staff reach nothing of theirs until this session passed the second factor (SF-01).
  return { userId: row.userId, secondFactor: row.secondFactorAt !== null }
}
