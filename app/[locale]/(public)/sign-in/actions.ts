'use server'
import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { paths } from '@/lib/paths'
import { fieldErrorsFrom, formDataToObject, type FormState } from '@/lib/schemas/form-state'
import { requestSignInCodeSchema, signInContextSchema } from '@/lib/schemas/sign-in'
import { DEVICE_COOKIE, trustedDeviceId } from '@/lib/server/auth/device-cookie'
import { sendSignInCode } from '@/lib/server/auth/send-code'
import { rememberBinding } from '@/lib/server/auth/sign-in-cookie'
import { clientAddress } from '@/lib/server/http/request-origin'
import { normaliseEmail, startSignIn } from '@/lib/server/sign-in'

type State = FormState<{ email: string }>

/**
 * Step 1 of signing in, for applicants and staff alike (the context is bound by the page). The
 * answer is the same for every address, staff or not, known or not: the code page and the
 * sign-in cookie, or the same limit message (SECURITY.md, "Sign-in").
 */
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
  const device = (await cookies()).get(DEVICE_COOKIE)?.value
  const result = await startSignIn(
    { email: parsed.data.email, audience, locale, callbackUrl: parsed.data.callbackUrl ?? home },
    {
      clientAddress: clientAddress(await headers()),
      trustedDevice: trustedDeviceId(device, normaliseEmail(parsed.data.email)),
    },
    sendSignInCode,
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
