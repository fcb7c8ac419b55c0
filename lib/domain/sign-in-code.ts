// Rules for the e-mailed one-time sign-in code. The limits answer ASVS 6.5/6.6: a code lives
// ten minutes, is used once, and a handful of wrong guesses ends it.
export const SIGN_IN_CODE_LENGTH = 6
export const SIGN_IN_CODE_TTL_SECONDS = 10 * 60
export const SIGN_IN_MAX_WRONG_ATTEMPTS = 5
export const SIGN_IN_MAX_CODES_PER_WINDOW = 5
export const SIGN_IN_SEND_WINDOW_SECONDS = 60 * 60
// Codes one client address may ask for per window, for any addresses. High enough for an
// office behind one address; far below the 30 in 1.7 s of the attack in issue 14.
export const SIGN_IN_MAX_CODES_PER_CLIENT = 20

export const SIGN_IN_AUDIENCES = ['applicant', 'staff'] as const
export type SignInAudience = (typeof SIGN_IN_AUDIENCES)[number]

/** Turns uniform random integers in [0, 10) into a code; the caller supplies the randomness. */
export function formatSignInCode(digits: readonly number[]): string {
  if (
    digits.length !== SIGN_IN_CODE_LENGTH ||
    digits.some((d) => !Number.isInteger(d) || d < 0 || d > 9)
  ) {
    throw new RangeError('a sign-in code needs six digits')
  }
  return digits.join('')
}

export function looksLikeSignInCode(value: string): boolean {
  return new RegExp(`^\\d{${SIGN_IN_CODE_LENGTH}}$`).test(value)
}

export type SendWindow = { sendCount: number; windowStartedAt: Date }

/** Seconds until another code may be sent, or 0 when one may be sent now. */
export function secondsUntilNextCode(window: SendWindow | null, now: Date): number {
  if (!window) return 0
  const windowEnds = window.windowStartedAt.getTime() + SIGN_IN_SEND_WINDOW_SECONDS * 1000
  if (now.getTime() >= windowEnds) return 0
  if (window.sendCount < SIGN_IN_MAX_CODES_PER_WINDOW) return 0
  return Math.ceil((windowEnds - now.getTime()) / 1000)
}
