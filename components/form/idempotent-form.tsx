'use client'
import { useActionState, type ReactNode } from 'react'
import { ErrorSummary } from '@/components/form/error-summary'
import { useT } from '@/lib/i18n/client'
import type { FormState } from '@/lib/schemas/form-state'

type Props = {
  idempotencyKey: string
  action: (state: FormState, formData: FormData) => Promise<FormState>
  submitLabel: string
  secondary?: boolean
  children?: ReactNode
}

/**
 * A form whose sending changes something once: the key written into the page turns a double
 * click or a resend into the same request. Refusals appear in an error summary above it.
 */
export function IdempotentForm({
  idempotencyKey,
  action,
  submitLabel,
  secondary,
  children,
}: Props) {
  const t = useT(['application', 'appointments', 'validation'])
  const [state, formAction, pending] = useActionState(action, {})
  const errors = Object.entries(state.fieldErrors ?? {}).flatMap(([field, key]) =>
    key ? [{ fieldId: field === '_form' ? null : field, message: t(key) }] : [],
  )
  if (state.formError)
    errors.push({ fieldId: null, message: t(state.formError.key, state.formError.values ?? {}) })
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={formAction}>
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {children}
        <button
          type="submit"
          className={secondary ? 'button button--warning' : 'button'}
          disabled={pending}
        >
          {submitLabel}
        </button>
      </form>
    </>
  )
}
