'use server'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { APPLICATION_KINDS, type ApplicationKind } from '@/lib/domain/application-status'
import { paths } from '@/lib/paths'
import {
  extensionEligibilitySchema,
  firstApplicationEligibilitySchema,
  transitionEligibilitySchema,
} from '@/lib/schemas/application/eligibility'
import { collapseDateParts } from '@/lib/schemas/fields'
import type { FormState } from '@/lib/schemas/form-state'
import {
  startExtension,
  startFirstApplication,
  startTransition,
} from '@/lib/server/applications/start-application'
import { formContextSchema, runFormAction } from '@/lib/server/entry/form-action'

const contextSchema = formContextSchema.extend({ kind: z.enum(APPLICATION_KINDS) })
const DATE_NAMES = ['legalStayUntil', 'groundEndedOn']
const SCHEMAS = {
  first: firstApplicationEligibilitySchema,
  extension: extensionEligibilitySchema,
  transition: transitionEligibilitySchema,
}

/** The kind's questions, with each date's three boxes joined into one date first. */
const answersFor = (kind: ApplicationKind) =>
  z.preprocess((raw) => collapseDateParts(raw as Record<string, string>, DATE_NAMES), SCHEMAS[kind])

function start(kind: ApplicationKind, answers: unknown) {
  if (kind === 'first')
    return startFirstApplication(answers as z.infer<typeof firstApplicationEligibilitySchema>)
  if (kind === 'extension')
    return startExtension(answers as z.infer<typeof extensionEligibilitySchema>)
  return startTransition(answers as z.infer<typeof transitionEligibilitySchema>)
}

/** Answers the eligibility questions: a draft starts, or the stop page says why not. */
export async function checkEligibilityAction(
  context: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  // The kind chooses the questions; a context that does not parse is refused by the wrapper.
  const kind = contextSchema.safeParse(context).data?.kind ?? 'first'
  return runFormAction(
    {
      context: contextSchema,
      input: answersFor(kind),
      run: (answers) => start(kind, answers),
      done: (result, { locale }) => {
        if (!result.ok) {
          const query = new URLSearchParams({ reason: result.reason, ...(result.details ?? {}) })
          redirect(`${paths.apply(locale, kind)}/stop?${query}`)
        }
        redirect(paths.application(locale, result.id))
      },
    },
    context,
    formData,
  )
}
