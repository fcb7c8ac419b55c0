// How long a signed-in session lasts (SECURITY.md SN-01). NIST SP 800-63B AAL2 and ASVS 7.3:
// staff, who reach every applicant's file, are signed out after 15 minutes without a request;
// applicants after 30; everyone 12 hours after signing in, however active.

const MINUTE = 60 * 1000

/** Whose session it is, for its idle limit: active staff, or anyone else who signed in. */
export type SessionHolder = 'staff' | 'applicant'

export const IDLE_LIMIT_MS: Record<SessionHolder, number> = {
  staff: 15 * MINUTE,
  applicant: 30 * MINUTE,
}
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * MINUTE

/**
 * Whose limits a session has, from the account as it is at this request: a staff member's
 * only while the account is switched on (`staffActive` null: no staff account at all).
 */
export function sessionHolder(staffActive: boolean | null): SessionHolder {
  return staffActive === true ? 'staff' : 'applicant'
}

/** The longest idle limit: what the cookie's own expiry (Auth.js `maxAge`) is set to. */
export const LONGEST_IDLE_MS = Math.max(...Object.values(IDLE_LIMIT_MS))

export type SessionTimes = {
  /** When the person signed in. */
  createdAt: Date
  /** The last request the session answered. */
  lastSeenAt: Date
  /** Auth.js's own expiry, which it slides on use. */
  expires: Date
}

export type SessionStanding =
  { live: true; endsAt: Date } | { live: false; reason: 'idle' | 'absolute' | 'expired' }

/** When the session ends if nothing more happens: the earlier of the two limits. */
export function sessionEndsAt(holder: SessionHolder, times: SessionTimes): Date {
  const idleEnd = times.lastSeenAt.getTime() + IDLE_LIMIT_MS[holder]
  const absoluteEnd = times.createdAt.getTime() + ABSOLUTE_LIFETIME_MS
  return new Date(Math.min(idleEnd, absoluteEnd))
}

/**
 * Whether a session may answer a request made at `now`. A limit reached exactly is reached:
 * the session has ended. The absolute limit is named first, since no activity would help.
 */
export function sessionStanding(
  holder: SessionHolder,
  times: SessionTimes,
  now: Date,
): SessionStanding {
  const at = now.getTime()
  if (at >= times.createdAt.getTime() + ABSOLUTE_LIFETIME_MS)
    return { live: false, reason: 'absolute' }
  if (at >= times.lastSeenAt.getTime() + IDLE_LIMIT_MS[holder])
    return { live: false, reason: 'idle' }
  if (at >= times.expires.getTime()) return { live: false, reason: 'expired' }
  return { live: true, endsAt: sessionEndsAt(holder, times) }
}
