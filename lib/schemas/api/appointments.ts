import { z } from 'zod'
import { APPOINTMENT_STATUSES } from '@/lib/domain/appointments/appointment-status'

// Requests and answers of the appointment part of /api/v1 (and of the booking pages).

export const slotChoiceSchema = z.strictObject({
  slotId: z.uuid({ error: 'appointments:errors.slot_required' }),
})
export const emptyBodySchema = z.strictObject({})
export const freeSlotsQuerySchema = z.strictObject({
  from: z.iso
    .date({ error: 'validation:date.invalid' })
    // A sensible calendar day: years like 0000 are valid ISO but not dates PostgreSQL keeps.
    .refine((v) => v >= '2000-01-01' && v <= '2100-12-31', { error: 'validation:date.invalid' })
    .optional(),
})

const timestamp = z.iso.datetime({ offset: true })

export const appointmentSchema = z.strictObject({
  id: z.uuid(),
  applicationId: z.uuid(),
  status: z.enum(APPOINTMENT_STATUSES),
  startsAt: timestamp,
  endsAt: timestamp,
  holdExpiresAt: timestamp.nullable().meta({ description: 'Until when a held place is kept' }),
  officeName: z.string(),
  officeAddress: z.string(),
  rescheduleCount: z.int(),
})

export const freeDaysSchema = z.strictObject({
  timeZone: z.literal('Europe/Istanbul'),
  days: z.array(
    z.strictObject({
      date: z.iso.date(),
      slots: z.array(
        z.strictObject({
          id: z.uuid(),
          startsAt: timestamp,
          time: z.string().meta({ description: 'HH:MM on a clock in Türkiye' }),
          officeName: z.string(),
          free: z.int(),
        }),
      ),
    }),
  ),
})

export type AppointmentView = z.infer<typeof appointmentSchema>
export type FreeDay = z.infer<typeof freeDaysSchema>['days'][number]
export type FreeSlot = FreeDay['slots'][number]
