'use client'
import { useActionState } from 'react'
import { ChoiceField } from '@/components/application/choice-field'
import { DateField } from '@/components/form/date-field'
import { ErrorSummary, type SummaryError } from '@/components/form/error-summary'
import { describedByIds, FieldMessages } from '@/components/form/field-messages'
import { useT } from '@/lib/i18n/client'
import { dateFieldValue } from '@/lib/schemas/fields'
import type { FormState } from '@/lib/schemas/form-state'

type Option = { value: string; label: string }

export type AssignmentFields = {
  labels: {
    earliestDate: string
    earliestDateHint: string
    weekdays: string
    weekdaysHint: string
    partOfDay: string
  }
  weekdayOptions: Option[]
  partOfDayOptions: Option[]
  initial: { earliestDate: string; weekdays: string; partOfDay: string }
}

type Props = {
  idempotencyKey: string
  action: (state: FormState, formData: FormData) => Promise<FormState>
  submitLabel: string
  // Translated on the server: the 'assignment' namespace does not reach the browser.
  messages: Record<string, string>
  fields?: AssignmentFields
  secondary?: boolean
}

/**
 * The assigned-mode forms: the constraints (earliest day, weekdays, part of the day) or, with
 * no fields, withdrawing the request. The hidden key makes a double click one request.
 */
export function AssignmentForm({
  idempotencyKey,
  action,
  submitLabel,
  messages,
  fields,
  secondary,
}: Props) {
  const t = useT(['appointments', 'validation'])
  const [state, formAction, pending] = useActionState(action, {})
  const text = (key: string | undefined) => (key ? (messages[key] ?? t(key)) : undefined)
  const err = (name: string) => text(state.fieldErrors?.[name])
  const summary: SummaryError[] = ['earliestDate', 'weekdays', 'partOfDay'].flatMap((name) =>
    err(name) ? [{ fieldId: name, message: err(name)! }] : [],
  )
  if (state.fieldErrors?._form)
    summary.push({ fieldId: null, message: text(state.fieldErrors._form)! })
  if (state.formError) {
    const { key, values = {} } = state.formError
    summary.push({ fieldId: null, message: messages[key] ?? t(key, values) })
  }
  const values = { ...fields?.initial, ...state.values }
  return (
    <>
      <ErrorSummary errors={summary} />
      <form action={formAction} noValidate>
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {fields ? (
          <>
            <DateField
              id="earliestDate"
              label={fields.labels.earliestDate}
              hint={fields.labels.earliestDateHint}
              error={err('earliestDate')}
              value={dateFieldValue(values, 'earliestDate')}
            />
            <WeekdayChoices
              label={fields.labels.weekdays}
              hint={fields.labels.weekdaysHint}
              error={err('weekdays')}
              options={fields.weekdayOptions}
              checked={(values.weekdays ?? '').split(',')}
            />
            <ChoiceField
              kind="radios"
              name="partOfDay"
              label={fields.labels.partOfDay}
              error={err('partOfDay')}
              options={fields.partOfDayOptions}
              value={values.partOfDay ?? ''}
            />
          </>
        ) : null}
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

function WeekdayChoices(props: {
  label: string
  hint: string
  error?: string
  options: Option[]
  checked: string[]
}) {
  const { label, hint, error, options, checked } = props
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedByIds('weekdays', hint, error)}>
        <legend className="label">{label}</legend>
        <FieldMessages id="weekdays" hint={hint} error={error} />
        <div className="radios">
          {options.map((o, i) => (
            <label key={o.value}>
              <input
                type="checkbox"
                id={i === 0 ? 'weekdays' : `weekdays-${o.value}`}
                name="weekdays"
                value={o.value}
                defaultChecked={checked.includes(o.value)}
              />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  )
}
