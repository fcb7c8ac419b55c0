import 'server-only'
import { authUrl, trustedProxyHops } from '../env'

// One trusted-proxy setting (TRUSTED_PROXY_HOPS) decides which forwarded headers count, for the
// origin people see (sign-in redirects) and for the client address (rate limits). Next.js fills
// the X-Forwarded-* headers itself when nothing sent them, so they are always present; only a
// trusted proxy's values may change what the portal believes (security.md NX-04, see SECURITY.md).

type HeaderSource = { get(name: string): string | null }

/** The entry a proxy `hops` places from the end wrote, in a comma-separated forwarded header. */
function forwardedEntry(value: string | null, hops: number): string | undefined {
  const chain = (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  return chain[chain.length - Math.max(1, hops)] ?? chain[0]
}

const HOST_PATTERN = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

/**
 * The origin the person typed or the proxy serves: AUTH_URL when set; otherwise the request's
 * own Host, or the trusted proxy's X-Forwarded-Host and -Proto. Next.js hands route handlers a
 * URL on the name the server was started with (`localhost`), which is never the right answer.
 */
export function publicOrigin(headers: HeaderSource, requestUrl: string): string {
  const configured = authUrl()
  if (configured) return new URL(configured).origin
  const fallback = new URL(requestUrl)
  const hops = trustedProxyHops()
  const host =
    (hops > 0 ? forwardedEntry(headers.get('x-forwarded-host'), hops) : undefined) ??
    headers.get('host') ??
    fallback.host
  const proto = hops > 0 ? forwardedEntry(headers.get('x-forwarded-proto'), hops) : undefined
  const scheme = proto === 'https' || proto === 'http' ? proto : fallback.protocol.slice(0, -1)
  if (!HOST_PATTERN.test(host)) return fallback.origin
  return `${scheme}://${host.toLowerCase()}`
}

/**
 * The client's address. Behind proxies the entry the outermost trusted proxy appended; with no
 * proxy the one Next.js recorded from the socket. A client that sends its own X-Forwarded-For
 * straight to the app can choose it, so production runs behind a proxy (see SECURITY.md).
 * Without any entry all requests share one counter, which fails safe (stricter), not open.
 */
export function clientAddress(headers: HeaderSource): string {
  return forwardedEntry(headers.get('x-forwarded-for'), trustedProxyHops()) ?? 'unknown'
}
