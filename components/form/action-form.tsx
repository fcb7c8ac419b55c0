'use client'
import { useActionState, type ReactNode } from 'react'
import { ErrorSummary } from '@/components/form/error-summary'
import { formWideErrors } from '@/components/form/form-wide-errors'
import { useT } from '@/lib/i18n/client'
import type { Namespace } from '@/lib/i18n/settings'
import type { FormState } from '@/lib/schemas/form-state'

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>
  submitLabel: string
  /** Field ids in this form are `<idPrefix>-<name>`, so several forms can share a page. */
  idPrefix?: string
  hidden?: Record<string, string | number>
  variant?: 'primary' | 'secondary' | 'warning'
  namespaces?: readonly Namespace[]
  children?: ReactNode
}

const BUTTON = {
  primary: 'button',
  secondary: 'button button--secondary',
  warning: 'button button--warning',
}

/**
 * A form that runs one server action and shows what it answered: each refusal and each field
 * problem in an error summary above the form, linked to its field, in the reader's language.
 */
export function ActionForm({
  action,
  submitLabel,
  idPrefix,
  hidden = {},
  variant = 'primary',
  namespaces = ['common', 'validation'],
  children,
}: Props) {
  const t = useT(namespaces)
  const [state, formAction, pending] = useActionState(action, {})
  const fieldId = (field: string) => (idPrefix ? `${idPrefix}-${field}` : field)
  const errors = [
    ...Object.entries(state.fieldErrors ?? {}).flatMap(([field, key]) =>
      key && field !== '_form' ? [{ fieldId: fieldId(field), message: t(key) }] : [],
    ),
    ...formWideErrors(state, t),
  ]
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={formAction}>
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children}
        <button type="submit" className={BUTTON[variant]} disabled={pending}>
          {submitLabel}
        </button>
      </form>
    </>
  )
}
