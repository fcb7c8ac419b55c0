import { AsyncLocalStorage } from 'node:async_hooks'
import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { users } from '@/db/schema'

// Integration tests run without a browser session. They stand in for Auth.js only: who is
// signed in. Everything after that (roles, ownership, SQL scoping) runs for real.
let signedInUserId: string | null = null
// A staff session of an integration test has passed the second factor (SECURITY.md SF-01),
// unless the test signs in with `{ secondFactor: false }` to stand before that step.
let passedSecondFactor = true
// Parallel requests by different people in one test each carry their own user.
const concurrentUser = new AsyncLocalStorage<string>()

/** Runs `work` as `userId`, independent of `actAs` and of other work running at the same time. */
export function runAsUser<T>(userId: string, work: () => Promise<T>): Promise<T> {
  return concurrentUser.run(userId, work)
}

export function signedInSession() {
  const userId = concurrentUser.getStore() ?? signedInUserId
  return userId
    ? {
        user: { id: userId },
        expires: new Date(Date.now() + 60_000).toISOString(),
        secondFactor: passedSecondFactor,
      }
    : null
}

export async function actAs(
  email: string | null,
  { secondFactor = true }: { secondFactor?: boolean } = {},
): Promise<string | null> {
  passedSecondFactor = secondFactor
  if (!email) return (signedInUserId = null)
  const db = await getDb()
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
  const id =
    existing?.id ?? (await db.insert(users).values({ email }).returning({ id: users.id }))[0]!.id
  signedInUserId = id
  return id
}
