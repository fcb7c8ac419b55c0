import 'server-only'
import { randomBytes } from 'node:crypto'
import NextAuth from 'next-auth'
import { getDb } from '@/db'
import { writeAudit } from '../audit'
import { LONGEST_IDLE_MS } from '@/lib/domain/sessions/session-limits'
import { authSecret, isSecureDeployment } from '../env'
import { createAdapter } from './adapter'
import { emailCodeProvider } from './email-code-provider'

// The cookie's own expiry slides with the longest idle limit; the limits of each kind of
// account are enforced on the server whatever the cookie says (auth/session-check.ts).
const COOKIE_IDLE_SECONDS = LONGEST_IDLE_MS / 1000
export const SESSION_COOKIE_NAME = isSecureDeployment() ? '__Host-ikamet.session' : 'ikamet.session'

export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => {
  const db = await getDb()
  const secret = authSecret()
  const secure = isSecureDeployment()
  return {
    secret,
    trustHost: true,
    adapter: createAdapter(db, request?.headers.get('user-agent')),
    providers: [emailCodeProvider(db, secret)],
    session: {
      strategy: 'database',
      maxAge: COOKIE_IDLE_SECONDS,
      updateAge: 60,
      // 256 bits instead of the default UUID's 122 (ASVS 7.2.3 asks for at least 128).
      generateSessionToken: () => randomBytes(32).toString('base64url'),
    },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: SESSION_COOKIE_NAME,
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
    pages: { signIn: '/tr/sign-in', verifyRequest: '/tr/sign-in/code', error: '/tr/sign-in' },
    callbacks: {
      // Only the user id leaves the adapter; role and directorate are read per request.
      // `secondFactor`: this session passed the staff second factor (getActor, SF-01).
      session: ({ session, user }) =>
        Object.assign(
          { expires: session.expires, user: { id: user.id, email: user.email } } as typeof session,
          { secondFactor: Boolean((session as { secondFactorAt?: Date | null }).secondFactorAt) },
        ),
    },
    events: {
      signIn: async ({ user }) => {
        await db.transaction((tx) =>
          writeAudit(tx, {
            actorUserId: user.id ?? null,
            action: 'auth.signed_in',
            entityType: 'user',
            entityId: user.id ?? null,
          }),
        )
      },
    },
  }
})
