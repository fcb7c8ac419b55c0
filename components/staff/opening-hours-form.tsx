'use client'
import { useActionState, useRef } from 'react'
import { ErrorSummary } from '@/components/form/error-summary'
import { formWideErrors } from '@/components/form/form-wide-errors'
import { TextField } from '@/components/form/text-field'
import { useGuardedForm } from '@/components/form/use-guarded-form'
import { WEEKDAYS } from '@/lib/domain/appointments/office-setup'
import { useT } from '@/lib/i18n/client'
import type { FormState } from '@/lib/schemas/form-state'
import { openingHoursSchema } from '@/lib/schemas/staff/offices'

const TIMES = ['opensAt', 'closesAt', 'breakFrom', 'breakTo'] as const
type Values = Record<(typeof TIMES)[number], string>
type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>
  officeId: string
}

// Ticked days arrive as a list, as on the server (runFormAction).
function prepare(form: HTMLFormElement | null, raw: Record<string, string>) {
  const weekdays = form ? new FormData(form).getAll('weekdays').map(String) : []
  return { ...raw, weekdays } as unknown as Record<string, string>
}

/** The hours of the days ticked: open, close and an optional break, or closed all day. */
export function OpeningHoursForm({ action, officeId }: Props) {
  const t = useT(['staffadmin', 'validation', 'common'])
  const [state, formAction, pending] = useActionState(action, {})
  const v = state.values ?? {}
  const formRef = useRef<HTMLFormElement>(null)
  const { form, guardSubmit } = useGuardedForm<Values>(
    openingHoursSchema,
    {
      opensAt: v.opensAt ?? '',
      closesAt: v.closesAt ?? '',
      breakFrom: v.breakFrom ?? '',
      breakTo: v.breakTo ?? '',
    },
    (raw) => prepare(formRef.current, raw),
  )
  const errorOf = (field: string) => {
    const key =
      (form.formState.errors as Record<string, { message?: string }>)[field]?.message ??
      state.fieldErrors?.[field]
    return key ? t(key) : undefined
  }
  const errors = [
    ...['weekdays', ...TIMES].flatMap((f) =>
      errorOf(f) ? [{ fieldId: `hours-${f}`, message: errorOf(f)! }] : [],
    ),
    ...formWideErrors(state, t),
  ]
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={formAction} ref={formRef} onSubmit={guardSubmit} noValidate>
        <input type="hidden" name="officeId" value={officeId} />
        <fieldset className="checkboxes" id="hours-weekdays">
          <legend>{t('offices.hours.weekdays')}</legend>
          {errorOf('weekdays') ? <p className="error-message">{errorOf('weekdays')}</p> : null}
          {WEEKDAYS.map((d) => (
            <div className="checkbox" key={d}>
              <input type="checkbox" id={`hours-day-${d}`} name="weekdays" value={d} />
              <label htmlFor={`hours-day-${d}`}>{t(`weekday.${d}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="checkbox">
          <input type="checkbox" id="hours-closed" name="closed" value="yes" />
          <label htmlFor="hours-closed">{t('offices.hours.closed')}</label>
        </div>
        {TIMES.map((f) => (
          <TextField
            key={f}
            id={`hours-${f}`}
            label={t(`offices.hours.${f}`)}
            hint={t('offices.hours.timeHint')}
            inputMode="numeric"
            dir="ltr"
            inputClassName="input--short"
            error={errorOf(f)}
            {...form.register(f)}
          />
        ))}
        <button type="submit" className="button" disabled={pending}>
          {t('offices.hours.submit')}
        </button>
      </form>
    </>
  )
}
