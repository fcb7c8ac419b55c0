// 29 symbols, a prime count, with the look-alikes left out (0/O, 1/I, 2/Z, 5/S, 8/B keep only
// the digit). A prime modulus with distinct weights makes the check character catch every
// single wrong character and every swap of two characters.
export const REFERENCE_ALPHABET = '23456789ACDEFGHJKLMNPQRTUVWXY'
const MODULUS = REFERENCE_ALPHABET.length
export const REFERENCE_PAYLOAD_LENGTH = 9

function checkCharacterFor(values: readonly number[]): string {
  const sum = values.reduce((acc, v, i) => acc + (i + 1) * v, 0)
  return REFERENCE_ALPHABET[sum % MODULUS]!
}

function format(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`
}

/**
 * Builds a reference from random symbol indexes (0..28) supplied by the caller, so the rule
 * stays pure; the server passes values from a cryptographic generator.
 */
export function makeReferenceNumber(randomIndexes: readonly number[]): string {
  if (randomIndexes.length !== REFERENCE_PAYLOAD_LENGTH) {
    throw new RangeError(`need ${REFERENCE_PAYLOAD_LENGTH} random indexes`)
  }
  if (randomIndexes.some((v) => !Number.isInteger(v) || v < 0 || v >= MODULUS)) {
    throw new RangeError('random index out of range')
  }
  const payload = randomIndexes.map((v) => REFERENCE_ALPHABET[v]).join('')
  return format(payload + checkCharacterFor(randomIndexes))
}

export type ReferenceNumberCheck =
  { ok: true; reference: string } | { ok: false; problem: 'format' | 'check_character' }

// Spaces, dashes of any kind and the direction marks that text copied from a right-to-left
// page carries; none of them is part of a reference.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/**
 * Accepts what people type (lower case, spaces, missing dashes) and tells a reference that
 * cannot be one (wrong length or symbol) from one whose check character does not fit: a typo
 * the person can find, said before anything is looked up.
 */
export function checkReferenceNumber(input: string): ReferenceNumberCheck {
  const raw = input.toUpperCase().replace(SEPARATORS, '')
  if (raw.length !== REFERENCE_PAYLOAD_LENGTH + 1) return { ok: false, problem: 'format' }
  const values = [...raw].map((ch) => REFERENCE_ALPHABET.indexOf(ch))
  if (values.some((v) => v < 0)) return { ok: false, problem: 'format' }
  const payload = values.slice(0, REFERENCE_PAYLOAD_LENGTH)
  if (checkCharacterFor(payload) !== raw[REFERENCE_PAYLOAD_LENGTH])
    return { ok: false, problem: 'check_character' }
  return { ok: true, reference: format(raw) }
}

/** Accepts what people type (lower case, spaces, missing dashes); returns the canonical form or null. */
export function normaliseReferenceNumber(input: string): string | null {
  const checked = checkReferenceNumber(input)
  return checked.ok ? checked.reference : null
}
