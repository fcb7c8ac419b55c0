'use client'
import { useEffect, useRef } from 'react'
import { useT } from '@/lib/i18n/client'

export type SummaryError = { fieldId: string | null; message: string }

/**
 * GOV.UK error summary: takes focus when errors appear, links each one to its field, and puts
 * "Error:" before the page title, which screen readers announce first. Pages whose errors come
 * from the server say it in their metadata already (lib/i18n/page-metadata).
 */
export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const t = useT()
  const ref = useRef<HTMLDivElement>(null)
  const signature = errors.map((e) => `${e.fieldId}:${e.message}`).join('|')
  const prefix = t('errorSummary.titlePrefix')
  useEffect(() => {
    if (!signature) return
    ref.current?.focus()
    if (document.title.startsWith(prefix)) return
    const plain = document.title
    document.title = `${prefix} ${plain}`
    return () => {
      // Unless another page has set its own title meanwhile.
      if (document.title === `${prefix} ${plain}`) document.title = plain
    }
  }, [signature, prefix])
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
