import { z } from 'zod'

/**
 * What the payment provider posts when a payment changes: its own payment id and nothing we
 * believe beyond it. Other fields a provider adds (status, amount) are ignored, never trusted.
 */
export const paymentNotificationSchema = z.object({
  paymentId: z
    .string({ error: 'validation:required' })
    .trim()
    .regex(/^[\w.:-]{1,200}$/, { error: 'validation:unexpected' }),
})

export const paymentNotificationAnswerSchema = z.strictObject({
  outcome: z.enum(['recorded', 'already_recorded', 'not_paid']),
})
