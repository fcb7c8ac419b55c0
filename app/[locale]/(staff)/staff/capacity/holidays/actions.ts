'use server'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { LOCALES, type Locale } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import { formDataToObject } from '@/lib/schemas/form-state'
import { addHolidaySchema, removeHolidaySchema } from '@/lib/schemas/staff/holidays'
import { loadForPage } from '@/lib/server/page-access'
import { addHoliday, removeHoliday, type HolidayResult } from '@/lib/server/staff/holidays'

const localeSchema = z.enum(LOCALES)
const page = (l: Locale) => `${paths.staffCapacity(l)}/holidays`

function back(l: Locale, year: string, params: Record<string, string>): never {
  redirect(`${page(l)}?${new URLSearchParams({ year, ...params })}`)
}

function answer(l: Locale, year: string, done: string, result: HolidayResult): never {
  if (!result.ok) back(l, year, { error: result.reason })
  back(l, year, { done, displaced: String(result.displaced) })
}

function errorCode(error: z.ZodError): string {
  const key = error.issues[0]?.message ?? ''
  return key.startsWith('staff:holidays.errors.') ? key.split('.').at(-1)! : 'invalid'
}

export async function addHolidayAction(locale: unknown, formData: FormData): Promise<void> {
  const parsed = localeSchema.safeParse(locale)
  if (!parsed.success) redirect('/')
  const l = parsed.data
  const form = addHolidaySchema.safeParse(formDataToObject(formData))
  const year = String(formData.get('date') ?? '').slice(0, 4)
  if (!form.success) back(l, year, { error: errorCode(form.error) })
  const result = await loadForPage(l, 'staff', page(l), () => addHoliday(form.data))
  answer(l, form.data.date.slice(0, 4), 'added', result)
}

export async function removeHolidayAction(locale: unknown, formData: FormData): Promise<void> {
  const parsed = localeSchema.safeParse(locale)
  if (!parsed.success) redirect('/')
  const l = parsed.data
  const form = removeHolidaySchema.safeParse(formDataToObject(formData))
  if (!form.success) back(l, '', { error: errorCode(form.error) })
  const result = await loadForPage(l, 'staff', page(l), () => removeHoliday(form.data.date))
  answer(l, form.data.date.slice(0, 4), 'removed', result)
}
