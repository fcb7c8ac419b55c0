import { stripSpacesAndMarks, toLatinDigits } from '../digits'

// Rules of the staff second factor (SECURITY.md SF-01..06). TOTP as RFC 6238 describes it with
// the authenticator apps' defaults (SHA-1, 6 digits, 30 seconds); one step of clock drift
// either way is accepted, as RFC 6238 §5.2 recommends.
export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6
export const TOTP_DRIFT_STEPS = 1
// Wrong codes one session may type before it is ended (SF-04).
export const SECOND_FACTOR_MAX_FAILURES = 5
export const RECOVERY_CODE_COUNT = 10

// Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand stays one code.
export const RECOVERY_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
// 12 characters of 5 bits: 60 bits per code, far past any number of tries SF-04 allows.
export const RECOVERY_CODE_LENGTH = 12
const GROUP = 4

/** The time step a moment falls in. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS)
}

/** Turns random integers in [0, 32) into a code; the caller supplies the randomness. */
export function formatRecoveryCode(indexes: readonly number[]): string {
  if (
    indexes.length !== RECOVERY_CODE_LENGTH ||
    indexes.some((i) => !Number.isInteger(i) || i < 0 || i >= RECOVERY_CODE_ALPHABET.length)
  ) {
    throw new RangeError('a recovery code needs 12 characters of the alphabet')
  }
  const chars = indexes.map((i) => RECOVERY_CODE_ALPHABET[i]!).join('')
  return chars.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-')
}

// What people type for the letters the alphabet leaves out (Crockford's decoding rules).
const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1' }

/**
 * A typed recovery code as it is stored: upper case, without dashes, spaces or direction
 * marks, with Arabic or Persian digits as 0–9 and O, I, L read as 0, 1, 1. Null when what is
 * left is not a code's shape.
 */
export function normaliseRecoveryCode(input: string): string | null {
  const plain = toLatinDigits(stripSpacesAndMarks(input))
    .replace(/[-‐‑–—_]/g, '')
    .toUpperCase()
    .replace(/[OIL]/g, (ch) => LOOK_ALIKES[ch]!)
  if (plain.length !== RECOVERY_CODE_LENGTH) return null
  return [...plain].every((ch) => RECOVERY_CODE_ALPHABET.includes(ch)) ? plain : null
}

export type SecondFactorInput = { kind: 'totp'; code: string } | { kind: 'recovery'; code: string }

/** One box takes both: six digits are an app code, anything else is read as a recovery code. */
export function readSecondFactorInput(input: string): SecondFactorInput | null {
  const digits = toLatinDigits(stripSpacesAndMarks(input))
  if (new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(digits)) return { kind: 'totp', code: digits }
  const recovery = normaliseRecoveryCode(input)
  return recovery ? { kind: 'recovery', code: recovery } : null
}

/** Tries left after this many wrong ones; 0 means the session ends. */
export function secondFactorTriesLeft(failures: number): number {
  return Math.max(0, SECOND_FACTOR_MAX_FAILURES - failures)
}
