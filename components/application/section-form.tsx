'use client'
import { useActionState } from 'react'
import { formWideErrors } from '@/components/form/form-wide-errors'
import { ErrorSummary } from '@/components/form/error-summary'
import { useGuardedForm } from '@/components/form/use-guarded-form'
import { useT } from '@/lib/i18n/client'
import { collapseDateParts } from '@/lib/schemas/fields'
import type { FormState } from '@/lib/schemas/form-state'
import {
  DATE_FIELDS,
  sectionFieldNames,
  sectionSchemaFor,
  type SectionKey,
} from '@/lib/schemas/application/sections'
import { fieldErrorMessage, fieldErrorSummary, SectionFieldList } from './section-field-list'
import { SECTION_FIELDS, type OptionSource } from './section-fields'

type Option = { value: string; label: string }
type Props = {
  section: SectionKey
  /** The permit type decides which fields the task asks. */
  permitTypeCode: string
  saved: Record<string, string>
  options: Partial<Record<OptionSource, Option[]>>
  hiddenFields: string[]
  /** Field → i18n key for saved answers that clash with another task, shown on arrival. */
  initialErrors?: Record<string, string>
  action: (state: FormState, formData: FormData) => Promise<FormState>
}

export function SectionForm({
  section,
  permitTypeCode,
  saved,
  options,
  hiddenFields,
  initialErrors,
  action,
}: Props) {
  const t = useT(['application', 'validation', 'common'])
  const [state, formAction, pending] = useActionState(
    action,
    initialErrors ? { fieldErrors: initialErrors } : {},
  )
  const { form, guardSubmit } = useGuardedForm(
    sectionSchemaFor(section, permitTypeCode),
    {},
    (raw) =>
      raw.intent === 'later' ? null : collapseDateParts(withoutIntent(raw), DATE_FIELDS[section]),
  )
  const values = { ...saved, ...(state.values ?? {}) }
  const asked = sectionFieldNames(section, permitTypeCode)
  const fields = SECTION_FIELDS[section].filter(
    (f) => asked.includes(f.name) && !hiddenFields.includes(f.name),
  )
  const errorKey = (name: string) =>
    ((form.formState.errors as Record<string, { message?: unknown }>)[name]?.message as
      string | undefined) ?? state.fieldErrors?.[name]
  const errorOf = (name: string) => fieldErrorMessage(t, name, errorKey(name))
  const summary = [...fieldErrorSummary(t, fields, errorKey), ...formWideErrors(state, t)]
  return (
    <>
      <ErrorSummary errors={summary} />
      <form action={formAction} onSubmit={guardSubmit} noValidate>
        <SectionFieldList fields={fields} values={values} options={options} errorOf={errorOf} />
        <button type="submit" name="intent" value="complete" className="button" disabled={pending}>
          {t('common:actions.saveAndContinue')}
        </button>
        <button
          type="submit"
          name="intent"
          value="later"
          className="button button--secondary"
          disabled={pending}
        >
          {t('common:actions.saveForLater')}
        </button>
      </form>
    </>
  )
}

function withoutIntent(raw: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'intent'))
}
