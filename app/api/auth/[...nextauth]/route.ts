// Auth.js endpoints. Only what the e-mailed code needs is open; signing in starts in our own
// form (with its limits) and signing out is a server action. The code arrives by POST, never in
// an address (issue 14); Auth.js sees it only in a request built on the server.
import type { NextRequest } from 'next/server'
import { handlers } from '@/lib/server/auth/auth'
import { handleCodeCallback } from '@/lib/server/auth/code-callback'
import { EMAIL_CODE_PROVIDER_ID } from '@/lib/server/auth/email-code-provider'
import { keepRedirectOnHost } from '@/lib/server/http/relative-redirect'

const OPEN_GET_ACTIONS = new Set(['session', 'csrf'])
const CODE_CALLBACK = `callback/${EMAIL_CODE_PROVIDER_ID}`

function authAction(req: NextRequest): string {
  return req.nextUrl.pathname.replace(/^\/api\/auth\//, '').replace(/\/$/, '')
}

export async function GET(req: NextRequest): Promise<Response> {
  const action = authAction(req)
  if (!OPEN_GET_ACTIONS.has(action)) return new Response('Not found', { status: 404 })
  return keepRedirectOnHost(await handlers.GET(req), req.url)
}

export function POST(req: NextRequest): Promise<Response> | Response {
  if (authAction(req) === CODE_CALLBACK) return handleCodeCallback(req, handlers.GET)
  return new Response('Not found', { status: 404 })
}
