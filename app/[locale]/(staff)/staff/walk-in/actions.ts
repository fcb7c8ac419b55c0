'use server'
import { redirect } from 'next/navigation'
import { collapseDateParts, typedDateParts } from '@/lib/schemas/fields'
import type { FormState } from '@/lib/schemas/form-state'
import { typedAnswersSchema } from '@/lib/schemas/application/typed-answers'
import { walkInDateFields, walkInPermitTypeSchema } from '@/lib/schemas/staff/walk-in'
import { registerWalkIn } from '@/lib/server/applications/register-walk-in'
import { formContextSchema, runFormAction } from '@/lib/server/entry/form-action'

const contextSchema = formContextSchema.extend({ permitType: walkInPermitTypeSchema })

/** Registers a walk-in applicant's application; the reference is shown to hand over. */
export async function registerWalkInAction(
  context: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context: contextSchema,
      input: typedAnswersSchema,
      run: async ({ idempotencyKey, ...typed }, { permitType }) => {
        const dates = walkInDateFields(permitType)
        const raw = collapseDateParts(typed, dates)
        const result = await registerWalkIn(permitType, raw, idempotencyKey ?? '')
        return { result, values: { ...raw, ...typedDateParts(typed, dates) } }
      },
      done: ({ result, values }, { locale }) => {
        if (result.ok) redirect(`/${locale}/staff/walk-in/${result.id}`)
        if ('fieldErrors' in result) return { fieldErrors: result.fieldErrors, values }
        return { fieldErrors: { _form: result.messageKey }, values }
      },
    },
    context,
    formData,
  )
}
