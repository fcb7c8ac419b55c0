import { toAsciiDigits } from './identity-numbers'

/**
 * Digits typed on Arabic and Persian keyboards (U+0660–0669, U+06F0–06F9) as 0–9, everything
 * else unchanged: people type numbers and dates on the keyboard they have.
 */
export function toLatinDigits(value: string): string {
  return toAsciiDigits(value)
}
