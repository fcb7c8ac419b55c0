'use server'
import { headers } from 'next/headers'
import type { StatusLookupState } from '@/components/status/lookup-form'
import { lookUpApplicationStatus } from '@/lib/server/applications/look-up-status'
import { formContextSchema, runFormAction } from '@/lib/server/entry/form-action'
import { clientAddress } from '@/lib/server/http/request-origin'
import type { FormState } from '@/lib/schemas/form-state'
import { statusLookupFormSchema } from '@/lib/schemas/status-lookup'

/** The public lookup from the page: no sign-in; the answer is shown in place of a redirect. */
export async function lookUpStatusAction(
  ctx: unknown,
  _state: StatusLookupState,
  formData: FormData,
): Promise<StatusLookupState> {
  const address = clientAddress(await headers())
  return runFormAction(
    {
      context: formContextSchema,
      input: statusLookupFormSchema,
      run: (input) => lookUpApplicationStatus(input, address),
      done: (answer, _c, input): StatusLookupState =>
        answer.found
          ? { result: { reference: input.reference, status: answer.status } }
          : { formError: { key: 'lookup:notFound' } },
    },
    ctx,
    formData,
  ) as Promise<FormState & StatusLookupState>
}
