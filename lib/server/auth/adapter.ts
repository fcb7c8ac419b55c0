import 'server-only'
import { DrizzleAdapter } from '@auth/drizzle-adapter'
import type { Adapter } from 'next-auth/adapters'
import type { Db } from '@/db'
import { accounts, sessions, users, verificationTokens } from '@/db/schema'
import { deviceFromUserAgent } from '@/lib/domain/sessions/device'
import { checkSessionToken } from './session-check'

/**
 * The Drizzle adapter with three changes: verification tokens are written by the e-mail
 * provider together with the outbox message (one transaction); a new session records the
 * names of the browser and system that signed in (for the person's list of sessions); and a
 * session is only returned while it is within its limits (session-check.ts), else deleted.
 * `userAgent` is the header of the request Auth.js is answering, when there is one.
 */
export function createAdapter(db: Db, userAgent?: string | null): Adapter {
  const base = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  })
  return {
    ...base,
    createVerificationToken: async (token) => token,
    createSession: async (data) => {
      const [row] = await db
        .insert(sessions)
        .values({ ...data, ...deviceFromUserAgent(userAgent) })
        .returning({
          sessionToken: sessions.sessionToken,
          userId: sessions.userId,
          expires: sessions.expires,
        })
      return row!
    },
    getSessionAndUser: async (sessionToken) => {
      if (!(await checkSessionToken(db, sessionToken))) return null
      return base.getSessionAndUser!(sessionToken)
    },
  }
}
