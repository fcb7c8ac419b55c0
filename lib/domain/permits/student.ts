// Student residence permit periods (Law 6458 art. 38–39; Reg. art. 35–39; domain.md §3),
// issue 12 item 10. The permit covers the programme; past its normal length it goes on in
// steps of at most a year. Primary and secondary pupils get one year at a time. The longest
// grant of all is data (permit_types.max_months_per_grant, checked by `checkRequestedMonths`).
import { compareIsoDates, type IsoDate } from './dates'
import { requestedEndDate } from './timing'

export const STUDY_LEVELS = ['higher_education', 'school'] as const
export type StudyLevel = (typeof STUDY_LEVELS)[number]

/** The longest step: one year (art. 39 and Reg. art. 37). */
export const STUDENT_STEP_MONTHS = 12

export type StudentPeriodCheck =
  | { ok: true }
  | { ok: false; reason: 'school_one_year' | 'programme_ended' }
  | { ok: false; reason: 'student_beyond_programme'; programmeEndsOn: IsoDate }

export function checkStudentPeriod(input: {
  level: StudyLevel
  startDate: IsoDate
  months: number
  programmeEndsOn: IsoDate
}): StudentPeriodCheck {
  const { level, startDate, months, programmeEndsOn } = input
  // Reg. art. 35: pupils below higher education get one-year permits.
  if (level === 'school' && months > STUDENT_STEP_MONTHS)
    return { ok: false, reason: 'school_one_year' }
  if (compareIsoDates(programmeEndsOn, startDate) < 0)
    return { ok: false, reason: 'programme_ended' }
  // A year or less is always one step (also past the normal length); more must stay within it.
  if (
    months > STUDENT_STEP_MONTHS &&
    compareIsoDates(requestedEndDate(startDate, months), programmeEndsOn) > 0
  )
    return { ok: false, reason: 'student_beyond_programme', programmeEndsOn }
  return { ok: true }
}
