import 'server-only'

/**
 * A redirect that stays on the host the browser used. Next.js gives route handlers a URL on
 * the name the server started with (and rewrites 127.0.0.1 to `localhost`), so an absolute
 * Location built from it sends people to another host, where their cookies are not. A
 * path-only Location (RFC 9110 §10.2.2) is resolved by the browser against its own address.
 */
export function sameHostLocation(location: string, requestUrl: string): string {
  try {
    const target = new URL(location, requestUrl)
    if (target.origin !== new URL(requestUrl).origin) return location
    return `${target.pathname}${target.search}${target.hash}`
  } catch {
    return location
  }
}

/** Copies a redirect answer with its Location made path-only when it points at this server. */
export function keepRedirectOnHost(answer: Response, requestUrl: string): Response {
  const location = answer.headers.get('location')
  if (!location) return answer
  const headers = new Headers(answer.headers)
  headers.set('location', sameHostLocation(location, requestUrl))
  return new Response(answer.body, { status: answer.status, headers })
}
