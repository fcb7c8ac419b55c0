import 'server-only'
import { and, eq, notInArray } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import type { EndSessionInput } from '@/lib/schemas/sessions'
import { AccessDenied, requireSignedIn } from '../actor'
import { writeAudit } from '../audit'
import { tokensOfThisRequest } from '../auth/current-session'
import { inTransaction } from '../transaction'

// Ending sessions from the person's own list (SECURITY.md SN-03). Every statement is scoped to
// the actor's sessions other than this device's: a guessed id of someone else's session, or of
// this one, finds nothing (404). Signing out is how this device's session ends.

/** The tokens that stand for "this device"; without one there is no "other" to tell apart. */
async function thisDevice(): Promise<string[]> {
  const tokens = await tokensOfThisRequest()
  if (tokens.length === 0) throw new AccessDenied('unauthenticated')
  return tokens
}

/** Ends one of my other sessions: that browser is signed out on its next request. */
export async function endMySession(input: EndSessionInput): Promise<void> {
  const actor = await requireSignedIn()
  const current = await thisDevice()
  await inTransaction(async (tx) => {
    const [ended] = await tx
      .delete(sessions)
      .where(
        and(
          eq(sessions.publicId, input.sessionId),
          eq(sessions.userId, actor.userId),
          notInArray(sessions.sessionToken, current),
        ),
      )
      .returning({ id: sessions.publicId })
    if (!ended) throw new AccessDenied('not_found')
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: 'auth.session_ended',
      entityType: 'session',
      entityId: ended.id,
    })
  })
}

/** Ends every session of mine but this device's. Answers how many ended. */
export async function endMyOtherSessions(): Promise<number> {
  const actor = await requireSignedIn()
  const current = await thisDevice()
  return inTransaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, actor.userId), notInArray(sessions.sessionToken, current)))
      .returning({ id: sessions.publicId })
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: 'auth.other_sessions_ended',
      entityType: 'user',
      entityId: actor.userId,
      details: { sessions: ended.map((s) => s.id) },
    })
    return ended.length
  })
}
