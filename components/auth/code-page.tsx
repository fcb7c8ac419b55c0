import Link from 'next/link'
import type { Locale } from '@/lib/domain/locales'
import type { SignInAudience } from '@/lib/domain/sign-in-code'
import { getT } from '@/lib/i18n/create-translator'
import { paths } from '@/lib/paths'
import { CodeForm } from './code-form'

const ERROR_KEYS: Record<string, string> = {
  wrong_code: 'auth:code.wrongCode',
  too_many_attempts: 'auth:code.tooManyAttempts',
  no_challenge: 'auth:code.noChallenge',
}

type Props = {
  locale: Locale
  audience: SignInAudience
  pending: { email: string; callbackUrl: string } | null
  error: string | undefined
  callbackPath: string
}

export function CodePage({ locale, audience, pending, error, callbackPath }: Props) {
  const t = getT(locale, 'auth')
  const restart = paths.signIn(locale, audience)
  if (!pending) {
    return (
      <>
        <h1>{t('code.title')}</h1>
        <p className="notice">{t('code.noChallenge')}</p>
        <Link href={restart}>{t('code.resend')}</Link>
      </>
    )
  }
  const lead = audience === 'staff' ? 'code.staffLead' : 'code.lead'
  return (
    <>
      <h1>{t('code.title')}</h1>
      <p className="long-text">{t(lead, { email: pending.email })}</p>
      <p className="hint">{t('code.checkSpam')}</p>
      <CodeForm
        email={pending.email}
        callbackUrl={pending.callbackUrl}
        callbackPath={callbackPath}
        serverError={error ? (ERROR_KEYS[error] ?? ERROR_KEYS.wrong_code!) : null}
      />
      <p>
        <Link href={restart}>{t('code.resend')}</Link>
      </p>
    </>
  )
}
