import 'server-only'
import { and, eq, gt } from 'drizzle-orm'
import type { Db } from '@/db'
import { sessions } from '@/db/schema'
import { SESSION_ABSOLUTE_LIFETIME_MS } from './adapter'

// Session tokens are 32 random bytes in base64url (auth.ts); anything else is not one of ours.
const BEARER = /^Bearer ([A-Za-z0-9_-]{20,128})$/

/** The session token in an `Authorization: Bearer …` header, or null. */
export function bearerToken(authorization: string | null | undefined): string | null {
  return BEARER.exec(authorization?.trim() ?? '')?.[1] ?? null
}

/**
 * The user of a database session presented as a bearer token, for scripts that cannot keep a
 * cookie, and whether the session passed the staff second factor (SF-01). The same session
 * rules as the cookie: not expired (idle timeout) and not older than the absolute lifetime.
 * Read only: it neither slides nor deletes the session.
 */
export async function sessionForToken(
  db: Db,
  token: string,
): Promise<{ userId: string; secondFactor: boolean } | null> {
  const now = Date.now()
  const [row] = await db
    .select({ userId: sessions.userId, secondFactorAt: sessions.secondFactorAt })
    .from(sessions)
    .where(
      and(
        eq(sessions.sessionToken, token),
        gt(sessions.expires, new Date(now)),
        gt(sessions.createdAt, new Date(now - SESSION_ABSOLUTE_LIFETIME_MS)),
      ),
    )
  return row ? { userId: row.userId, secondFactor: row.secondFactorAt !== null } : null
}
