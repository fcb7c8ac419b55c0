import { AsyncLocalStorage } from 'node:async_hooks'
import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { users } from '@/db/schema'

// Integration tests run without a browser session. They stand in for Auth.js only: who is
// signed in. Everything after that (roles, ownership, SQL scoping) runs for real.
let signedInUserId: string | null = null
// Parallel requests by different people in one test each carry their own user.
const concurrentUser = new AsyncLocalStorage<string>()

/** Runs `work` as `userId`, independent of `actAs` and of other work running at the same time. */
export function runAsUser<T>(userId: string, work: () => Promise<T>): Promise<T> {
  return concurrentUser.run(userId, work)
}

export function signedInSession() {
  const userId = concurrentUser.getStore() ?? signedInUserId
  return userId
    ? { user: { id: userId }, expires: new Date(Date.now() + 60_000).toISOString() }
    : null
}

export async function actAs(email: string | null): Promise<string | null> {
  if (!email) return (signedInUserId = null)
  const db = await getDb()
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
  const id =
    existing?.id ?? (await db.insert(users).values({ email }).returning({ id: users.id }))[0]!.id
  signedInUserId = id
  return id
}
