import { NextRequest } from 'next/server'

// Route handlers called directly in vitest run outside a Next.js request, where `headers()`
// and `cookies()` from next/headers have nothing to read. Tests mock next/headers with
// `nextHeadersMock` and hand it the request they are about to send.
let current = new NextRequest('http://localhost/')

export function setCurrentRequest<R extends NextRequest>(request: R): R {
  current = request
  return request
}

export const nextHeadersMock = {
  headers: async () => current.headers,
  cookies: async () => current.cookies,
}
