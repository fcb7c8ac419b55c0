'use server'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { paths } from '@/lib/paths'
import type { FormState } from '@/lib/schemas/form-state'
import { submitApplication } from '@/lib/server/applications/submit-application'
import { formContextSchema, runFormAction } from '@/lib/server/entry/form-action'

const contextSchema = formContextSchema.extend({ id: z.uuid() })
const formSchema = z.strictObject({ idempotencyKey: z.uuid({ error: 'validation:unexpected' }) })

/** Sends the draft; the key written into the page makes a double click one submission. */
export async function submitApplicationAction(
  context: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context: contextSchema,
      input: formSchema,
      run: ({ idempotencyKey }, { id, locale }) => submitApplication(id, idempotencyKey, locale),
      done: (result, { locale, id }) => {
        if (!result.ok)
          return {
            fieldErrors: {
              _form: result.messageKey ?? `application:submitErrors.${result.reason}`,
            },
          }
        redirect(paths.applicationConfirmation(locale, id))
      },
    },
    context,
    formData,
  )
}
