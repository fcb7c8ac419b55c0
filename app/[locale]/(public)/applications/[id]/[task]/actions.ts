'use server'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { LOCALES } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import { collapseDateParts, typedDateParts } from '@/lib/schemas/fields'
import { formDataToObject, type FormState } from '@/lib/schemas/form-state'
import { DATE_FIELDS, SECTION_KEYS } from '@/lib/schemas/application/sections'
import { saveSectionAnswers } from '@/lib/server/applications/save-section'

const contextSchema = z.strictObject({
  locale: z.enum(LOCALES),
  id: z.uuid(),
  section: z.enum(SECTION_KEYS),
})

/** Saves one task of the caller's draft, completely or "for later", then returns to the task list. */
export async function saveSectionAction(
  context: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const ctx = contextSchema.safeParse(context)
  if (!ctx.success) return { fieldErrors: { _form: 'validation:unexpected' } }
  const { locale, id, section } = ctx.data
  const { intent, ...typed } = formDataToObject(formData)
  const raw = collapseDateParts(typed, DATE_FIELDS[section])
  const result = await saveSectionAnswers(
    id,
    section,
    raw,
    intent === 'later' ? 'partial' : 'complete',
  )
  if (!result.ok) {
    const boxes = typedDateParts(typed, DATE_FIELDS[section])
    return { fieldErrors: result.fieldErrors, values: { ...raw, ...boxes } }
  }
  // Another task no longer fits these answers: straight there, where the clash is shown.
  if (result.needsAttention) redirect(paths.applicationTask(locale, id, result.needsAttention))
  redirect(paths.application(locale, id))
}
