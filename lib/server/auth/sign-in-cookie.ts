import 'server-only'
import { signInBindingSchema } from '@/lib/schemas/sign-in'
import { SIGN_IN_CODE_TTL_SECONDS } from '@/lib/domain/sign-in-code'
import { isSecureDeployment } from '../env'
import type { SignInBinding } from '../sign-in'

export const SIGN_IN_COOKIE = isSecureDeployment() ? '__Host-ikamet.sign-in' : 'ikamet.sign-in'

export const signInCookieOptions = () => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: isSecureDeployment(),
  path: '/',
  maxAge: SIGN_IN_CODE_TTL_SECONDS,
})

export function encodeBinding(binding: SignInBinding): string {
  return Buffer.from(JSON.stringify(binding)).toString('base64url')
}

/** A cookie that fails to parse is treated as absent; the database check decides the rest. */
export function decodeBinding(value: string | undefined): SignInBinding | null {
  if (!value || value.length > 2000) return null
  try {
    const parsed = signInBindingSchema.safeParse(
      JSON.parse(Buffer.from(value, 'base64url').toString('utf8')),
    )
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Stores the sign-in binding in this browser (server actions and route handlers only). */
export async function rememberBinding(binding: SignInBinding): Promise<void> {
  const { cookies } = await import('next/headers')
  ;(await cookies()).set(SIGN_IN_COOKIE, encodeBinding(binding), signInCookieOptions())
}

export async function readBinding(): Promise<SignInBinding | null> {
  const { cookies } = await import('next/headers')
  return decodeBinding((await cookies()).get(SIGN_IN_COOKIE)?.value)
}
