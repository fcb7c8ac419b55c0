import type { TFunction } from 'i18next'
import type { FormState } from '@/lib/schemas/form-state'

/**
 * The messages about the whole form, not one field: unexpected fields, and every refusal of
 * the data layer (a limit, a busy database, someone else's change, a rule), translated.
 */
export function formWideErrors(
  state: FormState,
  t: TFunction,
): { fieldId: null; message: string }[] {
  const out: { fieldId: null; message: string }[] = []
  if (state.fieldErrors?._form) out.push({ fieldId: null, message: t(state.fieldErrors._form) })
  if (state.formError)
    out.push({ fieldId: null, message: t(state.formError.key, state.formError.values ?? {}) })
  return out
}

/**
 * A light server form's errors, as the action answered them: `fieldError` for the message
 * beside each field, `errors` for the summary above the form (fields in their order first).
 */
export function serverFormErrors<F extends string>(
  state: FormState,
  fields: readonly F[],
  t: TFunction,
) {
  const fieldError = (name: F) => {
    const key = state.fieldErrors?.[name]
    return key ? t(key) : undefined
  }
  const errors: { fieldId: string | null; message: string }[] = [
    ...fields.flatMap((f) => {
      const message = fieldError(f)
      return message ? [{ fieldId: f, message }] : []
    }),
    ...formWideErrors(state, t),
  ]
  return { fieldError, errors }
}
