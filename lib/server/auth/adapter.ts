import 'server-only'
import { DrizzleAdapter } from '@auth/drizzle-adapter'
import type { Adapter } from 'next-auth/adapters'
import { eq } from 'drizzle-orm'
import type { Db } from '@/db'
import { accounts, sessions, users, verificationTokens } from '@/db/schema'

// ASVS 7.3.2: Auth.js only slides `expires`; a session also ends 12 hours after sign-in.
export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000

/**
 * The Drizzle adapter with two changes: verification tokens are written by the e-mail
 * provider together with the outbox message (one transaction), and sessions past their
 * absolute lifetime are removed instead of returned.
 */
export function createAdapter(db: Db): Adapter {
  const base = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  })
  return {
    ...base,
    createVerificationToken: async (token) => token,
    getSessionAndUser: async (sessionToken) => {
      const [row] = await db
        .select({ createdAt: sessions.createdAt })
        .from(sessions)
        .where(eq(sessions.sessionToken, sessionToken))
      if (!row) return null
      if (Date.now() - row.createdAt.getTime() > SESSION_ABSOLUTE_LIFETIME_MS) {
        await db.delete(sessions).where(eq(sessions.sessionToken, sessionToken))
        return null
      }
      return base.getSessionAndUser!(sessionToken)
    },
  }
}
