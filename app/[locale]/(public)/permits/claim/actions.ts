'use server'
import { redirect } from 'next/navigation'
import { paths } from '@/lib/paths'
import type { FormState } from '@/lib/schemas/form-state'
import { permitClaimFormSchema } from '@/lib/schemas/permits/claim'
import { formContextSchema, runFormAction } from '@/lib/server/entry/form-action'
import { claimPermit } from '@/lib/server/permits/claim-permit'

export async function claimPermitAction(ctx: unknown, _state: FormState, formData: FormData) {
  return runFormAction(
    {
      context: formContextSchema,
      input: permitClaimFormSchema,
      run: (claim) => claimPermit(claim),
      done: (_result, c) => redirect(`${paths.permits(c.locale)}?claimed=1`),
    },
    ctx,
    formData,
  )
}
