'use server'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { Locale } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import type { FormState } from '@/lib/schemas/form-state'
import { secondFactorSchema, totpEnrolmentSchema } from '@/lib/schemas/second-factor'
import { confirmTotpEnrolment } from '@/lib/server/auth/second-factor/confirm-totp-enrolment'
import type { WrongCode } from '@/lib/server/auth/second-factor/second-factor-failure'
import { verifySecondFactor } from '@/lib/server/auth/second-factor/verify-second-factor'
import { formContextSchema, runFormAction } from '@/lib/server/entry/form-action'

export type EnrolmentState = FormState & { recoveryCodes?: string[] }

/** A wrong code: tries left, or (the last one) the session has ended: sign in again (SF-04). */
function wrongCode(result: WrongCode, locale: Locale): FormState {
  if (result.triesLeft === 0) redirect(`${paths.signIn(locale, 'staff')}?error=second_factor_ended`)
  return { formError: { key: 'auth:secondFactor.wrongCode', values: { count: result.triesLeft } } }
}

/**
 * The session has become a staff session: the header, rendered by the layout while it was not,
 * must be drawn again (a redirect from an action keeps the layouts the browser holds).
 */
function signedInAsStaff(): void {
  revalidatePath('/', 'layout')
}

/** First staff sign-in: confirm the app with a code; the recovery codes are shown once. */
export async function confirmTotpEnrolmentAction(
  context: unknown,
  _state: EnrolmentState,
  formData: FormData,
): Promise<EnrolmentState> {
  return runFormAction(
    {
      context: formContextSchema,
      input: totpEnrolmentSchema,
      run: ({ code }) => confirmTotpEnrolment(code),
      done: (result, ctx): EnrolmentState =>
        result.ok ? { recoveryCodes: result.recoveryCodes } : wrongCode(result, ctx.locale),
    },
    context,
    formData,
  )
}

/** Later staff sign-ins: a code from the app or a recovery code, then on to the page asked for. */
export async function verifySecondFactorAction(
  context: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context: formContextSchema,
      input: secondFactorSchema,
      run: ({ code }) => verifySecondFactor(code),
      done: (result, ctx) => {
        if (!result.ok) return wrongCode(result, ctx.locale)
        signedInAsStaff()
        redirect(ctx.returnTo)
      },
    },
    context,
    formData,
  )
}
