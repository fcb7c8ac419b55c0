'use client'
import { useActionState } from 'react'
import { ErrorSummary } from '@/components/form/error-summary'
import { TextField } from '@/components/form/text-field'
import { useGuardedForm } from '@/components/form/use-guarded-form'
import { useT } from '@/lib/i18n/client'
import type { FormState } from '@/lib/schemas/form-state'
import { secondFactorSchema, totpEnrolmentSchema } from '@/lib/schemas/second-factor'

export type CodeBoxState = FormState & { recoveryCodes?: string[] }
type Props = {
  mode: 'enrol' | 'verify'
  action: (state: CodeBoxState, formData: FormData) => Promise<CodeBoxState>
  next: string
}

/**
 * One box for the code. Setting up takes a code from the app and then shows the recovery
 * codes, once; signing in takes a code from the app or a recovery code.
 */
export function CodeBoxForm({ mode, action, next }: Props) {
  const t = useT(['auth', 'validation', 'common'])
  const [state, formAction, pending] = useActionState(action, {})
  const { form, guardSubmit } = useGuardedForm<{ code: string }>(
    mode === 'enrol' ? totpEnrolmentSchema : secondFactorSchema,
    { code: '' },
  )
  if (state.recoveryCodes) {
    return (
      <section aria-labelledby="recovery-codes-title">
        <h2 id="recovery-codes-title">{t('secondFactor.recoveryTitle')}</h2>
        <p className="long-text">{t('secondFactor.recoveryLead')}</p>
        <ol className="recovery-codes" dir="ltr" data-testid="recovery-codes">
          {state.recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <p>
          {/* A full page load: the header, drawn before the second factor, must show the staff area. */}
          <a href={next} className="button">
            {t('secondFactor.continue')}
          </a>
        </p>
      </section>
    )
  }
  const fieldError = form.formState.errors.code?.message ?? state.fieldErrors?.code
  const errors = [
    ...(fieldError ? [{ fieldId: 'code', message: t(fieldError) }] : []),
    ...(state.formError
      ? [{ fieldId: 'code', message: t(state.formError.key, state.formError.values) }]
      : []),
  ]
  const enrol = mode === 'enrol'
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={formAction} onSubmit={guardSubmit} noValidate>
        <TextField
          id="code"
          autoComplete="one-time-code"
          inputMode={enrol ? 'numeric' : 'text'}
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={enrol ? 6 : 20}
          dir="ltr"
          inputClassName={enrol ? 'input--code' : 'input--recovery'}
          label={t(enrol ? 'secondFactor.enrolCodeLabel' : 'secondFactor.verifyLabel')}
          hint={t(enrol ? 'secondFactor.enrolCodeHint' : 'secondFactor.verifyHint')}
          error={errors[0]?.message}
          {...form.register('code')}
        />
        <button type="submit" className="button" disabled={pending}>
          {t(enrol ? 'secondFactor.enrolSubmit' : 'secondFactor.submit')}
        </button>
      </form>
    </>
  )
}
