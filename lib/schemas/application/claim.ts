import { z } from 'zod'
import { isoDate, withDateBoxes } from '../fields'
import { passportNumber } from '../person-fields'
import { referenceNumberInput } from '../status-lookup'

// Claiming an application staff registered for a walk-in (issue 13): the reference handed
// over at the counter, the date of birth and the passport number, as on the application.
export const applicationClaimSchema = z.strictObject({
  reference: referenceNumberInput,
  dateOfBirth: isoDate,
  passportNumber,
})
export type ApplicationClaim = z.infer<typeof applicationClaimSchema>

/** The web form: the date of birth in three boxes. */
export const applicationClaimFormSchema = withDateBoxes(['dateOfBirth'], applicationClaimSchema)
