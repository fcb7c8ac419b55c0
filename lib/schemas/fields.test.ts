import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addressSchema, personalDetailsSchema, sectionSchemaFor } from './application/sections'
import { assignmentRequestSchema } from './appointments/assignment-request'
import { collapseDateParts, dateFieldValue, isoDate, typedDateParts } from './fields'
import { signInCodeSchema } from './sign-in'
import { dayCapacitySchema } from './staff/capacity'

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹'
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩'
const inScript = (value: string, script: string) => value.replace(/\d/g, (d) => script[Number(d)]!)

describe('numeric fields read Arabic-Indic and Persian digits', () => {
  it('takes the sign-in code in either script, with a space in the middle', () => {
    expect(signInCodeSchema.parse({ token: '۱۲۳ ۴۵۶' }).token).toBe('123456')
    expect(signInCodeSchema.parse({ token: inScript('048213', ARABIC_INDIC) }).token).toBe('048213')
    expect(signInCodeSchema.safeParse({ token: '۱۲۳۴۵' }).error?.issues[0]?.message).toBe(
      'validation:code.format',
    )
  })

  it('joins a date typed in the three boxes in any script', () => {
    const raw = { 'dateOfBirth-day': '٢٧', 'dateOfBirth-month': '۳', 'dateOfBirth-year': '۱۹۹۰' }
    const joined = collapseDateParts(raw, ['dateOfBirth'])
    expect(joined).toEqual({ dateOfBirth: '1990-03-27' })
    expect(isoDate.parse(joined.dateOfBirth)).toBe('1990-03-27')
  })

  it('joins every valid date the same in Latin, Persian and Arabic-Indic digits', () => {
    const date = fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10))
    fc.assert(
      fc.property(date, fc.constantFrom(PERSIAN, ARABIC_INDIC, '0123456789'), (iso, script) => {
        const [y, m, d] = iso.split('-')
        const raw = {
          'd-day': inScript(String(Number(d)), script),
          'd-month': inScript(m!, script),
          'd-year': inScript(y!, script),
        }
        expect(isoDate.parse(collapseDateParts(raw, ['d']).d)).toBe(iso)
      }),
    )
  })

  it('takes requested months, the postcode and places per slot in Persian digits', () => {
    const permitDetailsSchema = sectionSchemaFor('permit', 'family')
    expect(permitDetailsSchema.parse({ requestedMonths: '۱۲' }).requestedMonths).toBe(12)
    expect(permitDetailsSchema.safeParse({ requestedMonths: '۹۰' }).error?.issues[0]?.message).toBe(
      'validation:months.range',
    )
    const address = {
      provinceCode: '34',
      district: 'Kadıköy',
      neighbourhood: 'Moda',
      street: 'Bahariye Cd. 5',
    }
    expect(addressSchema.parse({ ...address, postcode: '٣٤٧١٠' }).postcode).toBe('34710')
    expect(addressSchema.parse({ ...address, postcode: '' }).postcode).toBeUndefined()
    expect(addressSchema.safeParse({ ...address, postcode: '۳۴۷' }).error?.issues[0]?.message).toBe(
      'validation:postcode.invalid',
    )
    const day = { officeId: crypto.randomUUID(), date: '2026-12-07' }
    expect(dayCapacitySchema.parse({ ...day, placesPerSlot: '۴' }).placesPerSlot).toBe(4)
  })

  it('takes the earliest day of an assignment request and the date of birth in Persian digits', () => {
    const request = assignmentRequestSchema.parse({
      earliestDate: '۲۰۲۶-۱۲-۰۷',
      weekdays: ['1'],
      partOfDay: 'any',
    })
    expect(request.earliestDate).toBe('2026-12-07')
    const personal = personalDetailsSchema.parse({
      givenNames: 'Sara',
      surname: 'Ahmadi',
      dateOfBirth: '۱۹۹۰-۰۳-۲۷',
      nationality: 'IR',
      fatherName: 'Reza',
      motherName: 'Mina',
      phone: '۰۵۳۲ ۱۲۳ ۴۵ ۶۷',
    })
    expect(personal.dateOfBirth).toBe('1990-03-27')
    // The shape only, in Latin digits; the server stores the E.164 form (section-checks).
    expect(personal.phone).toBe('05321234567')
  })
})

describe('date boxes keep what was typed', () => {
  it('gives the boxes back as typed when the form comes back with an error', () => {
    const typed = {
      'dateOfBirth-day': '۳۱',
      'dateOfBirth-month': '۲',
      'dateOfBirth-year': '۱۹۹۰',
      surname: 'x',
    }
    const joined = collapseDateParts(typed, ['dateOfBirth'])
    expect(isoDate.safeParse(joined.dateOfBirth).success).toBe(false)
    const values = { ...joined, ...typedDateParts(typed, ['dateOfBirth']) }
    expect(dateFieldValue(values, 'dateOfBirth')).toEqual({
      day: '۳۱',
      month: '۲',
      year: '۱۹۹۰',
    })
  })

  it('shows a stored date when nothing was typed', () => {
    expect(dateFieldValue({ entryDate: '2026-04-05' }, 'entryDate')).toEqual({
      day: '5',
      month: '4',
      year: '2026',
    })
    expect(dateFieldValue({}, 'entryDate')).toEqual({ day: '', month: '', year: '' })
  })
})
