import { isDecodableFormReply, isDecodableTextReply } from './action-reply'

// Next.js answers a server-action post it cannot use with a 500 before our code runs: a body it
// cannot decode, one past its size limit, an Origin from elsewhere (vercel/next.js#86945,
// #92703). The proxy sees the post first and answers these itself (SECURITY.md RB-03).

/** Next.js's own limit for a server action's body (`serverActions.bodySizeLimit`, 1 MB). */
export const ACTION_BODY_LIMIT = 1024 * 1024

type ActionPost = {
  method: string
  pathname: string
  headers: Headers
  text: () => Promise<string>
  formData: () => Promise<FormData>
}

function isMultipart(headers: Headers): boolean {
  return (headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')
}

function isForeignOrigin(headers: Headers, publicHost: string): boolean {
  const origin = headers.get('origin')
  if (origin === null) return false // a same-site post from an older browser; Next.js allows it
  try {
    return new URL(origin).host !== publicHost
  } catch {
    return true // "null" and other values Next.js would fail to read
  }
}

function formSize(form: FormData): number {
  let size = 0
  for (const [key, value] of form.entries())
    size += key.length + (typeof value === 'string' ? value.length : value.size)
  return size
}

/** The status to refuse a server-action post with, or null to let it through. */
export async function actionPostRefusal(
  req: ActionPost,
  publicHost: string,
): Promise<400 | 403 | 413 | null> {
  if (req.method !== 'POST' || req.pathname.startsWith('/api/')) return null
  const isFetchCall = req.headers.has('next-action')
  // A post without the header is an action only as a multipart form (sent without JavaScript).
  if (!isFetchCall && !isMultipart(req.headers)) return null
  const length = Number(req.headers.get('content-length') ?? 0)
  if (length > ACTION_BODY_LIMIT) return 413
  try {
    if (isMultipart(req.headers)) {
      const form = await req.formData()
      if (formSize(form) > ACTION_BODY_LIMIT) return 413
      const isAction = isFetchCall || [...form.keys()].some((key) => key.startsWith('$ACTION_'))
      if (!isAction) return null
      if (isForeignOrigin(req.headers, publicHost)) return 403
      return isDecodableFormReply(form, isFetchCall) ? null : 400
    }
    if (isForeignOrigin(req.headers, publicHost)) return 403
    const body = await req.text()
    if (new TextEncoder().encode(body).length > ACTION_BODY_LIMIT) return 413
    return isDecodableTextReply(body) ? null : 400
  } catch {
    return 400 // a multipart body that does not parse
  }
}
