'use server'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { paths } from '@/lib/paths'
import { DATE_FIELDS, SECTION_KEYS } from '@/lib/schemas/application/sections'
import { collapseDateParts, typedDateParts } from '@/lib/schemas/fields'
import type { FormState } from '@/lib/schemas/form-state'
import { typedAnswersSchema } from '@/lib/schemas/application/typed-answers'
import { saveSectionAnswers } from '@/lib/server/applications/save-section'
import { formContextSchema, runFormAction } from '@/lib/server/entry/form-action'

const contextSchema = formContextSchema.extend({ id: z.uuid(), section: z.enum(SECTION_KEYS) })

/** Saves one task of the caller's draft, completely or "for later", then returns to the task list. */
export async function saveSectionAction(
  context: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context: contextSchema,
      input: typedAnswersSchema,
      run: async ({ intent, ...typed }, { id, section }) => {
        const raw = collapseDateParts(typed, DATE_FIELDS[section])
        const mode = intent === 'later' ? 'partial' : 'complete'
        return { typed, raw, result: await saveSectionAnswers(id, section, raw, mode) }
      },
      done: ({ typed, raw, result }, { locale, id, section }) => {
        if (!result.ok) {
          const boxes = typedDateParts(typed, DATE_FIELDS[section])
          return { fieldErrors: result.fieldErrors, values: { ...raw, ...boxes } }
        }
        // Another task no longer fits these answers: straight there, where the clash is shown.
        if (result.needsAttention)
          redirect(paths.applicationTask(locale, id, result.needsAttention))
        redirect(paths.application(locale, id))
      },
    },
    context,
    formData,
  )
}
