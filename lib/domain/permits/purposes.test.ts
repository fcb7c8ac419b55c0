import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, fromEpochDay, toEpochDay } from './dates'
import { checkShortTermPurpose } from './purposes'

const today = '2026-08-31'

describe('checkShortTermPurpose (Law 6458 art. 31(1))', () => {
  it('(h) allows a Turkish-course permit twice, not a third time', () => {
    expect(checkShortTermPurpose({ purpose: 'turkish_course', previousGrants: 1, today })).toEqual({
      ok: true,
    })
    expect(checkShortTermPurpose({ purpose: 'turkish_course', previousGrants: 2, today })).toEqual({
      ok: false,
      reason: 'purpose_grants_used',
      maxGrants: 2,
    })
  })
  it('(i) needs the graduation date, within six months, once', () => {
    const base = { purpose: 'recent_graduate', previousGrants: 0, today } as const
    expect(checkShortTermPurpose(base)).toEqual({ ok: false, reason: 'graduation_required' })
    expect(checkShortTermPurpose({ ...base, graduatedOn: '2026-09-01' })).toEqual({
      ok: false,
      reason: 'graduation_in_future',
    })
    // 2026-02-28 + 6 months = 2026-08-28, so the 31st is too late; the 29th of Feb does not exist.
    expect(checkShortTermPurpose({ ...base, graduatedOn: '2026-02-28' })).toEqual({
      ok: false,
      reason: 'graduation_too_long_ago',
      deadline: '2026-08-28',
    })
    expect(
      checkShortTermPurpose({ ...base, graduatedOn: '2026-02-28', today: '2026-08-28' }).ok,
    ).toBe(true)
    expect(
      checkShortTermPurpose({ ...base, previousGrants: 1, graduatedOn: '2026-08-01' }).ok,
    ).toBe(false)
  })
  it('has no rule for the other purposes', () => {
    expect(checkShortTermPurpose({ purpose: 'tourism', previousGrants: 9, today }).ok).toBe(true)
  })
  it('closes the graduate window the day after six months (property)', () => {
    const day = fc
      .integer({ min: toEpochDay('2000-01-01'), max: toEpochDay('2080-12-31') })
      .map(fromEpochDay)
    fc.assert(
      fc.property(day, (graduatedOn) => {
        const last = addMonths(graduatedOn, 6)
        const ok = (t: string) =>
          checkShortTermPurpose({
            purpose: 'recent_graduate',
            previousGrants: 0,
            graduatedOn,
            today: t,
          }).ok
        expect(ok(graduatedOn)).toBe(true)
        expect(ok(last)).toBe(true)
        expect(ok(addDays(last, 1))).toBe(false)
      }),
    )
  })
})
