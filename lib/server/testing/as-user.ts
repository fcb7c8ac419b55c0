import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { users } from '@/db/schema'

// Integration tests run without a browser session. They stand in for Auth.js only: who is
// signed in. Everything after that (roles, ownership, SQL scoping) runs for real.
let signedInUserId: string | null = null

export function signedInSession() {
  return signedInUserId
    ? { user: { id: signedInUserId }, expires: new Date(Date.now() + 60_000).toISOString() }
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
