// Arabic and Persian keyboards type U+0660–0669 (٠…٩) and U+06F0–06F9 (۰…۹); a regex's `\d`
// and every check in this code expect 0–9, so numbers are mapped before they are checked.
const ARABIC_INDIC_ZERO = 0x0660
const PERSIAN_ZERO = 0x06f0

/** The same text with Arabic-Indic and Persian digits as 0–9; everything else as it was. */
export function toLatinDigits(value: string): string {
  return value.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (ch) => {
    const code = ch.charCodeAt(0)
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO)
  })
}
