import { z } from 'zod'
import { isIsoDate } from '@/lib/domain/permits/dates'

// The national admin's public-holiday forms. Messages are i18n keys of the staff namespace.

const day = z
  .string({ error: 'staff:holidays.errors.date_invalid' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'staff:holidays.errors.date_invalid' })
  .refine(isIsoDate, { error: 'staff:holidays.errors.date_invalid' })
  .refine((v) => v >= '2000-01-01' && v <= '2100-12-31', {
    error: 'staff:holidays.errors.date_invalid',
  })

export const addHolidaySchema = z.strictObject({
  date: day,
  name: z
    .string({ error: 'staff:holidays.errors.name_required' })
    .trim()
    .min(2, { error: 'staff:holidays.errors.name_required' })
    .max(100, { error: 'staff:holidays.errors.name_too_long' }),
  halfDay: z
    .literal('on', { error: 'staff:holidays.errors.invalid' })
    .optional()
    .transform((v) => v === 'on'),
})
export type AddHolidayInput = z.infer<typeof addHolidaySchema>

export const removeHolidaySchema = z.strictObject({ date: day })

export const holidayYearSchema = z.coerce
  .number()
  .int()
  .min(2000)
  .max(2100)
  .catch(() => new Date().getUTCFullYear())

export type HolidayRow = { date: string; name: string; halfDay: boolean }
