'use server'
import { redirect } from 'next/navigation'
import { paths } from '@/lib/paths'
import { applicationClaimFormSchema } from '@/lib/schemas/application/claim'
import type { FormState } from '@/lib/schemas/form-state'
import { claimApplication } from '@/lib/server/applications/claim-application'
import { formContextSchema, runFormAction } from '@/lib/server/entry/form-action'

/** Adds an application staff registered at the directorate to the signed-in account. */
export async function claimApplicationAction(ctx: unknown, _state: FormState, formData: FormData) {
  return runFormAction(
    {
      context: formContextSchema,
      input: applicationClaimFormSchema,
      run: (claim) => claimApplication(claim),
      done: ({ id }, c) => redirect(paths.application(c.locale, id)),
    },
    ctx,
    formData,
  )
}
