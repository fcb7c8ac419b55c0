import 'server-only'
import { normaliseIdentityInput } from '@/lib/domain/identity-numbers'
import { normalisePassportNumber } from '@/lib/domain/passport-number'
import { isSealed, lookupHash, openField, sealField } from './field-encryption'

// Where the identity numbers of an application live (SECURITY.md PD-01..PD-04). In memory the
// answers keep their shape (`passport.passportNumber`, `personal.foreignerIdNumber`), so forms,
// checks and the case page read them as before. In the database the two numbers are never in
// `form_data`: each is sealed in its own column beside a keyed hash for lookups. The copy in
// `form_data.prefill` and the sponsor's number keep their places, sealed (IN_PLACE below).

export const PASSPORT_FIELD = { section: 'passport', key: 'passportNumber' } as const
export const FOREIGNER_ID_FIELD = { section: 'personal', key: 'foreignerIdNumber' } as const
const FIELDS = [PASSPORT_FIELD, FOREIGNER_ID_FIELD] as const

/** The encryption contexts: a sealed value opens only as the field it was sealed for. */
export const CONTEXT = {
  passport: 'applications.passport_number',
  foreignerId: 'applications.foreigner_id',
  permitHolderForeignerId: 'residence_permits.holder_foreigner_id',
} as const

export type IdentityColumns = {
  passportNumberSealed: string | null
  passportNumberHash: string | null
  passportTailHash: string | null
  foreignerIdSealed: string | null
  foreignerIdHash: string | null
}

export type SealedNumbers = Pick<IdentityColumns, 'passportNumberSealed' | 'foreignerIdSealed'>

type Answers = Record<string, unknown>

const asRecord = (v: unknown): Answers | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Answers) : null
const textOf = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null)

/** The passport number as lookups compare it: the normalised form, else trimmed upper case. */
export function normalisedPassport(value: string): string {
  return normalisePassportNumber(value) ?? value.trim().toUpperCase()
}

export const passportHash = (value: string) => lookupHash('passport', normalisedPassport(value))
/** The call-centre check asks for the last four characters only (ARCHITECTURE.md). */
export const passportTailHash = (lastFour: string) =>
  lookupHash('passport-last-four', lastFour.toUpperCase())
export const foreignerIdHash = (value: string) =>
  lookupHash('foreigner-id', normaliseIdentityInput(value))

function passportColumns(clear: string | null) {
  if (!clear)
    return { passportNumberSealed: null, passportNumberHash: null, passportTailHash: null }
  const normalised = normalisedPassport(clear)
  return {
    passportNumberSealed: sealField(clear, CONTEXT.passport),
    passportNumberHash: passportHash(clear),
    passportTailHash: normalised.length >= 4 ? passportTailHash(normalised.slice(-4)) : null,
  }
}

function foreignerIdColumns(clear: string | null) {
  if (!clear) return { foreignerIdSealed: null, foreignerIdHash: null }
  return {
    foreignerIdSealed: sealField(clear, CONTEXT.foreignerId),
    foreignerIdHash: foreignerIdHash(clear),
  }
}

function without(section: Answers, key: string): Answers {
  return Object.fromEntries(Object.entries(section).filter(([k]) => k !== key))
}

// Numbers sealed where they stand in `form_data`: nothing looks them up. The prefill copy is
// what an extension was filled in with (staff see what changed); the sponsor's number is a
// third person's.
export const IN_PLACE = [
  {
    path: ['prefill', 'passport', 'passportNumber'],
    context: 'applications.prefill.passport_number',
  },
  {
    path: ['prefill', 'personal', 'foreignerIdNumber'],
    context: 'applications.prefill.foreigner_id',
  },
  { path: ['sponsor', 'sponsorIdentityNumber'], context: 'applications.sponsor_identity_number' },
] as const

function mapAt(node: Answers, path: readonly string[], map: (value: string) => string): Answers {
  const [head, ...rest] = path
  if (head === undefined) return node
  if (rest.length === 0) {
    const value = textOf(node[head])
    return value ? { ...node, [head]: map(value) } : node
  }
  const child = asRecord(node[head])
  return child ? { ...node, [head]: mapAt(child, rest, map) } : node
}

function mapInPlace(answers: Answers, map: (value: string, context: string) => string): Answers {
  return IN_PLACE.reduce(
    (acc, { path, context }) => mapAt(acc, path, (value) => map(value, context)),
    answers,
  )
}

const sealInPlace = (answers: Answers) =>
  mapInPlace(answers, (value, context) => (isSealed(value) ? value : sealField(value, context)))

/**
 * Answers as the database stores them: both numbers taken out into their columns (sealed,
 * hashed), the prefill copy sealed in place. Nothing else changes.
 */
export function sealIdentityNumbers(answers: Answers): {
  formData: Answers
  columns: IdentityColumns
} {
  let formData = sealInPlace(answers)
  const clear: Record<string, string | null> = {}
  for (const field of FIELDS) {
    const section = asRecord(formData[field.section])
    clear[field.key] = textOf(section?.[field.key])
    if (section && field.key in section)
      formData = { ...formData, [field.section]: without(section, field.key) }
  }
  return {
    formData,
    columns: {
      ...passportColumns(clear[PASSPORT_FIELD.key] ?? null),
      ...foreignerIdColumns(clear[FOREIGNER_ID_FIELD.key] ?? null),
    },
  }
}

/**
 * One task's answers as saved into a draft: the task's number (if it holds one) goes to its
 * columns, whatever the answer was before, and the rest into `form_data`.
 */
export function sealSectionNumbers(
  section: string,
  values: Answers,
): { values: Answers; columns: Partial<IdentityColumns> } {
  if (section === PASSPORT_FIELD.section)
    return {
      values: without(values, PASSPORT_FIELD.key),
      columns: passportColumns(textOf(values[PASSPORT_FIELD.key])),
    }
  if (section === FOREIGNER_ID_FIELD.section)
    return {
      values: without(values, FOREIGNER_ID_FIELD.key),
      columns: foreignerIdColumns(textOf(values[FOREIGNER_ID_FIELD.key])),
    }
  return { values: sealInPlace({ [section]: values })[section] as Answers, columns: {} }
}

/** What an insert writes: the answers without the numbers, and the numbers' columns. */
export function storedAnswers(answers: Answers): { formData: Answers } & IdentityColumns {
  const { formData, columns } = sealIdentityNumbers(answers)
  return { formData, ...columns }
}

/** The answers with both numbers back in their places, for the person and the staff who may see them. */
export function openIdentityNumbers(stored: Answers, sealed: SealedNumbers): Answers {
  let answers = mapInPlace(stored, (value, context) =>
    isSealed(value) ? openField(value, context) : value,
  )
  const put = (field: (typeof FIELDS)[number], value: string) => {
    answers = {
      ...answers,
      [field.section]: { ...asRecord(answers[field.section]), [field.key]: value },
    }
  }
  if (sealed.passportNumberSealed)
    put(PASSPORT_FIELD, openField(sealed.passportNumberSealed, CONTEXT.passport))
  if (sealed.foreignerIdSealed)
    put(FOREIGNER_ID_FIELD, openField(sealed.foreignerIdSealed, CONTEXT.foreignerId))
  return answers
}

/** A permit holder's foreigner identity number, sealed and hashed (residence_permits). */
export function sealPermitHolderId(clear: string | null) {
  if (!clear) return { holderForeignerIdSealed: null, holderForeignerIdHash: null }
  return {
    holderForeignerIdSealed: sealField(clear, CONTEXT.permitHolderForeignerId),
    holderForeignerIdHash: foreignerIdHash(clear),
  }
}
