import type { NextConfig } from 'next'

// proxy.ts sets the security headers of every answer (a page's policy needs its request's
// nonce); the build's hashed files, which the proxy skips, get theirs here.
const staticFileHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Content-Security-Policy', value: "default-src 'none'; object-src 'none'; frame-ancestors 'none'" },
]

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
