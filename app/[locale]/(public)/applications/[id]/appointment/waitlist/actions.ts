'use server'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { LOCALES } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import type { FormState } from '@/lib/schemas/form-state'
import { bookingRefusal, runBookingForm } from '@/lib/server/appointments/booking-form'
import {
  acceptOffer,
  declineOffer,
  joinWaitlist,
  leaveWaitlist,
} from '@/lib/server/appointments/waitlist'
import { clientAddress } from '@/lib/server/http/request-origin'

const contextSchema = z.strictObject({ locale: z.enum(LOCALES), id: z.uuid() })
const opSchema = z.enum(['join', 'leave', 'accept', 'decline'])
const keySchema = z.uuid()
const DONE = { join: 'joined', leave: 'left', decline: 'declined' } as const

/** One action for the four waitlist forms; the operation is bound by the page. */
export async function waitlistAction(
  context: unknown,
  op: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const ctx = contextSchema.safeParse(context)
  const operation = opSchema.safeParse(op)
  const key = keySchema.safeParse(formData.get('idempotencyKey'))
  if (!ctx.success || !operation.success || !key.success)
    return { fieldErrors: { _form: 'validation:unexpected' } }
  const { locale, id } = ctx.data
  const page = `${paths.appointment(locale, id)}/waitlist`
  const input = {
    applicationId: id,
    idempotencyKey: key.data,
    address: clientAddress(await headers()),
    locale,
  }
  const which = operation.data
  return runBookingForm(
    () =>
      which === 'join'
        ? joinWaitlist(id, locale)
        : which === 'leave'
          ? leaveWaitlist(id)
          : which === 'accept'
            ? acceptOffer(input)
            : declineOffer(input),
    () =>
      redirect(
        which === 'accept'
          ? `${paths.appointment(locale, id)}?done=rescheduled`
          : `${page}?done=${DONE[which]}`,
      ),
    {
      // An offer that is gone goes back to the page, which shows it: its message lives in the
      // 'waitlist' namespace, which the form in the browser does not have.
      refused: (reason) =>
        reason === 'offer_gone' ? redirect(`${page}?error=offer_gone`) : bookingRefusal(reason),
    },
  )
}
