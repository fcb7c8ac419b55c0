import type { Locale } from '@/lib/domain/locales'
import type { SignInAudience } from '@/lib/domain/sign-in-code'
import { getT } from '@/lib/i18n/create-translator'
import type { FormState } from '@/lib/schemas/form-state'
import { EmailForm } from './email-form'

type Props = {
  locale: Locale
  audience: SignInAudience
  callbackUrl: string
  notice: string | null
  action: (
    state: FormState<{ email: string }>,
    formData: FormData,
  ) => Promise<FormState<{ email: string }>>
}

export function SignInPage({ locale, audience, callbackUrl, notice, action }: Props) {
  const t = getT(locale, 'auth')
  const staff = audience === 'staff'
  return (
    <>
      <h1>{t(staff ? 'signIn.staffTitle' : 'signIn.title')}</h1>
      {notice ? <p className="notice">{t(notice)}</p> : null}
      <p>{t(staff ? 'signIn.staffLead' : 'signIn.lead')}</p>
      <EmailForm action={action} callbackUrl={callbackUrl} />
    </>
  )
}
