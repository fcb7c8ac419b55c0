import 'server-only'
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { authSecret, isSecureDeployment } from '../env'

// A browser that has signed in to an address before carries a signed cookie naming that
// address (by keyed hash). Requests for codes from it count against their own limit, so an
// attacker who has used up the address's shared limit cannot lock its owner out (issue 14).

export const DEVICE_COOKIE = isSecureDeployment() ? '__Host-ikamet.device' : 'ikamet.device'
const DEVICE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60

const sign = (id: string, email: string) =>
  createHmac('sha256', authSecret()).update(`device:${id}:${email}`).digest('base64url')

/** The Set-Cookie value for a browser that has just signed in as `email`. */
export function deviceCookieHeader(email: string): string {
  const id = randomBytes(16).toString('base64url')
  const secure = isSecureDeployment() ? '; Secure' : ''
  return `${DEVICE_COOKIE}=${id}.${sign(id, email)}; Path=/; Max-Age=${DEVICE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure}`
}

/**
 * The device's id when the cookie is genuine and was issued to a sign-in as `email`;
 * otherwise null (absent, forged, or another address's).
 */
export function trustedDeviceId(cookie: string | undefined, email: string): string | null {
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(cookie ?? '')
  if (!match) return null
  const [, id, signature] = match
  const expected = Buffer.from(sign(id!, email))
  const given = Buffer.from(signature!)
  return expected.length === given.length && timingSafeEqual(expected, given) ? id! : null
}
