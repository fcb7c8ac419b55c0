import { stripSpacesAndMarks, toLatinDigits } from './digits'

// ICAO 9303 sets aside 9 characters in the machine-readable zone, but longer numbers exist (they
// overflow into the optional-data field), so the bounds are wide; the lower bound stops stray
// fragments, the upper one stops pasted paragraphs.
export const PASSPORT_NUMBER_MIN_LENGTH = 5
export const PASSPORT_NUMBER_MAX_LENGTH = 20

// Hyphens and the dashes that word processors and phones substitute for them.
const DASHES = /[-\u2010-\u2015\u2212]/g

/**
 * Turns a typed passport or travel-document number into the form it is stored and compared in:
 * upper case A–Z and 0–9 only. Returns null when the result cannot be a document number.
 */
export function normalisePassportNumber(value: string): string | null {
  const compact = toLatinDigits(stripSpacesAndMarks(value).replace(DASHES, ''))
    // A Turkish keyboard has separate dotted and dotless i keys; the document has only I.
    .replace(/[İı]/g, 'I')
  // Checked before upper-casing, which would turn ß into SS or ﬁ into FI.
  if (!/^[A-Za-z0-9]+$/.test(compact) || !/[0-9]/.test(compact)) return null
  if (compact.length < PASSPORT_NUMBER_MIN_LENGTH || compact.length > PASSPORT_NUMBER_MAX_LENGTH) {
    return null
  }
  const upper = compact.toUpperCase()
  // 0000000 or 1111111 is a placeholder, not a number anyone was issued.
  if (/^(.)\1*$/.test(upper)) return null
  return upper
}
