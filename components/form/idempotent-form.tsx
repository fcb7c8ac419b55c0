'use client'
import type { ReactNode } from 'react'
import type { FormState } from '@/lib/schemas/form-state'
import { ActionForm } from './action-form'

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
  return (
    <ActionForm
      action={action}
      submitLabel={submitLabel}
      hidden={{ idempotencyKey }}
      variant={secondary ? 'warning' : 'primary'}
      namespaces={['application', 'appointments', 'validation']}
    >
      {children}
    </ActionForm>
  )
}
