'use server'
import { redirect } from 'next/navigation'
import { paths } from '@/lib/paths'
import { caseworkSettingsSchema } from '@/lib/schemas/casework/casework-settings'
import type { FormState } from '@/lib/schemas/form-state'
import { changeCaseworkSettings } from '@/lib/server/casework/casework-settings'
import { formContextSchema, runFormAction } from '@/lib/server/entry/form-action'

/** Saves one directorate's casework settings, then shows the page again with the new values. */
export async function saveCaseworkSettingsAction(
  ctx: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context: formContextSchema,
      input: caseworkSettingsSchema,
      run: changeCaseworkSettings,
      done: (_r, context, input) =>
        redirect(
          `${paths.staffCaseworkSettings(context.locale)}?directorate=${input.directorateId}&saved=1`,
        ),
    },
    ctx,
    formData,
  )
}
