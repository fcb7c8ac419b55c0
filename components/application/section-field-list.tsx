'use client'
import { DateField } from '@/components/form/date-field'
import { TextField } from '@/components/form/text-field'
import { useT } from '@/lib/i18n/client'
import { dateFieldValue } from '@/lib/schemas/fields'
import { ChoiceField } from './choice-field'
import type { FieldDef, OptionSource } from './section-fields'

type Option = { value: string; label: string }
type T = ReturnType<typeof useT>

// "Enter this information" would not say which field: each field has its own words instead.
const REQUIRED = new Set(['validation:required', 'validation:date.required'])
// Messages that still do not name the field get its label in the error summary.
const UNNAMED = new Set([
  'validation:tooLong',
  'validation:name.invalid',
  'validation:date.invalid',
])

/** A field's error in words (`key` is the i18n key the schema or the server gave). */
export function fieldErrorMessage(t: T, name: string, key: string | undefined) {
  return key ? t(REQUIRED.has(key) ? [`fields.${name}.required`, key] : key) : undefined
}

/** The error summary's lines for these fields, each naming its field. */
export function fieldErrorSummary(
  t: T,
  fields: readonly FieldDef[],
  errorKey: (name: string) => string | undefined,
) {
  return fields.flatMap((f) => {
    const key = errorKey(f.name)
    const message = fieldErrorMessage(t, f.name, key)
    if (!message) return []
    const named = UNNAMED.has(key!) ? `${t(`fields.${f.name}.label`)}: ${message}` : message
    return [{ fieldId: f.name, message: named }]
  })
}
type Props = {
  fields: readonly FieldDef[]
  values: Partial<Record<string, string>>
  options: Partial<Record<OptionSource, Option[]>>
  errorOf: (name: string) => string | undefined
}

/** The fields of a task, as the applicant's task form and the staff walk-in form show them. */
export function SectionFieldList({ fields, values, options, errorOf }: Props) {
  const t = useT(['application', 'validation', 'common'])
  return (
    <>
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
    </>
  )
}
