'use server'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { LOCALES } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import { assignmentRequestSchema } from '@/lib/schemas/appointments/assignment-request'
import { collapseDateParts, typedDateParts } from '@/lib/schemas/fields'
import { fieldErrorsFrom, formDataToObject, type FormState } from '@/lib/schemas/form-state'
import { cancelAssignmentRequest, requestAssignment } from '@/lib/server/appointments/assignment'
import { assignmentRefusal } from '@/lib/server/appointments/assignment-form'
import { runBookingForm } from '@/lib/server/appointments/booking-form'

const contextSchema = z.strictObject({ locale: z.enum(LOCALES), id: z.uuid() })
const keySchema = z.uuid()

/** Saves or withdraws the applicant's constraints; the operation is bound by the page. */
export async function assignmentAction(
  context: unknown,
  op: 'request' | 'cancel',
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const ctx = contextSchema.safeParse(context)
  const key = keySchema.safeParse(formData.get('idempotencyKey'))
  if (!ctx.success || !key.success) return { fieldErrors: { _form: 'validation:unexpected' } }
  const { locale, id } = ctx.data
  const page = `${paths.appointment(locale, id)}/assigned`
  const base = { applicationId: id, idempotencyKey: key.data, locale }
  if (op === 'cancel')
    return runBookingForm(
      () => cancelAssignmentRequest(base),
      () => redirect(`${page}?done=cancelled`),
      { refused: assignmentRefusal },
    )
  const typed = formDataToObject(formData)
  const raw = collapseDateParts(typed, ['earliestDate'])
  const weekdays = formData.getAll('weekdays').filter((v): v is string => typeof v === 'string')
  const values = {
    earliestDate: raw.earliestDate ?? '',
    weekdays: weekdays.join(','),
    partOfDay: raw.partOfDay ?? '',
    ...typedDateParts(typed, ['earliestDate']),
  }
  const parsed = assignmentRequestSchema.safeParse({
    earliestDate: values.earliestDate,
    weekdays,
    partOfDay: raw.partOfDay,
  })
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), values }
  return runBookingForm(
    () => requestAssignment({ ...base, constraints: parsed.data }),
    () => redirect(`${page}?done=requested`),
    { refused: assignmentRefusal, values },
  )
}
