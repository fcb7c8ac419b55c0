import { describe, expect, it } from 'vitest'
import { fieldErrorsFrom } from '../form-state'
import { addCounterSchema, changeOfficeSchema, openingHoursSchema } from './offices'
import { createStaffMemberSchema } from './staff-accounts'

const officeId = '8f0e2a4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b'
const errors = (r: { success: boolean; error?: unknown }) =>
  r.success ? {} : fieldErrorsFrom(r.error as never)

describe('office forms', () => {
  it('reads times typed with Persian or Arabic digits, and ticked days as numbers', () => {
    const r = openingHoursSchema.safeParse({
      officeId,
      weekdays: ['1', '6'],
      opensAt: '۰۸:۳۰',
      closesAt: '١٧:٠٠',
    })
    expect(r.success && r.data).toMatchObject({
      opensAt: '08:30',
      closesAt: '17:00',
      weekdays: [1, 6],
      closed: false,
    })
  })

  it('names each wrong field with a translated key', () => {
    expect(
      errors(openingHoursSchema.safeParse({ officeId, opensAt: '25:00', breakFrom: '12:00' })),
    ).toEqual({
      weekdays: 'staffadmin:errors.weekdays',
      opensAt: 'staffadmin:errors.time',
      closesAt: 'staffadmin:errors.time',
      breakTo: 'staffadmin:errors.breakBoth',
    })
    expect(openingHoursSchema.safeParse({ officeId, weekdays: '7', closed: 'yes' }).success).toBe(
      true,
    )
    expect(
      errors(changeOfficeSchema.safeParse({ officeId, name: ' ', address: 'A', slotMinutes: '7' })),
    ).toEqual({ name: 'validation:required', slotMinutes: 'staffadmin:errors.slotMinutes' })
    expect(errors(addCounterSchema.safeParse({ officeId, label: '<b>' }))).toEqual({
      label: 'staffadmin:errors.label',
    })
  })
})

describe('staff account form', () => {
  it('refuses an unknown role and a malformed directorate, and unknown fields', () => {
    expect(
      errors(
        createStaffMemberSchema.safeParse({
          email: 'x@example.org',
          displayName: 'X',
          role: 'root',
          directorateId: 'abc',
        }),
      ),
    ).toEqual({ role: 'staffadmin:errors.role', directorateId: 'staffadmin:errors.directorate' })
    expect(
      errors(
        createStaffMemberSchema.safeParse({
          email: 'x@example.org',
          displayName: 'X',
          role: 'caseworker',
          active: 'false',
        }),
      ),
    ).toEqual({ _form: 'validation:unexpected' })
  })
})
