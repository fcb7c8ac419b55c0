import { createHmac } from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import { getDb } from '@/db'
import { rateLimitCounters } from '@/db/schema'
import { authSecret } from '../env'

/**
 * Forgets the code requests of fixed seeded addresses, which earlier runs on a kept database
 * (PostgreSQL) have counted: their hour's limit would refuse this run. Keyed as in
 * lib/server/sign-in.ts.
 */
export async function forgetCodeRequests(...emails: string[]): Promise<void> {
  const subjects = emails.map((email) =>
    createHmac('sha256', authSecret()).update(`email:${email}`).digest('base64url'),
  )
  const db = await getDb()
  await db
    .delete(rateLimitCounters)
    .where(
      and(
        eq(rateLimitCounters.bucket, 'sign-in-code:address'),
        inArray(rateLimitCounters.subject, subjects),
      ),
    )
}
