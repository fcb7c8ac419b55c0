type Props = { id: string; hint?: string; error?: string }

/** The ids of the hint and error `FieldMessages` shows, for the control's `aria-describedby`. */
export function describedByIds(id: string, hint?: string, error?: string): string | undefined {
  return (
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined
  )
}

/** A field's hint, then its error message, each with the id `describedByIds` names. */
export function FieldMessages({ id, hint, error }: Props) {
  return (
    <>
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
    </>
  )
}
