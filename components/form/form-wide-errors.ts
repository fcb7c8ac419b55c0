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
