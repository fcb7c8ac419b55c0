import 'server-only'
import type { NextRequest } from 'next/server'
import { DEFAULT_LOCALE } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import { keepRedirectOnHost } from '../http/relative-redirect'
import { finishCodeAttempt, recordCodeAttempt } from '../sign-in'
import { decodeBinding, SIGN_IN_COOKIE } from './sign-in-cookie'

type Handler = (req: NextRequest) => Promise<Response>

function redirect(req: NextRequest, path: string, clearCookie = false): Response {
  const headers = new Headers({
    // Path only: the browser stays on the host it used (see keepRedirectOnHost).
    location: path,
    'cache-control': 'no-store',
  })
  if (clearCookie)
    headers.append('set-cookie', `${SIGN_IN_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`)
  return new Response(null, { status: 303, headers })
}

/**
 * Wraps Auth.js's code check with what it lacks: the code must be typed in the browser that
 * asked for it, and each sign-in allows only a few tries.
 */
export async function handleCodeCallback(req: NextRequest, authGet: Handler): Promise<Response> {
  const binding = decodeBinding(req.cookies.get(SIGN_IN_COOKIE)?.value)
  if (!binding) return redirect(req, `${paths.signIn(DEFAULT_LOCALE)}?error=no_challenge`)
  const codePage = paths.signInCode(binding.locale, binding.audience)
  const query = req.nextUrl.searchParams
  const attempt = await recordCodeAttempt(
    binding,
    query.get('email') ?? '',
    query.get('token') ?? '',
  )
  if (!attempt.ok) return redirect(req, `${codePage}?error=${attempt.reason}`)

  const answer = await authGet(req)
  const location = answer.headers.get('location') ?? ''
  const succeeded = answer.status >= 300 && answer.status < 400 && !/[?&]error=/.test(location)
  await finishCodeAttempt(binding, succeeded)
  if (!succeeded) return redirect(req, `${codePage}?error=wrong_code`)

  const done = keepRedirectOnHost(answer, req.url)
  done.headers.append('set-cookie', `${SIGN_IN_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`)
  return done
}
