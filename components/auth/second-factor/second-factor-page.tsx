import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import type { FormState } from '@/lib/schemas/form-state'
import { CodeBoxForm, type CodeBoxState } from './code-box-form'

type Action = (state: CodeBoxState, formData: FormData) => Promise<CodeBoxState>
type Props = {
  locale: Locale
  /** Set for a first sign-in: the secret to add to the app. */
  enrolment: { email: string; secret: string; qrSvg: string } | null
  next: string
  confirmAction: Action
  verifyAction: (state: FormState, formData: FormData) => Promise<FormState>
  signOutAction: () => Promise<void>
}

/** The second step of a staff sign-in: set up the app once, afterwards type its code. */
export function SecondFactorPage({
  locale,
  enrolment,
  next,
  confirmAction,
  verifyAction,
  signOutAction,
}: Props) {
  const t = getT(locale, 'auth')
  return (
    <>
      <h1>{t(enrolment ? 'secondFactor.enrolTitle' : 'secondFactor.title')}</h1>
      {enrolment ? (
        <>
          <p className="long-text">{t('secondFactor.enrolLead')}</p>
          <div
            className="qr-code"
            role="img"
            aria-label={t('secondFactor.qrLabel')}
            // Our own SVG, drawn by `qrcode` on the server from the otpauth address: no script.
            dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
          />
          {/* A long work address has no place to break on a 360 px phone without this. */}
          <p className="long-text">{t('secondFactor.secretHint', { email: enrolment.email })}</p>
          <p>
            <code className="secret" dir="ltr" data-testid="totp-secret">
              {enrolment.secret.match(/.{1,4}/g)!.join(' ')}
            </code>
          </p>
          <CodeBoxForm mode="enrol" action={confirmAction} next={next} />
        </>
      ) : (
        <>
          <p className="long-text">{t('secondFactor.verifyLead')}</p>
          <CodeBoxForm mode="verify" action={verifyAction} next={next} />
        </>
      )}
      <form action={signOutAction}>
        <button type="submit" className="button button--secondary">
          {t('secondFactor.startAgain')}
        </button>
      </form>
    </>
  )
}
