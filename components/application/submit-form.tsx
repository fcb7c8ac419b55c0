'use client'
import { useActionState } from 'react'
import { ErrorSummary } from '@/components/form/error-summary'
import { useT } from '@/lib/i18n/client'
import type { FormState } from '@/lib/schemas/form-state'

type Props = {
  idempotencyKey: string
  action: (state: FormState, formData: FormData) => Promise<FormState>
}

export function SubmitForm({ idempotencyKey, action }: Props) {
  const t = useT(['application', 'validation'])
  const [state, formAction, pending] = useActionState(action, {})
  const error = state.fieldErrors?._form
  return (
    <>
      <ErrorSummary errors={error ? [{ fieldId: null, message: t(error) }] : []} />
      <form action={formAction}>
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <button type="submit" className="button" disabled={pending}>
          {t('check.submit')}
        </button>
      </form>
    </>
  )
}
