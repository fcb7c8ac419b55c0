'use server'
import type { CallerLookupState } from '@/components/call-centre/caller-lookup-form'
import { lookUpCaller } from '@/lib/server/call-centre/look-up-caller'
import { formContextSchema, runFormAction } from '@/lib/server/entry/form-action'
import { callerLookupFormSchema } from '@/lib/schemas/call-centre/caller-lookup'

/** The agent's lookup: the masked view comes back in the form's state, never in the URL. */
export async function lookUpCallerAction(
  ctx: unknown,
  _state: CallerLookupState,
  formData: FormData,
): Promise<CallerLookupState> {
  return runFormAction(
    {
      context: formContextSchema,
      input: callerLookupFormSchema,
      run: (input, context) => lookUpCaller(input, context.locale),
      done: (answer): CallerLookupState =>
        answer.found ? { view: answer.view } : { formError: { key: 'callcentre:notFound' } },
    },
    ctx,
    formData,
  )
}
