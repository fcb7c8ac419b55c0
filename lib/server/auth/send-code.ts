import 'server-only'
import { getDb } from '@/db'
import { authSecret, portalUrl } from '../env'
import { EMAIL_CODE_PROVIDER_ID, emailCodeProvider } from './email-code-provider'

/**
 * Creates a code and queues its e-mail, as Auth.js's signIn() would, without its side effects:
 * signIn() also sets an `authjs.callback-url` cookie, only when it sends, which told an
 * attacker which addresses belong to staff (issue 14). Auth.js still checks the code.
 */
export async function sendSignInCode(email: string, callbackUrl: string): Promise<void> {
  const provider = emailCodeProvider(await getDb(), authSecret())
  const token = await provider.generateVerificationToken!()
  const url = `${portalUrl(`/api/auth/callback/${EMAIL_CODE_PROVIDER_ID}`)}?${new URLSearchParams({ callbackUrl: portalUrl(callbackUrl) })}`
  await provider.sendVerificationRequest({
    identifier: email,
    token,
    url,
    expires: new Date(Date.now() + provider.maxAge! * 1000),
    provider: provider as never,
    theme: {},
    request: new Request(url),
  })
}
