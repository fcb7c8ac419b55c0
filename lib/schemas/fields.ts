import { z } from 'zod'
import { normaliseNumericInput, toLatinDigits } from '@/lib/domain/digits'

// Field rules shared by every form. Messages are i18n keys, translated where they are shown.
// Only digit handling here: fields that need a country list or phone metadata live in
// person-fields.ts, so a form without them (sign-in, status lookup) does not ship them.

export const requiredText = (max = 100) =>
  z
    .string({ error: 'validation:required' })
    .trim()
    .min(1, { error: 'validation:required' })
    .max(max, { error: 'validation:tooLong' })

export const optionalText = (max = 100) =>
  z
    .string()
    .trim()
    .max(max, { error: 'validation:tooLong' })
    .optional()
    .transform((v) => (v ? v : undefined))

/**
 * A field typed as digits: Arabic-Indic and Persian digits count as 0–9 and spaces or
 * direction marks are dropped before `schema` checks it, in the browser and on the server.
 */
export function numericInput<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' ? normaliseNumericInput(v) : v), schema)
}

export const personName = requiredText(80).regex(/^[\p{L}\p{M}' .-]+$/u, {
  error: 'validation:name.invalid',
})

function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number)
  const date = new Date(Date.UTC(y!, m! - 1, d!))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d
}

export const isoDate = numericInput(
  z
    .string({ error: 'validation:date.required' })
    .min(1, { error: 'validation:date.required' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation:date.invalid' })
    .refine(isCalendarDate, { error: 'validation:date.invalid' })
    .refine((v) => v >= '1900-01-01' && v <= '2100-12-31', { error: 'validation:date.invalid' }),
)

/** Whole months as typed in a text box: digits only, within the limits the caller sets. */
export const monthsField = (max: number) =>
  numericInput(
    z
      .string({ error: 'validation:required' })
      .regex(/^\d{1,3}$/, { error: 'validation:months.invalid' })
      .transform(Number)
      .refine((n) => n >= 1 && n <= max, { error: 'validation:months.range' }),
  )

export const DATE_PART_SUFFIXES = ['day', 'month', 'year'] as const

/**
 * Joins the three boxes of a GOV.UK date input (`<name>-day`, `-month`, `-year`) into one ISO
 * date. Anything not a number stays visibly wrong so the schema reports it.
 */
export function collapseDateParts(
  raw: Record<string, string>,
  names: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = { ...raw }
  for (const name of names) {
    const [day, month, year] = DATE_PART_SUFFIXES.map((s) =>
      normaliseNumericInput(raw[`${name}-${s}`] ?? ''),
    )
    for (const s of DATE_PART_SUFFIXES) delete out[`${name}-${s}`]
    if (!day && !month && !year) continue
    const ok = /^\d{1,2}$/.test(day!) && /^\d{1,2}$/.test(month!) && /^\d{4}$/.test(year!)
    out[name] = ok ? `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}` : 'invalid'
  }
  return out
}

/** The three boxes exactly as typed, to give them back when the form comes back with errors. */
export function typedDateParts(
  raw: Record<string, string>,
  names: readonly string[],
): Record<string, string> {
  const keys = names.flatMap((name) => DATE_PART_SUFFIXES.map((s) => `${name}-${s}`))
  return Object.fromEntries(keys.filter((k) => k in raw).map((k) => [k, raw[k]!]))
}

/**
 * What the three boxes of `name` show: what the person typed when the form came back, else
 * the stored date.
 */
export function dateFieldValue(
  values: Partial<Record<string, string>>,
  name: string,
): { day: string; month: string; year: string } {
  const [day, month, year] = DATE_PART_SUFFIXES.map((s) => values[`${name}-${s}`])
  if (day === undefined && month === undefined && year === undefined)
    return splitIsoDate(values[name])
  return { day: day ?? '', month: month ?? '', year: year ?? '' }
}

/** The opposite, to fill the three boxes again from a stored ISO date. */
export function splitIsoDate(value: unknown): { day: string; month: string; year: string } {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null
  if (!match) return { day: '', month: '', year: '' }
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! }
}

/**
 * A form whose dates come as three boxes (`<name>-day`, `-month`, `-year`): every text field
 * with its digits in 0–9, each date joined into one field, then `schema`.
 */
export function withDateBoxes<T extends z.ZodType>(names: readonly string[], schema: T) {
  return z.preprocess(
    (raw) =>
      raw && typeof raw === 'object'
        ? collapseDateParts(
            Object.fromEntries(
              Object.entries(raw as Record<string, unknown>).map(([k, v]) => [
                k,
                typeof v === 'string' ? toLatinDigits(v) : '',
              ]),
            ),
            names,
          )
        : raw,
    schema,
  )
}
