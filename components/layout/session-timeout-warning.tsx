'use client'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useT } from '@/lib/i18n/client'

type Props = {
  idleSeconds: number
  warnSeconds: number
  signInPath: string
  /** Staff are signed out sooner (15 minutes) than applicants (30); the message says which. */
  holder: 'staff' | 'applicant'
}

/**
 * Warns before the session ends for inactivity and lets the person stay signed in
 * (WCAG 2.2.1 "Timing adjustable"): fetching the session slides it forward on the server.
 */
export function SessionTimeoutWarning({ idleSeconds, warnSeconds, signInPath, holder }: Props) {
  const t = useT()
  const router = useRouter()
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null)
  const deadline = useRef(0)
  const stayButton = useRef<HTMLButtonElement>(null)

  const restart = useCallback(() => {
    deadline.current = Date.now() + idleSeconds * 1000
    setSecondsLeft(null)
  }, [idleSeconds])

  useEffect(() => {
    deadline.current = Date.now() + idleSeconds * 1000
    const timer = setInterval(() => {
      const left = Math.round((deadline.current - Date.now()) / 1000)
      if (left <= 0) {
        clearInterval(timer)
        router.replace(`${signInPath}?callbackUrl=${encodeURIComponent(window.location.pathname)}`)
      } else if (left <= warnSeconds) {
        setSecondsLeft(left)
      }
    }, 1000)
    return () => clearInterval(timer)
  }, [idleSeconds, warnSeconds, signInPath, router])

  const warning = secondsLeft !== null
  useEffect(() => {
    if (warning) stayButton.current?.focus()
  }, [warning])

  if (!warning) return null
  // m:ss needs no plural forms, and reads the same in every language.
  const time = `${Math.floor(secondsLeft / 60)}:${String(secondsLeft % 60).padStart(2, '0')}`
  const stay = async () => {
    const response = await fetch('/api/auth/session', { cache: 'no-store' })
    const session = response.ok ? await response.json() : null
    if (session?.user) restart()
    else router.replace(signInPath)
  }
  return (
    <div
      className="timeout-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="timeout-title"
      aria-describedby="timeout-body"
    >
      <div className="timeout-dialog__box">
        <h2 id="timeout-title">{t('timeout.title')}</h2>
        <p id="timeout-body">{t(holder === 'staff' ? 'timeout.bodyStaff' : 'timeout.body')}</p>
        {/* The digits are isolated left to right so 4:59 never reads 59:4 in Arabic or Persian. */}
        <p aria-live="polite">{t('timeout.timeLeft', { time: `\u2066${time}\u2069` })}</p>
        <button ref={stayButton} type="button" className="button" onClick={stay}>
          {t('timeout.stay')}
        </button>
      </div>
    </div>
  )
}
