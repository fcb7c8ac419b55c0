import 'server-only'
import type { Db } from '@/db'
import { checkSessionToken } from './session-check'

// Session tokens are 32 random bytes in base64url (auth.ts); anything else is not one of ours.
const BEARER = /^Bearer ([A-Za-z0-9_-]{20,128})$/

/** The session token in an `Authorization: Bearer …` header, or null. */
export function bearerToken(authorization: string | null | undefined): string | null {
  return BEARER.exec(authorization?.trim() ?? '')?.[1] ?? null
}

/**
 * The user of a database session presented as a bearer token, for scripts that cannot keep a
 * cookie, and whether the session passed the staff second factor (SF-01). Exactly the cookie's
 * rules (session-check.ts): idle and absolute limits by holder; a request counts as activity,
 * and a session past a limit is deleted.
 */
export async function sessionForToken(
  db: Db,
  token: string,
): Promise<{ userId: string; secondFactor: boolean } | null> {
  return checkSessionToken(db, token)
}
