import type { ReactNode } from 'react'
import { ActionForm } from '@/components/form/action-form'
import type { CaseAction } from '@/lib/domain/casework/case-actions'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import type { FormState } from '@/lib/schemas/form-state'

export type BoundAction = (state: FormState, formData: FormData) => Promise<FormState>

export type CaseFormProps = {
  locale: Locale
  version: number
  actions: Partial<Record<CaseAction | 'note', BoundAction>>
}

/** One action of the case as its own small form: heading, fields, the button. */
export function CaseForm({
  locale,
  name,
  action,
  version,
  variant,
  hidden = {},
  children,
}: {
  locale: Locale
  name: string
  action: BoundAction | undefined
  version?: number
  variant?: 'primary' | 'secondary' | 'warning'
  hidden?: Record<string, string>
  children?: ReactNode
}) {
  if (!action) return null
  const t = getT(locale, 'casework')
  return (
    <div className="case-form" id={`form-${name}`}>
      <h3>{t(`forms.${name}.title`)}</h3>
      <ActionForm
        action={action}
        idPrefix={name}
        submitLabel={t(`forms.${name}.submit`)}
        hidden={version === undefined ? hidden : { ...hidden, version }}
        variant={variant}
        namespaces={['casework', 'common', 'validation']}
      >
        {children}
      </ActionForm>
    </div>
  )
}

/** A labelled control, its id prefixed by its form so error links find it. */
export function CaseField({
  form,
  name,
  label,
  hint,
  children,
}: {
  form: string
  name: string
  label: string
  hint?: string
  children: (id: string) => ReactNode
}) {
  const id = `${form}-${name}`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {children(id)}
    </div>
  )
}
