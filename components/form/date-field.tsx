'use client'
import { useT } from '@/lib/i18n/client'
import { describedByIds, FieldMessages } from './field-messages'

type Props = {
  id: string
  label: string
  hint?: string
  error?: string
  value: { day: string; month: string; year: string }
  /** 'bday' for a date of birth: the boxes become bday-day, bday-month and bday-year. */
  autoComplete?: 'bday'
}

/** GOV.UK date input: three boxes, so nobody has to guess a date format. */
export function DateField({ id, label, hint, error, value, autoComplete }: Props) {
  const t = useT()
  const describedBy = describedByIds(id, hint, error)
  const parts = [
    { part: 'day', size: 2, width: '3.5em' },
    { part: 'month', size: 2, width: '3.5em' },
    { part: 'year', size: 4, width: '5em' },
  ] as const
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" role="group" aria-describedby={describedBy}>
        <legend className="label">{label}</legend>
        <FieldMessages id={id} hint={hint} error={error} />
        <div className="date-input" dir="ltr">
          {parts.map(({ part, size, width }) => (
            <div key={part} className="date-input__item">
              <label htmlFor={part === 'day' ? id : `${id}-${part}`} className="date-input__label">
                {t(`date.${part}`)}
              </label>
              <input
                id={part === 'day' ? id : `${id}-${part}`}
                name={`${id}-${part}`}
                className={`input${error ? ' input--error' : ''}`}
                style={{ inlineSize: width }}
                inputMode="numeric"
                maxLength={size}
                defaultValue={value[part]}
                autoComplete={autoComplete ? `${autoComplete}-${part}` : 'off'}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  )
}
