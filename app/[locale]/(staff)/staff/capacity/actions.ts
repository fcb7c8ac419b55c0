'use server'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { LOCALES, type Locale } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import { formDataToObject } from '@/lib/schemas/form-state'
import { closeDaySchema, dayCapacitySchema } from '@/lib/schemas/staff/capacity'
import { closeOfficeDay, setDayCapacity, type CapacityResult } from '@/lib/server/staff/capacity'
import { loadForPage } from '@/lib/server/page-access'

// Both forms answer by sending the admin back to the page with ?done= or ?error= (a known
// code, never text from the form).

const localeSchema = z.enum(LOCALES)

function back(locale: Locale, params: Record<string, string>): never {
  redirect(`${paths.staffCapacity(locale)}?${new URLSearchParams(params)}`)
}

function firstError(error: z.ZodError): string {
  const key = error.issues[0]?.message ?? ''
  return key.startsWith('staff:capacity.errors.') ? key.split('.').at(-1)! : 'invalid'
}

function answer(locale: Locale, done: string, result: CapacityResult): never {
  if (!result.ok) back(locale, { error: result.reason })
  back(locale, { done, displaced: String(result.displaced) })
}

export async function closeDayAction(locale: unknown, formData: FormData): Promise<void> {
  const parsed = localeSchema.safeParse(locale)
  if (!parsed.success) redirect('/')
  const l = parsed.data
  const form = closeDaySchema.safeParse(formDataToObject(formData))
  if (!form.success) back(l, { error: firstError(form.error) })
  const result = await loadForPage(l, 'staff', paths.staffCapacity(l), () =>
    closeOfficeDay(form.data),
  )
  answer(l, form.data.counterId ? 'counter_closed' : 'day_closed', result)
}

export async function dayCapacityAction(locale: unknown, formData: FormData): Promise<void> {
  const parsed = localeSchema.safeParse(locale)
  if (!parsed.success) redirect('/')
  const l = parsed.data
  const form = dayCapacitySchema.safeParse(formDataToObject(formData))
  if (!form.success) back(l, { error: firstError(form.error) })
  const result = await loadForPage(l, 'staff', paths.staffCapacity(l), () =>
    setDayCapacity(form.data),
  )
  answer(l, 'capacity_changed', result)
}
