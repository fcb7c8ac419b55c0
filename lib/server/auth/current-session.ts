import 'server-only'
import { cookies, headers } from 'next/headers'
import { SESSION_COOKIE_NAME } from './auth'
import { bearerToken } from './bearer-session'

/**
 * The session tokens this request carries (the cookie, and a bearer token from a script), to
 * tell "this device" from the person's other sessions. Callers match them only against the
 * actor's own sessions; the tokens never leave the server.
 */
export async function tokensOfThisRequest(): Promise<string[]> {
  const cookie = (await cookies()).get(SESSION_COOKIE_NAME)?.value
  const bearer = bearerToken((await headers()).get('authorization'))
  return [cookie, bearer].filter((t): t is string => typeof t === 'string' && t.length > 0)
}
