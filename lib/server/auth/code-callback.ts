import 'server-only'
import { NextRequest } from 'next/server'
import { getDb } from '@/db'
import { normaliseNumericInput } from '@/lib/domain/digits'
import { DEFAULT_LOCALE } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import { isCrossSite } from '../api/request-guard'
import { keepRedirectOnHost } from '../http/relative-redirect'
import { auditRejectedCode, finishCodeAttempt, recordCodeAttempt } from '../sign-in'
import { deviceCookieHeader } from './device-cookie'
import { decodeBinding, SIGN_IN_COOKIE } from './sign-in-cookie'

type Handler = (req: NextRequest) => Promise<Response>
type CodeForm = { email: string; token: string; callbackUrl: string }

const MAX_FORM_BYTES = 4096

/** The posted form's fields; anything unreadable reads as empty, which no check accepts. */
async function readCodeForm(req: NextRequest): Promise<CodeForm> {
  const empty = { email: '', token: '', callbackUrl: '' }
  const type = req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (req.method !== 'POST' || type !== 'application/x-www-form-urlencoded') return empty
  const text = await req.text().catch(() => '')
  if (text.length > MAX_FORM_BYTES) return empty
  const form = new URLSearchParams(text)
  const field = (name: string) => form.get(name)?.slice(0, 500) ?? ''
  return { email: field('email'), token: field('token'), callbackUrl: field('callbackUrl') }
}

/**
 * The request Auth.js reads the code from. Auth.js takes it from the query string; this one
 * never leaves the server, so the code is in no address bar, history or proxy log. The code
 * goes in as 0–9: one typed on a Persian or Arabic keyboard (۱۲۳۴۵۶, ١٢٣٤٥٦) is the same code.
 */
function authJsRequest(req: NextRequest, form: CodeForm): NextRequest {
  const url = new URL(req.nextUrl.pathname, req.url)
  url.search = new URLSearchParams({
    ...(form.callbackUrl && { callbackUrl: form.callbackUrl }),
    token: normaliseNumericInput(form.token),
    email: form.email,
  }).toString()
  const headers = new Headers(req.headers)
  for (const name of ['content-type', 'content-length']) headers.delete(name)
  return new NextRequest(url, { method: 'GET', headers })
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
 * Wraps Auth.js's code check with what it lacks: the code arrives in a POST body, must be
 * typed in the browser that asked for it (a cross-site post is refused like a missing
 * sign-in), each sign-in allows only a few tries, and a success marks this browser as one
 * that has signed in to the address (auth/device-cookie).
 */
export async function handleCodeCallback(req: NextRequest, authGet: Handler): Promise<Response> {
  const binding = isCrossSite(req) ? null : decodeBinding(req.cookies.get(SIGN_IN_COOKIE)?.value)
  if (!binding) {
    await auditRejectedCode(await getDb(), null, 'no_challenge')
    return redirect(req, `${paths.signIn(DEFAULT_LOCALE)}?error=no_challenge`)
  }
  const codePage = paths.signInCode(binding.locale, binding.audience)
  const form = await readCodeForm(req)
  const attempt = await recordCodeAttempt(binding, form.email, normaliseNumericInput(form.token))
  if (!attempt.ok) {
    await auditRejectedCode(await getDb(), binding, attempt.reason)
    return redirect(req, `${codePage}?error=${attempt.reason}`)
  }

  const answer = await authGet(authJsRequest(req, form))
  const location = answer.headers.get('location') ?? ''
  const succeeded = answer.status >= 300 && answer.status < 400 && !/[?&]error=/.test(location)
  await finishCodeAttempt(binding, succeeded)
  if (!succeeded) return redirect(req, `${codePage}?error=wrong_code`)

  const done = keepRedirectOnHost(answer, req.url)
  done.headers.append('set-cookie', `${SIGN_IN_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`)
  done.headers.append('set-cookie', deviceCookieHeader(binding.email))
  return done
}
