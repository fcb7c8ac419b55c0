import { z } from 'zod'
import { isIsoDate } from '@/lib/domain/permits/dates'
import { numericInput } from '../fields'

// The directorate admin's capacity forms. Messages are i18n keys of the staff namespace.

const day = z
  .string({ error: 'staff:capacity.errors.date_invalid' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'staff:capacity.errors.date_invalid' })
  .refine(isIsoDate, { error: 'staff:capacity.errors.date_invalid' })
  .refine((v) => v >= '2000-01-01' && v <= '2100-12-31', {
    error: 'staff:capacity.errors.date_invalid',
  })
const office = z.uuid({ error: 'staff:capacity.errors.office_required' })

/** Close a whole day at one office, or one counter for a day. */
export const closeDaySchema = z.strictObject({
  officeId: office,
  date: day,
  counterId: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.uuid({ error: 'staff:capacity.errors.counter_invalid' }).optional(),
  ),
  reason: z
    .string({ error: 'staff:capacity.errors.reason_required' })
    .trim()
    .min(3, { error: 'staff:capacity.errors.reason_required' })
    .max(200, { error: 'staff:capacity.errors.reason_too_long' }),
})
export type CloseDayInput = z.infer<typeof closeDaySchema>

/** Places per slot on one day at one office (one per open counter is the usual). */
export const dayCapacitySchema = z.strictObject({
  officeId: office,
  date: day,
  placesPerSlot: numericInput(
    z
      .string({ error: 'staff:capacity.errors.places_invalid' })
      .regex(/^\d{1,2}$/, { error: 'staff:capacity.errors.places_invalid' })
      .transform(Number)
      .refine((n) => n >= 1 && n <= 50, { error: 'staff:capacity.errors.places_invalid' }),
  ),
})
export type DayCapacityInput = z.infer<typeof dayCapacitySchema>

/** An office the admin manages, with its open counters. */
export type CapacityOffice = {
  id: string
  name: string
  counters: { id: string; label: string }[]
}
