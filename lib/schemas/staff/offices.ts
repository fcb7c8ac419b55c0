import { z } from 'zod'
import { SLOT_MINUTES, WEEKDAYS } from '@/lib/domain/appointments/office-setup'
import { numericInput, requiredText } from '../fields'

// The directorate admin's office forms (issue 13). Messages are i18n keys.

const officeId = z.uuid({ error: 'validation:unexpected' })
const time = (error: string) =>
  numericInput(
    z
      .string({ error })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error })
      .refine((v) => v >= '06:00' && v <= '22:00', { error }),
  )
const optionalTime = z.preprocess(
  (v) => (v === '' ? undefined : v),
  time('staffadmin:errors.time').optional(),
)
const slotMinutes = numericInput(
  z
    .string({ error: 'staffadmin:errors.slotMinutes' })
    .transform(Number)
    .refine((n) => (SLOT_MINUTES as readonly number[]).includes(n), {
      error: 'staffadmin:errors.slotMinutes',
    }),
)

const officeFields = {
  name: requiredText(120),
  address: requiredText(300),
  slotMinutes,
}
export const createOfficeSchema = z.strictObject(officeFields)
export type CreateOfficeInput = z.infer<typeof createOfficeSchema>

export const changeOfficeSchema = z.strictObject({ officeId, ...officeFields })
export type ChangeOfficeInput = z.infer<typeof changeOfficeSchema>

export const addCounterSchema = z.strictObject({
  officeId,
  label: requiredText(20).regex(/^[\p{L}\p{N} .-]+$/u, { error: 'staffadmin:errors.label' }),
})
export type AddCounterInput = z.infer<typeof addCounterSchema>

export const setCounterActiveSchema = z.strictObject({
  officeId,
  counterId: z.uuid({ error: 'validation:unexpected' }),
  active: z
    .enum(['true', 'false'], { error: 'validation:unexpected' })
    .transform((v) => v === 'true'),
})
export type SetCounterActiveInput = z.infer<typeof setCounterActiveSchema>

const weekday = z.coerce
  .number({ error: 'staffadmin:errors.weekdays' })
  .refine((n) => (WEEKDAYS as readonly number[]).includes(n), {
    error: 'staffadmin:errors.weekdays',
  })

/** Hours for the weekdays ticked: open–close with an optional break, or closed all day. */
export const openingHoursSchema = z
  .strictObject({
    officeId,
    weekdays: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(weekday).min(1, { error: 'staffadmin:errors.weekdays' }),
    ),
    closed: z.preprocess((v) => v === 'yes', z.boolean()),
    opensAt: optionalTime,
    closesAt: optionalTime,
    breakFrom: optionalTime,
    breakTo: optionalTime,
  })
  .superRefine((v, ctx) => {
    if (v.closed) return
    if (!v.opensAt)
      ctx.addIssue({ code: 'custom', path: ['opensAt'], message: 'staffadmin:errors.time' })
    if (!v.closesAt)
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'staffadmin:errors.time' })
    if (Boolean(v.breakFrom) !== Boolean(v.breakTo))
      ctx.addIssue({
        code: 'custom',
        path: [v.breakFrom ? 'breakTo' : 'breakFrom'],
        message: 'staffadmin:errors.breakBoth',
      })
  })
export type OpeningHoursInput = z.infer<typeof openingHoursSchema>
