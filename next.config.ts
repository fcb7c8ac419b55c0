import type { NextConfig } from 'next'

// proxy.ts sets the security headers of every answer (a page's policy needs its request's
// nonce); the build's hashed files, which the proxy skips, get theirs here. No policy of their
// own: a worker script (the PDF viewer's) runs under the policy its answer carries, and
// `default-src 'none'` stopped it from loading what it needs.
const staticFileHeaders = [{ key: 'X-Content-Type-Options', value: 'nosniff' }]

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite ships WebAssembly and data files that must load from node_modules as they are.
  serverExternalPackages: ['@electric-sql/pglite'],
  experimental: { globalNotFound: true, authInterrupts: true },
  // The proxy sees the request as sent, router headers included, so it can refuse a
  // Next-Router-State-Tree that Next.js would fail on with a 500 (issue 14).
  skipProxyUrlNormalize: true,
  async headers() {
    return [{ source: '/_next/static/:path*', headers: staticFileHeaders }]
  },
}

export default nextConfig
