import 'server-only'
import { createHmac } from 'node:crypto'
import { and, eq, isNull, ne, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { applications } from '@/db/schema'
import type { ApplicationClaim } from '@/lib/schemas/application/claim'
import { AccessDenied, requireSignedIn } from '../actor'
import { writeAudit } from '../audit'
import { passportHash } from '../crypto/identity-numbers'
import { authSecret } from '../env'
import { Refused } from '../errors'
import { enforceRateLimits, RateLimited, type RateLimitRule } from '../rate-limit'
import { inTransaction } from '../transaction'

// An application staff registered for a walk-in applicant (issue 13) joins the account of the
// person who knows its reference, date of birth and passport number, if nobody has claimed it
// yet. Tries count per account and per reference, so neither many accounts nor many
// references help a guesser; an unknown reference, a wrong detail and an application already
// claimed all get the same "not found".

const DAY = 24 * 60 * 60
export const APPLICATION_CLAIM_TRIES_PER_DAY = 5
const RULES = {
  account: {
    bucket: 'application.claim.account',
    limit: APPLICATION_CLAIM_TRIES_PER_DAY,
    windowSeconds: DAY,
  },
  reference: {
    bucket: 'application.claim.reference',
    limit: APPLICATION_CLAIM_TRIES_PER_DAY,
    windowSeconds: DAY,
  },
} satisfies Record<string, RateLimitRule>

const hashed = (value: string) =>
  createHmac('sha256', authSecret()).update(`application:${value}`).digest('base64url')

async function countTry(userId: string, claim: ApplicationClaim): Promise<void> {
  try {
    await enforceRateLimits([
      { rule: RULES.account, subject: userId },
      { rule: RULES.reference, subject: hashed(claim.reference) },
    ])
  } catch (error) {
    if (error instanceof RateLimited)
      throw new RateLimited(error.retryAfterSeconds, 'applications:claim.tooManyTries')
    throw error
  }
}

/** Makes the matching unclaimed walk-in application the signed-in applicant's own. */
export async function claimApplication(claim: ApplicationClaim): Promise<{ id: string }> {
  const actor = await requireSignedIn()
  // Staff accounts have no applications of their own.
  if (actor.kind !== 'applicant') throw new AccessDenied('not_found')
  await countTry(actor.userId, claim)
  const id = await inTransaction(async (tx) => {
    // One statement finds and takes it, so two accounts cannot both claim it.
    const [row] = await tx
      .update(applications)
      .set({
        applicantId: actor.userId,
        updatedAt: sql`now()`,
        version: sql`${applications.version} + 1`,
      })
      .where(
        and(
          eq(applications.reference, claim.reference),
          isNull(applications.applicantId),
          ne(applications.status, 'draft'),
          sql`${applications.formData} #>> '{personal,dateOfBirth}' = ${claim.dateOfBirth}::text`,
          eq(applications.passportNumberHash, passportHash(claim.passportNumber)),
        ),
      )
      .returning({ id: applications.id })
    if (row)
      await writeAudit(tx, {
        actorUserId: actor.userId,
        action: 'application.claimed',
        entityType: 'application',
        entityId: row.id,
      })
    return row?.id ?? null
  })
  if (id) return { id }
  // A refused try is audited too, without what was typed: it may be someone else's.
  await writeAudit(await getDb(), {
    actorUserId: actor.userId,
    action: 'application.claim_refused',
    entityType: 'application',
  })
  throw new Refused('claimNotFound', { namespace: 'applications' })
}
