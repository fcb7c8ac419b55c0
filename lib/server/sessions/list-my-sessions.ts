import 'server-only'
import { desc, eq, inArray } from 'drizzle-orm'
import { getDb } from '@/db'
import { sessions } from '@/db/schema'
import { sessionStanding, type SessionHolder } from '@/lib/domain/sessions/session-limits'
import type { MySession } from '@/lib/schemas/sessions'
import { requireSignedIn } from '../actor'
import { tokensOfThisRequest } from '../auth/current-session'

/**
 * The signed-in person's sessions (SECURITY.md SN-03), this device first, then the most
 * recently used. Sessions already past their limits are left out: the next request with them
 * deletes them anyway. The token is compared in SQL and never read into the answer.
 */
export async function listMySessions(): Promise<{ holder: SessionHolder; sessions: MySession[] }> {
  const actor = await requireSignedIn()
  const tokens = await tokensOfThisRequest()
  const db = await getDb()
  const rows = await db
    .select({
      id: sessions.publicId,
      browser: sessions.browser,
      os: sessions.os,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expires: sessions.expires,
      current: inArray(sessions.sessionToken, tokens),
    })
    .from(sessions)
    .where(eq(sessions.userId, actor.userId))
    .orderBy(desc(sessions.lastSeenAt))
  const now = new Date()
  const list = rows
    .filter((row) => row.current || sessionStanding(actor.kind, row, now).live)
    .map((row) => ({
      id: row.id,
      browser: row.browser,
      os: row.os,
      startedAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      current: Boolean(row.current),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current))
  return { holder: actor.kind, sessions: list }
}
