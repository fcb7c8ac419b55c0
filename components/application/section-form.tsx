'use client'
import { useActionState } from 'react'
import { DateField } from '@/components/form/date-field'
import { formWideErrors } from '@/components/form/form-wide-errors'
import { ErrorSummary } from '@/components/form/error-summary'
import { TextField } from '@/components/form/text-field'
import { useGuardedForm } from '@/components/form/use-guarded-form'
import { useT } from '@/lib/i18n/client'
import { collapseDateParts, dateFieldValue } from '@/lib/schemas/fields'
import type { FormState } from '@/lib/schemas/form-state'
import {
  DATE_FIELDS,
  sectionFieldNames,
  sectionSchemaFor,
  type SectionKey,
} from '@/lib/schemas/application/sections'
import { ChoiceField } from './choice-field'
import { SECTION_FIELDS, type OptionSource } from './section-fields'

type Option = { value: string; label: string }
// "Enter this information" would not say which field: each field has its own words instead.
const REQUIRED = new Set(['validation:required', 'validation:date.required'])
// Messages that still do not name the field get its label in the error summary.
const UNNAMED = new Set([
  'validation:tooLong',
  'validation:name.invalid',
  'validation:date.invalid',
])
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
  const errorOf = (name: string) => {
    const key = errorKey(name)
    return key ? t(REQUIRED.has(key) ? [`fields.${name}.required`, key] : key) : undefined
  }
  const summary = [
    ...fields.flatMap((f) => {
      const message = errorOf(f.name)
      if (!message) return []
      const named = UNNAMED.has(errorKey(f.name)!)
        ? `${t(`fields.${f.name}.label`)}: ${message}`
        : message
      return [{ fieldId: f.name, message: named }]
    }),
    ...formWideErrors(state, t),
  ]
  return (
    <>
      <ErrorSummary errors={summary} />
      <form action={formAction} onSubmit={guardSubmit} noValidate>
        {fields.map((f) => {
          const label = t(`fields.${f.name}.label`)
          const hint = t(`fields.${f.name}.hint`, { defaultValue: '' }) || undefined
          if (f.kind === 'date') {
            return (
              <DateField
                key={f.name}
                id={f.name}
                label={label}
                hint={hint}
                error={errorOf(f.name)}
                value={dateFieldValue(values, f.name)}
                autoComplete={f.autoComplete === 'bday' ? 'bday' : undefined}
              />
            )
          }
          if (f.kind === 'select' || f.kind === 'radios') {
            return (
              <ChoiceField
                key={f.name}
                kind={f.kind}
                name={f.name}
                label={label}
                hint={hint}
                error={errorOf(f.name)}
                options={options[f.options!] ?? []}
                value={values[f.name] ?? ''}
              />
            )
          }
          return (
            <TextField
              key={f.name}
              id={f.name}
              name={f.name}
              label={label}
              hint={hint}
              error={errorOf(f.name)}
              defaultValue={values[f.name] ?? ''}
              autoComplete={f.autoComplete}
              inputMode={f.inputMode}
              dir={f.ltr ? 'ltr' : undefined}
              inputClassName={f.narrow ? 'input--narrow' : ''}
            />
          )
        })}
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
