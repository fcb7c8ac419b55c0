import { z } from 'zod'
import { DECISION_DAYS, LONG_TERM_DECISION_DAYS_MAX } from '@/lib/domain/casework/deadlines'
import { isUuid } from '@/lib/domain/ids'
import { EXTENSION_ROUTES } from '@/lib/domain/permits/extension-route'
import { numericInput } from '../fields'

// A directorate's casework settings. The form carries the values it showed, so a change made
// meanwhile by someone else is refused instead of overwritten (security.md BL-08).

const checkbox = z.preprocess((v) => v === 'yes', z.boolean())
const flag = z
  .enum(['true', 'false'], { error: 'validation:unexpected' })
  .transform((v) => v === 'true')
// Digits from Arabic and Persian keyboards count like 0–9.
const days = (message: string) =>
  numericInput(
    z.coerce
      .number({ error: message })
      .int({ error: message })
      .min(DECISION_DAYS, { error: message })
      .max(LONG_TERM_DECISION_DAYS_MAX, { error: message }),
  )

export const caseworkSettingsSchema = z.strictObject({
  directorateId: z.string().refine(isUuid, { error: 'validation:unexpected' }),
  fourEyesRefusals: checkbox,
  fourEyesLongTerm: checkbox,
  longTermDecisionDays: days('casework:settings.errors.days'),
  wasFourEyesRefusals: flag,
  wasFourEyesLongTerm: flag,
  wasLongTermDecisionDays: days('validation:unexpected'),
  extensionRoute: z.enum(EXTENSION_ROUTES, { error: 'casework:settings.errors.extensionRoute' }),
  wasExtensionRoute: z.enum(EXTENSION_ROUTES, { error: 'validation:unexpected' }),
})
export type CaseworkSettingsInput = z.infer<typeof caseworkSettingsSchema>
