import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, compareIsoDates, daysBetween, fromEpochDay } from './dates'
import {
  extensionStep,
  isExtensionRoute,
  isWorkingDay,
  personalDataChanged,
  postalDeadline,
} from './extension-route'

// domain.md §4 (Extension): appointment in most provinces; documents by post within 5 working
// days in fifteen; İstanbul assigns a visit when personal data changed.
describe('extensionStep (domain.md §4)', () => {
  it('follows the directorate route', () => {
    expect(extensionStep('appointment', false)).toBe('appointment')
    expect(extensionStep('appointment', true)).toBe('appointment')
    expect(extensionStep('post', false)).toBe('post')
    expect(extensionStep('post', true)).toBe('post')
  })
  it('sends İstanbul applicants with changed data to a visit, the others to the post', () => {
    expect(extensionStep('appointment_if_data_changed', true)).toBe('appointment')
    expect(extensionStep('appointment_if_data_changed', false)).toBe('post')
  })
  it('knows its routes', () => {
    expect(isExtensionRoute('post')).toBe(true)
    expect(isExtensionRoute('fax')).toBe(false)
    expect(isExtensionRoute(undefined)).toBe(false)
  })
})

describe('personalDataChanged', () => {
  const personal = { givenNames: 'Anna', surname: 'Ivanova', nationality: 'RU' }
  const passport = { passportNumber: 'U1234567', passportValidUntil: '2030-01-01' }
  const prefill = { personal, passport }
  it('is false when personal and passport answers match the earlier application', () => {
    expect(personalDataChanged({ personal, passport, prefill })).toBe(false)
    // Case and spaces are not a change.
    expect(
      personalDataChanged({ personal: { ...personal, surname: ' IVANOVA ' }, passport, prefill }),
    ).toBe(false)
  })
  it('is true when a personal or passport answer changed, appeared or went away', () => {
    expect(
      personalDataChanged({ personal: { ...personal, surname: 'Petrova' }, passport, prefill }),
    ).toBe(true)
    expect(
      personalDataChanged({ personal, passport: { ...passport, passportNumber: 'X1' }, prefill }),
    ).toBe(true)
    expect(
      personalDataChanged({
        personal: { ...personal, foreignerIdNumber: '99' },
        passport,
        prefill,
      }),
    ).toBe(true)
  })
  it('is true when there is nothing to compare with', () => {
    expect(personalDataChanged({ personal, passport })).toBe(true)
    expect(personalDataChanged({ personal, passport, prefill: { personal } })).toBe(true)
  })
  it('ignores the phone, the address and the insurance', () => {
    expect(personalDataChanged({ personal, passport, prefill, address: { street: 'new' } })).toBe(
      false,
    )
    expect(
      personalDataChanged({ personal: { ...personal, phone: '+905331112233' }, passport, prefill }),
    ).toBe(false)
  })
})

describe('postalDeadline (5 working days, domain.md §4)', () => {
  const none = new Set<string>()
  it('counts from the next day and skips the weekend', () => {
    // Monday 2026-06-01 → Monday 2026-06-08.
    expect(postalDeadline('2026-06-01', none)).toBe('2026-06-08')
    // Friday → the next Friday.
    expect(postalDeadline('2026-06-05', none)).toBe('2026-06-12')
    // Saturday and Sunday → the next Friday.
    expect(postalDeadline('2026-06-06', none)).toBe('2026-06-12')
    expect(postalDeadline('2026-06-07', none)).toBe('2026-06-12')
  })
  it('skips holidays, across a month end and a leap day', () => {
    expect(postalDeadline('2026-06-01', new Set(['2026-06-03']))).toBe('2026-06-09')
    // Thu 2028-02-24: Fri 25, Mon 28, Tue 29 (leap day), Wed 1 Mar, Thu 2 Mar.
    expect(postalDeadline('2028-02-24', none)).toBe('2028-03-02')
    // Across the year end with 1 January a holiday.
    expect(postalDeadline('2026-12-29', new Set(['2027-01-01']))).toBe('2027-01-06')
  })
  it('refuses nonsense', () => {
    expect(() => postalDeadline('2026-02-30', none)).toThrow(RangeError)
    expect(() => postalDeadline('2026-06-01', none, 0)).toThrow(RangeError)
  })

  const day = fc.integer({ min: 0, max: 60000 }).map(fromEpochDay)
  it('property: the deadline is a working day with exactly n working days after the start', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 8 }),
        (start, n, offsets) => {
          const holidays = new Set(offsets.map((o) => addDays(start, o)))
          const end = postalDeadline(start, holidays, n)
          expect(compareIsoDates(end, start)).toBe(1)
          expect(isWorkingDay(end, holidays)).toBe(true)
          let working = 0
          for (let i = 1; i <= daysBetween(start, end); i++)
            if (isWorkingDay(addDays(start, i), holidays)) working++
          expect(working).toBe(n)
          // The span holds n working days and at most one weekday holiday per holiday; a week
          // of five weekdays has two weekend days: never more than (n + holidays)·7/5 + 2 days.
          const bound = Math.ceil(((n + holidays.size) * 7) / 5) + 2
          expect(daysBetween(start, end)).toBeLessThanOrEqual(bound)
        },
      ),
      // Eight weekday holidays pushing 17 working days over four weekends, once found at random.
      { examples: [['2015-08-24', 17, [1, 7, 21, 8, 9, 10, 22, 14]]] },
    )
  })
})
