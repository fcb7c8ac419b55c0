// How an extension's documents reach the directorate (domain.md §4, "Extension" row; sources
// arpdanismanlik 2018, moduminfo 2017, marked [U] for current practice, hence a setting per
// directorate rather than a constant): most provinces give an appointment; fifteen large ones
// take the documents by post within 5 working days; İstanbul takes them by post too, but
// assigns a visit when the personal data changed since the earlier application.
import { addDays, isIsoDate, type IsoDate } from './dates'

export const EXTENSION_ROUTES = ['appointment', 'post', 'appointment_if_data_changed'] as const
export type ExtensionRoute = (typeof EXTENSION_ROUTES)[number]

/** What the applicant does after sending an extension. */
export type ExtensionStep = 'appointment' | 'post'

/** Working days the applicant has to post the documents (domain.md §4). */
export const POSTAL_DOCUMENTS_WORKING_DAYS = 5

export function isExtensionRoute(value: unknown): value is ExtensionRoute {
  return typeof value === 'string' && (EXTENSION_ROUTES as readonly string[]).includes(value)
}

export function extensionStep(route: ExtensionRoute, personalDataChanged: boolean): ExtensionStep {
  if (route === 'appointment') return 'appointment'
  if (route === 'post') return 'post'
  return personalDataChanged ? 'appointment' : 'post'
}

// The answers that are "personal data" for the İstanbul rule: who the person is and the
// passport they hold. Contact details (the phone), the address and the insurance change often
// and are checked from the documents.
const PERSONAL_DATA_FIELDS: Record<'personal' | 'passport', readonly string[]> = {
  personal: [
    'givenNames',
    'surname',
    'dateOfBirth',
    'nationality',
    'fatherName',
    'motherName',
    'foreignerIdNumber',
  ],
  passport: ['passportNumber', 'passportValidUntil'],
}

/**
 * Whether the personal data of an extension differs from what the portal filled in from the
 * earlier application (`formData.prefill`). Without an earlier answer to compare with, the
 * data cannot be shown to match, so it counts as changed and the person is seen in person.
 */
export function personalDataChanged(formData: Record<string, unknown>): boolean {
  const prefill = asRecord(formData.prefill)
  for (const [section, fields] of Object.entries(PERSONAL_DATA_FIELDS)) {
    const before = asRecord(prefill[section])
    const now = asRecord(formData[section])
    if (Object.keys(before).length === 0) return true
    for (const key of fields) if (normalise(before[key]) !== normalise(now[key])) return true
  }
  return false
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function normalise(value: unknown): string {
  if (value === undefined || value === null) return ''
  return String(value).trim().toLocaleUpperCase('tr')
}

/**
 * The last day to post the documents: `workingDays` working days after `sentOn` (the day of
 * sending does not count). Saturdays, Sundays and the given holidays are not working days.
 */
export function postalDeadline(
  sentOn: IsoDate,
  holidays: ReadonlySet<IsoDate>,
  workingDays = POSTAL_DOCUMENTS_WORKING_DAYS,
): IsoDate {
  if (!isIsoDate(sentOn)) throw new RangeError(`not an ISO date: ${sentOn}`)
  if (!Number.isSafeInteger(workingDays) || workingDays < 1 || workingDays > 366)
    throw new RangeError(`workingDays out of range: ${workingDays}`)
  let day = sentOn
  let left = workingDays
  while (left > 0) {
    day = addDays(day, 1)
    if (isWorkingDay(day, holidays)) left--
  }
  return day
}

export function isWorkingDay(day: IsoDate, holidays: ReadonlySet<IsoDate>): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !holidays.has(day)
}
