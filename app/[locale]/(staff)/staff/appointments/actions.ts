'use server'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { paths } from '@/lib/paths'
import { formDataToObject } from '@/lib/schemas/form-state'
import {
  checkInFormSchema,
  dayViewContextSchema,
  dayViewErrorOf,
  noShowFormSchema,
  type DayViewError,
} from '@/lib/schemas/staff/appointments'
import { loadForPage } from '@/lib/server/page-access'
import { checkInAppointment, markNoShow, type CounterResult } from '@/lib/server/staff/check-in'

// The counter's two buttons. Both answer by sending the officer back to the same day and
// office with ?done= or ?error= (and ?for= the appointment), never with the number typed.

type Context = z.infer<typeof dayViewContextSchema>

function dayView(ctx: Context, params: Record<string, string>): string {
  const query = new URLSearchParams({
    date: ctx.date,
    ...(ctx.office ? { office: ctx.office } : {}),
    ...params,
  })
  return `${paths.staffAppointments(ctx.locale)}?${query}`
}

/** The appointment a form was about, if the form named a real id. */
function about(formData: FormData): Record<string, string> {
  const id = z.uuid().safeParse(formData.get('appointmentId'))
  return id.success ? { for: id.data } : {}
}

function answer(ctx: Context, appointmentId: string, result: CounterResult): never {
  if (result.ok) redirect(dayView(ctx, { done: result.status, for: appointmentId }))
  // Every refusal of the counter is a message the page has (checked here by the compiler).
  const error: DayViewError = result.reason
  redirect(dayView(ctx, { error, for: appointmentId }))
}

export async function checkInAction(context: unknown, formData: FormData): Promise<void> {
  const ctx = dayViewContextSchema.safeParse(context)
  if (!ctx.success) redirect('/')
  const form = checkInFormSchema.safeParse(formDataToObject(formData))
  if (!form.success)
    redirect(dayView(ctx.data, { error: dayViewErrorOf(form.error), ...about(formData) }))
  const { appointmentId, identityNumber, counterId, version } = form.data
  const result = await loadForPage(ctx.data.locale, 'staff', dayView(ctx.data, {}), () =>
    checkInAppointment({ appointmentId, identityNumber, counterId, expectedVersion: version }),
  )
  answer(ctx.data, appointmentId, result)
}

export async function noShowAction(context: unknown, formData: FormData): Promise<void> {
  const ctx = dayViewContextSchema.safeParse(context)
  if (!ctx.success) redirect('/')
  const form = noShowFormSchema.safeParse(formDataToObject(formData))
  if (!form.success)
    redirect(dayView(ctx.data, { error: dayViewErrorOf(form.error), ...about(formData) }))
  const { appointmentId, version } = form.data
  const result = await loadForPage(ctx.data.locale, 'staff', dayView(ctx.data, {}), () =>
    markNoShow({ appointmentId, expectedVersion: version }),
  )
  answer(ctx.data, appointmentId, result)
}
