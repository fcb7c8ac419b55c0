import 'server-only'
import { NextRequest } from 'next/server'
import { normaliseNumericInput } from '@/lib/domain/digits'
import { DEFAULT_LOCALE } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import { keepRedirectOnHost } from '../http/relative-redirect'
import { finishCodeAttempt, recordCodeAttempt } from '../sign-in'
import { decodeBinding, SIGN_IN_COOKIE } from './sign-in-cookie'

type Handler = (req: NextRequest) => Promise<Response>

/**
 * The request with the code as 0–9: Auth.js compares the code character by character, and
 * one typed on a Persian or Arabic keyboard (۱۲۳۴۵۶, ١٢٣٤٥٦) is the same code.
 */
function withLatinCode(req: NextRequest): NextRequest {
  const typed = req.nextUrl.searchParams.get('token')
  if (typed === null || normaliseNumericInput(typed) === typed) return req
  const url = new URL(req.url)
  url.searchParams.set('token', normaliseNumericInput(typed))
  return new NextRequest(url, { method: req.method, headers: req.headers })
}

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
export async function handleCodeCallback(
  typedReq: NextRequest,
  authGet: Handler,
): Promise<Response> {
  const req = withLatinCode(typedReq)
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
