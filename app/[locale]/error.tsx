'use client'
import { useT } from '@/lib/i18n/client'

/** Shown when a page fails, for example when the database cannot be reached. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string }
  reset: () => void
}) {
  const t = useT()
  return (
    <>
      <h1>{t('error.title')}</h1>
      <p>{t('error.body')}</p>
      {error.digest ? (
        <p className="hint">{t('error.reference', { digest: error.digest })}</p>
      ) : null}
      <button type="button" className="button" onClick={reset}>
        {t('error.retry')}
      </button>
    </>
  )
}
