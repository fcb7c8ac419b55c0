import { describe, expect, it } from 'vitest'
import { fieldErrorsFrom } from '@/lib/schemas/form-state'
import { assignmentRequestSchema } from './assignment-request'

const parse = (input: unknown) => assignmentRequestSchema.safeParse(input)
const errors = (input: unknown) => {
  const result = parse(input)
  return result.success ? {} : fieldErrorsFrom(result.error)
}

describe('assignmentRequestSchema', () => {
  it('reads the form (strings) and JSON (numbers) alike, each weekday once and in order', () => {
    const form = parse({ earliestDate: '2026-12-01', weekdays: ['5', '1', '5'], partOfDay: 'any' })
    const json = parse({ earliestDate: '2026-12-01', weekdays: [1, 5], partOfDay: 'any' })
    expect(form.data).toEqual({ earliestDate: '2026-12-01', weekdays: [1, 5], partOfDay: 'any' })
    expect(json.data).toEqual(form.data)
  })

  it('answers each wrong field with its own message key', () => {
    expect(errors({ earliestDate: '', weekdays: [], partOfDay: 'night' })).toEqual({
      earliestDate: 'assignment:errors.earliest_date_required',
      weekdays: 'assignment:errors.weekdays_required',
      partOfDay: 'assignment:errors.part_of_day_invalid',
    })
    expect(errors({ earliestDate: '2026-02-30', weekdays: ['6'], partOfDay: 'morning' })).toEqual({
      earliestDate: 'assignment:errors.earliest_date_invalid',
      weekdays: 'assignment:errors.weekdays_invalid',
    })
    expect(errors({ earliestDate: '2026-12-01', weekdays: ['x'], partOfDay: 'any' })).toEqual({
      weekdays: 'assignment:errors.weekdays_invalid',
    })
    expect(errors({ earliestDate: '2026-12-01', partOfDay: 'any' })).toEqual({
      weekdays: 'assignment:errors.weekdays_required',
    })
  })

  it('refuses fields it does not know', () => {
    expect(
      errors({ earliestDate: '2026-12-01', weekdays: [1], partOfDay: 'any', slotId: 'x' }),
    ).toEqual({ _form: 'validation:unexpected' })
  })
})
