// The headers every answer carries (SECURITY.md, "Browser protections"). Built here, applied
// in proxy.ts, which runs before every page, route handler and file.

/** A fresh nonce per request: 128 random bits, base64 (CSP nonce-source syntax). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
}

/**
 * The policy for pages. Scripts run only with this request's nonce, and what they load
 * ('strict-dynamic'); no plugins, no <base>, no framing. Style attributes stay allowed
 * (React's `style` prop), which cannot run code. Development adds 'unsafe-eval' for React's
 * debugging tools; production never has it.
 */
export function pageCsp(nonce: string, development: boolean): string {
  return [
    `default-src 'self'`,
    `script-src 'nonce-${nonce}' 'strict-dynamic'${development ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    // The PDF viewer's worker is bundled and served from our own origin.
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ')
}

/** JSON, files and redirects render nothing: the strictest policy. */
export const RESOURCE_CSP = `default-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`

export const HSTS = 'max-age=63072000; includeSubDomains'

type Options = { csp: string; https: boolean; noStore: boolean }

/** The headers for one answer; the caller sets them on the response. */
export function securityHeaders({ csp, https, noStore }: Options): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
    ...(https && { 'strict-transport-security': HSTS }),
    ...(noStore && { 'cache-control': 'no-store' }),
  }
}
