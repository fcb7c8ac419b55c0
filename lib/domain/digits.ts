// One place that reads digits as people type them. Arabic and Persian keyboards give
// U+0660–0669 (٠…٩) and U+06F0–06F9 (۰…۹); to a regex these are not `\d`, and `Number('۱۲')` is
// NaN, so every numeric input goes through here before it is checked, in the browser and on
// the server alike.

const ARABIC_INDIC_ZERO = 0x0660
const PERSIAN_ZERO = 0x06f0
const EASTERN_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/g

/** Arabic-Indic and Persian digits as 0–9; every other character is kept as it is. */
export function toLatinDigits(value: string): string {
  return value.replace(EASTERN_DIGIT, (ch) => {
    const code = ch.charCodeAt(0)
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO)
  })
}

// Text pasted from right-to-left documents carries invisible direction marks (LRM, RLM, ALM,
// isolates) and zero-width characters that `\s` does not match but that break an exact match.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g

/** Removes what people and keyboards add around and inside a number; keeps anything else as typed. */
export function stripSpacesAndMarks(value: string): string {
  return value.replace(INVISIBLE, '').replace(/\s+/g, '')
}

/**
 * What a numeric box (code, day, month, year, months, postcode) should hold before it is
 * checked: 0–9 without spaces or direction marks. Anything else stays, so the check refuses it
 * with the field's own message.
 */
export function normaliseNumericInput(value: string): string {
  return toLatinDigits(stripSpacesAndMarks(value))
}
