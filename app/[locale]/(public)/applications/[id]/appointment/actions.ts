'use server'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { LOCALES } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import { slotChoiceSchema } from '@/lib/schemas/api/appointments'
import type { FormState } from '@/lib/schemas/form-state'
import { runBookingForm } from '@/lib/server/appointments/booking-form'
import {
  cancelAppointment,
  rescheduleAppointment,
} from '@/lib/server/appointments/change-appointment'
import { confirmAppointment, holdAppointment } from '@/lib/server/appointments/hold-appointment'
import { clientAddress } from '@/lib/server/http/request-origin'

const contextSchema = z.strictObject({ locale: z.enum(LOCALES), id: z.uuid() })
const keySchema = z.uuid()
const opSchema = z.enum(['hold', 'confirm', 'reschedule', 'cancel'])
type Op = z.infer<typeof opSchema>

/** One action for the four booking forms; the operation is bound by the page. */
export async function bookingAction(
  context: unknown,
  op: Op,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const ctx = contextSchema.safeParse(context)
  const key = keySchema.safeParse(formData.get('idempotencyKey'))
  if (!ctx.success || !key.success || !opSchema.safeParse(op).success)
    return { fieldErrors: { _form: 'validation:unexpected' } }
  const { locale, id } = ctx.data
  const base = {
    applicationId: id,
    idempotencyKey: key.data,
    address: clientAddress(await headers()),
    locale,
  }
  const appointmentPage = paths.appointment(locale, id)
  if (op === 'confirm')
    return runBookingForm(
      () => confirmAppointment(base),
      () => redirect(`${appointmentPage}?done=booked`),
    )
  if (op === 'cancel')
    return runBookingForm(
      () => cancelAppointment(base),
      () => redirect(`${appointmentPage}?done=cancelled`),
    )
  const slot = slotChoiceSchema.safeParse({ slotId: formData.get('slotId') ?? undefined })
  if (!slot.success) return { fieldErrors: { _form: 'appointments:errors.slot_required' } }
  if (op === 'hold')
    return runBookingForm(
      () => holdAppointment({ ...base, slotId: slot.data.slotId }),
      () => redirect(`${appointmentPage}/confirm`),
    )
  return runBookingForm(
    () => rescheduleAppointment({ ...base, slotId: slot.data.slotId }),
    () => redirect(`${appointmentPage}?done=rescheduled`),
  )
}
