import { describe, expect, it } from 'vitest'
import {
  checkInFormSchema,
  dayViewErrorOf,
  noShowFormSchema,
  readDayViewQuery,
} from './appointments'

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e'

describe('readDayViewQuery', () => {
  it('takes a real date and an office id', () => {
    expect(readDayViewQuery({ date: '2026-02-28', office: ID })).toEqual({
      date: '2026-02-28',
      office: ID,
      dateInvalid: false,
      officeInvalid: false,
    })
  })

  it('treats empty or missing fields as no choice', () => {
    expect(readDayViewQuery({ date: '', office: '' })).toMatchObject({
      date: undefined,
      office: undefined,
      dateInvalid: false,
      officeInvalid: false,
    })
    expect(readDayViewQuery({})).toMatchObject({ dateInvalid: false, officeInvalid: false })
  })

  it('flags a date that is not a calendar day, and an office that is not an id', () => {
    for (const date of ['2026-02-30', '2026-2-1', 'today', '1999-12-31', ['x']]) {
      expect(readDayViewQuery({ date }).dateInvalid, String(date)).toBe(true)
    }
    expect(readDayViewQuery({ office: "1' or 1=1" }).officeInvalid).toBe(true)
  })

  it('reads the first of repeated parameters', () => {
    expect(readDayViewQuery({ date: ['2026-03-02', '2026-03-03'] }).date).toBe('2026-03-02')
  })
})

describe('checkInFormSchema', () => {
  it('accepts the form as the page sends it', () => {
    expect(
      checkInFormSchema.parse({
        appointmentId: ID,
        identityNumber: '  U1234567 ',
        counterId: '',
        version: '3',
      }),
    ).toEqual({ appointmentId: ID, identityNumber: 'U1234567', counterId: undefined, version: 3 })
  })

  it('answers with message keys the page knows', () => {
    const empty = checkInFormSchema.safeParse({
      appointmentId: ID,
      identityNumber: ' ',
      version: '1',
    })
    expect(empty.success || dayViewErrorOf(empty.error)).toBe('identity_required')
    const counter = checkInFormSchema.safeParse({
      appointmentId: ID,
      identityNumber: 'U1234567',
      counterId: 'counter 1',
      version: '1',
    })
    expect(counter.success || dayViewErrorOf(counter.error)).toBe('counter_not_found')
    const version = noShowFormSchema.safeParse({ appointmentId: ID, version: '-1' })
    expect(version.success || dayViewErrorOf(version.error)).toBe('stale_version')
    const extra = noShowFormSchema.safeParse({ appointmentId: ID, version: '1', role: 'admin' })
    expect(extra.success || dayViewErrorOf(extra.error)).toBe('invalid_form')
  })
})
