'use server'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { APPLICATION_KINDS } from '@/lib/domain/application-status'
import { LOCALES } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import { collapseDateParts, typedDateParts } from '@/lib/schemas/fields'
import { fieldErrorsFrom, formDataToObject, type FormState } from '@/lib/schemas/form-state'
import {
  extensionEligibilitySchema,
  firstApplicationEligibilitySchema,
  transitionEligibilitySchema,
} from '@/lib/schemas/application/eligibility'
import {
  startExtension,
  startFirstApplication,
  startTransition,
} from '@/lib/server/applications/start-application'

const contextSchema = z.strictObject({ locale: z.enum(LOCALES), kind: z.enum(APPLICATION_KINDS) })
const DATE_NAMES = ['legalStayUntil', 'groundEndedOn']

/** Answers the eligibility questions: a draft starts, or the stop page says why not. */
export async function checkEligibilityAction(
  context: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const ctx = contextSchema.safeParse(context)
  if (!ctx.success) return { fieldErrors: { _form: 'validation:unexpected' } }
  const { locale, kind } = ctx.data
  const typed = formDataToObject(formData)
  const raw = collapseDateParts(typed, DATE_NAMES)
  const schema = {
    first: firstApplicationEligibilitySchema,
    extension: extensionEligibilitySchema,
    transition: transitionEligibilitySchema,
  }[kind]
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const values = { ...raw, ...typedDateParts(typed, DATE_NAMES) }
    return { fieldErrors: fieldErrorsFrom(parsed.error), values }
  }
  const result =
    kind === 'first'
      ? await startFirstApplication(
          parsed.data as z.infer<typeof firstApplicationEligibilitySchema>,
        )
      : kind === 'extension'
        ? await startExtension(parsed.data as z.infer<typeof extensionEligibilitySchema>)
        : await startTransition(parsed.data as z.infer<typeof transitionEligibilitySchema>)
  if (!result.ok) {
    const query = new URLSearchParams({ reason: result.reason, ...(result.details ?? {}) })
    redirect(`${paths.apply(locale, kind)}/stop?${query}`)
  }
  redirect(paths.application(locale, result.id))
}
