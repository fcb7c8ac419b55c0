import type { InputHTMLAttributes } from 'react'
import { describedByIds, FieldMessages } from './field-messages'

type Props = InputHTMLAttributes<HTMLInputElement> & {
  id: string
  label: string
  hint?: string
  error?: string
  inputClassName?: string
}

/** Label, hint and error tied to the input with aria-describedby, as screen readers expect. */
export function TextField({ id, label, hint, error, inputClassName = '', ...input }: Props) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <input
        id={id}
        className={`input ${inputClassName}${error ? ' input--error' : ''}`}
        aria-describedby={describedByIds(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  )
}
