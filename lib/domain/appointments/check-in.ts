// Rules for the counter: which day an appointment is on, when a missed one may be recorded,
// and whether the number the person shows matches the one in their application.
import { checkForeignerIdentityNumber, normaliseIdentityInput } from '../identity-numbers'
import { normalisePassportNumber } from '../passport-number'
import { addDays, type IsoDate } from '../permits/dates'
import { fromIstanbulWallTime, toIstanbulWallTime } from './istanbul-time'

/** The identity numbers an application recorded, as stored in its answers (unchecked). */
export type RecordedIdentity = { passportNumber: unknown; foreignerIdNumber: unknown }

const section = (formData: Record<string, unknown>, key: string): Record<string, unknown> => {
  const value = formData[key]
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
}

/** Picks the numbers out of an application's answers (passport, and the optional YKN). */
export function recordedIdentityOf(formData: Record<string, unknown>): RecordedIdentity {
  return {
    passportNumber: section(formData, 'passport').passportNumber,
    foreignerIdNumber: section(formData, 'personal').foreignerIdNumber,
  }
}

/**
 * Whether what the officer typed from the document in front of them is the passport number or
 * the foreigner identity number (YKN) of the application. Both sides are normalised the same
 * way (spaces, dashes, direction marks, Arabic and Persian digits, dotted İ), so a number
 * typed differently from the way the applicant typed it still matches; nothing else does.
 */
export function identityMatches(typed: string, recorded: RecordedIdentity): boolean {
  const passport = normalisePassportNumber(typed)
  const recordedPassport =
    typeof recorded.passportNumber === 'string'
      ? normalisePassportNumber(recorded.passportNumber)
      : null
  if (passport !== null && recordedPassport !== null && passport === recordedPassport) return true
  const foreignerId = normaliseIdentityInput(typed)
  const recordedId =
    typeof recorded.foreignerIdNumber === 'string'
      ? normaliseIdentityInput(recorded.foreignerIdNumber)
      : ''
  return (
    recordedId.length > 0 &&
    checkForeignerIdentityNumber(foreignerId, { enforceChecksum: false }) === 'valid' &&
    foreignerId === recordedId
  )
}

/** The instants a calendar day in Türkiye starts and ends (end exclusive). */
export function istanbulDayBounds(day: IsoDate): { from: Date; to: Date } {
  return {
    from: fromIstanbulWallTime(day, '00:00'),
    to: fromIstanbulWallTime(addDays(day, 1), '00:00'),
  }
}

/** Whether an instant falls on the given calendar day of an İstanbul clock. */
export function isOnIstanbulDay(instant: Date, day: IsoDate): boolean {
  return toIstanbulWallTime(instant).date === day
}

/** A missed appointment can only be recorded once its time has come. */
export function mayMarkNoShow(startsAt: Date, now: Date): boolean {
  return startsAt.getTime() <= now.getTime()
}
