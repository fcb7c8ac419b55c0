// Auth.js endpoints. Only what the e-mailed code needs is open; signing in starts in our own
// form (with its limits) and signing out is a server action, so no POST reaches Auth.js here.
import type { NextRequest } from 'next/server'
import { handlers } from '@/lib/server/auth/auth'
import { handleCodeCallback } from '@/lib/server/auth/code-callback'
import { EMAIL_CODE_PROVIDER_ID } from '@/lib/server/auth/email-code-provider'
import { keepRedirectOnHost } from '@/lib/server/http/relative-redirect'

const OPEN_GET_ACTIONS = new Set(['session', 'csrf', `callback/${EMAIL_CODE_PROVIDER_ID}`])

function authAction(req: NextRequest): string {
  return req.nextUrl.pathname.replace(/^\/api\/auth\//, '').replace(/\/$/, '')
}

export async function GET(req: NextRequest): Promise<Response> {
  const action = authAction(req)
  if (!OPEN_GET_ACTIONS.has(action)) return new Response('Not found', { status: 404 })
  if (action === `callback/${EMAIL_CODE_PROVIDER_ID}`) return handleCodeCallback(req, handlers.GET)
  return keepRedirectOnHost(await handlers.GET(req), req.url)
}

export function POST(): Response {
  return new Response('Not found', { status: 404 })
}
