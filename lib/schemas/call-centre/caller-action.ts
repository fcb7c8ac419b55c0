import { z } from 'zod'
import { lookupReasonField, referenceField } from './caller-lookup'

// What an agent may do for a verified caller: send the applicant's own last message again, or
// a link to change the appointment. Both go only to the address and number the applicant
// stored; the agent names the case by its reference and repeats the reason chosen at
// verification, and the server checks that this agent verified this caller moments ago.

export const callerActionSchema = z.strictObject({
  reference: referenceField,
  reason: lookupReasonField,
})
export type CallerActionInput = z.output<typeof callerActionSchema>

/** What was queued: which channels, never the address or the number. */
export const callerActionResultSchema = z.strictObject({
  email: z.boolean().describe('An e-mail was queued to the address the applicant stored'),
  sms: z.boolean().describe('A text message was queued to the applicant’s mobile number'),
})
export type CallerActionResult = z.output<typeof callerActionResultSchema>
