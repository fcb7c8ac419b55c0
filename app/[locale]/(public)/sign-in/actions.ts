'use server'
import { redirect } from 'next/navigation'
import { paths } from '@/lib/paths'
import { fieldErrorsFrom, formDataToObject, type FormState } from '@/lib/schemas/form-state'
import { requestSignInCodeSchema, signInContextSchema } from '@/lib/schemas/sign-in'
import { signIn } from '@/lib/server/auth/auth'
import { EMAIL_CODE_PROVIDER_ID } from '@/lib/server/auth/email-code-provider'
import { rememberBinding } from '@/lib/server/auth/sign-in-cookie'
import { startSignIn } from '@/lib/server/sign-in'

type State = FormState<{ email: string }>

/** Step 1 of signing in, for applicants and staff alike (the context is bound by the page). */
export async function requestSignInCodeAction(
  context: unknown,
  _state: State,
  formData: FormData,
): Promise<State> {
  const ctx = signInContextSchema.safeParse(context)
  if (!ctx.success) return { formError: { key: 'validation:unexpected' } }
  const raw = formDataToObject(formData)
  const parsed = requestSignInCodeSchema.safeParse(raw)
  if (!parsed.success)
    return { fieldErrors: fieldErrorsFrom(parsed.error), values: { email: raw.email ?? '' } }

  const { audience, locale } = ctx.data
  const home = audience === 'staff' ? paths.staffHome(locale) : paths.applications(locale)
  const result = await startSignIn(
    { email: parsed.data.email, audience, locale, callbackUrl: parsed.data.callbackUrl ?? home },
    (email, callbackUrl) =>
      signIn(EMAIL_CODE_PROVIDER_ID, { email, redirect: false, redirectTo: callbackUrl }),
  )
  if (!result.ok) {
    const minutes = Math.ceil(result.retryAfterSeconds / 60)
    return {
      formError: { key: 'auth:signIn.tooManyCodes', values: { minutes } },
      values: { email: parsed.data.email },
    }
  }
  await rememberBinding(result.binding)
  redirect(paths.signInCode(locale, audience))
}
