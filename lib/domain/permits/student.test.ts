import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addMonths, fromEpochDay, toEpochDay } from './dates'
import { checkStudentPeriod } from './student'

const start = '2026-01-31'

describe('checkStudentPeriod (Law 6458 art. 38–39, Reg. art. 35–39)', () => {
  it('gives primary and secondary pupils one year at a time', () => {
    const school = { level: 'school', startDate: start, programmeEndsOn: '2030-06-30' } as const
    expect(checkStudentPeriod({ ...school, months: 12 })).toEqual({ ok: true })
    expect(checkStudentPeriod({ ...school, months: 13 })).toEqual({
      ok: false,
      reason: 'school_one_year',
    })
  })
  it('covers a programme to its end, and not beyond when more than a year', () => {
    const uni = {
      level: 'higher_education',
      startDate: start,
      programmeEndsOn: '2030-01-31',
    } as const
    expect(checkStudentPeriod({ ...uni, months: 48 })).toEqual({ ok: true })
    expect(checkStudentPeriod({ ...uni, months: 49 })).toEqual({
      ok: false,
      reason: 'student_beyond_programme',
      programmeEndsOn: '2030-01-31',
    })
  })
  it('goes on past the normal length in steps of at most a year', () => {
    const late = {
      level: 'higher_education',
      startDate: start,
      programmeEndsOn: '2026-06-30',
    } as const
    expect(checkStudentPeriod({ ...late, months: 12 })).toEqual({ ok: true })
    expect(checkStudentPeriod({ ...late, months: 13 }).ok).toBe(false)
  })
  it('refuses a programme that has already ended', () => {
    expect(
      checkStudentPeriod({
        level: 'higher_education',
        startDate: start,
        months: 6,
        programmeEndsOn: '2026-01-30',
      }),
    ).toEqual({ ok: false, reason: 'programme_ended' })
  })
  it('accepts exactly the months that end on the programme end, month ends clamped (property)', () => {
    const day = fc
      .integer({ min: toEpochDay('2000-01-01'), max: toEpochDay('2080-12-31') })
      .map(fromEpochDay)
    fc.assert(
      fc.property(day, fc.integer({ min: 13, max: 96 }), (startDate, months) => {
        const programmeEndsOn = addMonths(startDate, months)
        const check = (m: number) =>
          checkStudentPeriod({ level: 'higher_education', startDate, months: m, programmeEndsOn })
            .ok
        expect(check(months)).toBe(true)
        expect(check(months + 1)).toBe(false)
      }),
    )
  })
})
