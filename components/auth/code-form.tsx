'use client'
import type { FormEvent } from 'react'
import { ErrorSummary } from '@/components/form/error-summary'
import { TextField } from '@/components/form/text-field'
import { useGuardedForm } from '@/components/form/use-guarded-form'
import { normaliseNumericInput } from '@/lib/domain/digits'
import { useT } from '@/lib/i18n/client'
import { signInCodeFormSchema } from '@/lib/schemas/sign-in'

type Props = {
  email: string
  callbackUrl: string
  callbackPath: string
  serverError: string | null
}

/**
 * Posts the code to the sign-in callback with a plain form, which works without JavaScript.
 * POST keeps the code out of the address bar, the history and server logs.
 */
export function CodeForm({ email, callbackUrl, callbackPath, serverError }: Props) {
  const t = useT(['auth', 'validation', 'common'])
  const { form, guardSubmit } = useGuardedForm<{ token: string }>(signInCodeFormSchema, {
    token: '',
  })
  const fieldError = form.formState.errors.token?.message ?? serverError
  const errors = fieldError ? [{ fieldId: 'token', message: t(fieldError) }] : []
  // The code is sent as 0–9 even when typed on a Persian or Arabic keyboard
  // (the server reads those digits too, for browsers without JavaScript).
  const submit = (event: FormEvent<HTMLFormElement>) => {
    guardSubmit(event)
    const token = event.currentTarget.elements.namedItem('token')
    if (!event.defaultPrevented && token instanceof HTMLInputElement)
      token.value = normaliseNumericInput(token.value)
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <form method="post" action={callbackPath} onSubmit={submit} noValidate>
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <TextField
          id="token"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          dir="ltr"
          inputClassName="input--code"
          label={t('code.codeLabel')}
          hint={t('code.codeHint')}
          error={fieldError ? t(fieldError) : undefined}
          {...form.register('token')}
        />
        <button type="submit" className="button">
          {t('code.submit')}
        </button>
      </form>
    </>
  )
}
