import 'server-only'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { isUuid } from '@/lib/domain/ids'
import type { FormState } from '@/lib/schemas/form-state'
import { formContextSchema, runFormAction } from '../entry/form-action'

/** What every form on a case page is bound to. */
export const caseFormContextSchema = formContextSchema.extend({
  applicationId: z.string().refine(isUuid),
})
export type CaseFormContext = z.infer<typeof caseFormContextSchema>

/**
 * Runs one casework form through the shared action wrapper and, on success, reloads the case
 * page with `?done=<what>` so the officer sees what happened.
 */
export function runCaseForm<Input>(
  done: string,
  input: z.ZodType<Input>,
  run: (input: Input, applicationId: string) => Promise<unknown>,
  context: unknown,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context: caseFormContextSchema,
      input,
      run: (parsed, ctx) => run(parsed, ctx.applicationId),
      done: (_result, ctx) => redirect(`${ctx.returnTo.split('?')[0]}?done=${done}`),
    },
    context,
    formData,
  )
}
