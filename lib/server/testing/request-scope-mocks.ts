import { vi } from 'vitest'

// What Next.js gives server code inside a request, for integration tests that run outside one:
// the Auth.js session (whoever `actAs` signed in), React's per-request `cache` (here: none,
// every call runs), and next/headers (the request handed to `setCurrentRequest`, by default an
// empty one). Roles, ownership and SQL scoping all run for real.
//
// Import this module first in the test file, before anything that loads these modules:
//   import '../testing/request-scope-mocks'
// vi.mock applies to modules loaded after the call, in the importing test file's module graph.
// The factories load their helpers lazily, so this module itself loads nothing it mocks.

vi.mock('../auth/auth', async () => {
  const { signedInSession } = await import('./as-user')
  return {
    auth: async () => signedInSession(),
    // Signing out ends the Auth.js session, which these tests do not have.
    signOut: async () => undefined,
    SESSION_COOKIE_NAME: 'ikamet.session',
  }
})
vi.mock('react', async (original) => ({
  ...(await original<typeof import('react')>()),
  cache: <T>(fn: T) => fn,
}))
vi.mock('next/headers', async () => (await import('./request-context')).nextHeadersMock)
