'use client'
import { useActionState } from 'react'
import { ErrorSummary } from '@/components/form/error-summary'
import { TextField } from '@/components/form/text-field'
import { useGuardedForm } from '@/components/form/use-guarded-form'
import { useT } from '@/lib/i18n/client'
import type { FormState } from '@/lib/schemas/form-state'
import { requestSignInCodeSchema } from '@/lib/schemas/sign-in'

type Values = { email: string }
type Props = {
  action: (state: FormState<Values>, formData: FormData) => Promise<FormState<Values>>
  callbackUrl: string
}

export function EmailForm({ action, callbackUrl }: Props) {
  const t = useT(['auth', 'validation', 'common'])
  const [state, formAction, pending] = useActionState(action, {})
  const { form, guardSubmit } = useGuardedForm<Values>(requestSignInCodeSchema, {
    email: state.values?.email ?? '',
  })
  const emailError = form.formState.errors.email?.message ?? state.fieldErrors?.email
  const errors = [
    ...(emailError ? [{ fieldId: 'email', message: t(emailError) }] : []),
    ...(state.formError
      ? [{ fieldId: null, message: t(state.formError.key, state.formError.values) }]
      : []),
  ]
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={formAction} onSubmit={guardSubmit} noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <TextField
          id="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          inputMode="email"
          dir="ltr"
          label={t('signIn.emailLabel')}
          hint={t('signIn.emailHint')}
          error={emailError ? t(emailError) : undefined}
          defaultValue={state.values?.email}
          {...form.register('email')}
        />
        <button type="submit" className="button" disabled={pending}>
          {t('signIn.submit')}
        </button>
      </form>
    </>
  )
}
