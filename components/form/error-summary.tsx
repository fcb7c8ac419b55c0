'use client'
import { useEffect, useRef } from 'react'
import { useT } from '@/lib/i18n/client'

export type SummaryError = { fieldId: string | null; message: string }

/** GOV.UK error summary: takes focus when errors appear and links each one to its field. */
export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const t = useT()
  const ref = useRef<HTMLDivElement>(null)
  const signature = errors.map((e) => `${e.fieldId}:${e.message}`).join('|')
  useEffect(() => {
    if (signature) ref.current?.focus()
  }, [signature])
  if (errors.length === 0) return null
  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{t('errorSummary.title')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={`${e.fieldId}-${e.message}`}>
            {e.fieldId ? <a href={`#${e.fieldId}`}>{e.message}</a> : e.message}
          </li>
        ))}
      </ul>
    </div>
  )
}
