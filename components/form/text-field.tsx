import type { InputHTMLAttributes } from 'react'

type Props = InputHTMLAttributes<HTMLInputElement> & {
  id: string
  label: string
  hint?: string
  error?: string
  inputClassName?: string
}

/** Label, hint and error tied to the input with aria-describedby, as screen readers expect. */
export function TextField({ id, label, hint, error, inputClassName = '', ...input }: Props) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ')
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="error-message">
          {error}
        </span>
      ) : null}
      <input
        id={id}
        className={`input ${inputClassName}${error ? ' input--error' : ''}`}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  )
}
