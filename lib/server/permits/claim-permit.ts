import 'server-only'
import { createHmac } from 'node:crypto'
import { and, eq, isNull, or } from 'drizzle-orm'
import { getDb } from '@/db'
import { residencePermits } from '@/db/schema'
import type { PermitClaim } from '@/lib/schemas/permits/claim'
import { AccessDenied, requireSignedIn } from '../actor'
import { writeAudit } from '../audit'
import { foreignerIdHash } from '../crypto/identity-numbers'
import { authSecret } from '../env'
import { Refused } from '../errors'
import { enforceRateLimits, RateLimited, type RateLimitRule } from '../rate-limit'
import { inTransaction } from '../transaction'

// A permit issued before its holder had an account (holder_id null) joins the account when the
// foreigner number, the card's serial and the date of birth all match the permit (issue 10).
// Tries are counted per account and per number and serial tried, so neither many accounts nor
// many numbers help a guesser; "no such permit" and "does not match" get the same answer.

const DAY = 24 * 60 * 60
export const CLAIM_TRIES_PER_DAY = 5
const RULES = {
  account: { bucket: 'permit.claim.account', limit: CLAIM_TRIES_PER_DAY, windowSeconds: DAY },
  identity: { bucket: 'permit.claim.identity', limit: CLAIM_TRIES_PER_DAY, windowSeconds: DAY },
  serial: { bucket: 'permit.claim.serial', limit: CLAIM_TRIES_PER_DAY, windowSeconds: DAY },
} satisfies Record<string, RateLimitRule>

/** Numbers people own are counted under a keyed hash, never stored as typed. */
const hashed = (kind: string, value: string) =>
  createHmac('sha256', authSecret()).update(`${kind}:${value}`).digest('base64url')

async function countTry(userId: string, claim: PermitClaim): Promise<void> {
  try {
    await enforceRateLimits([
      { rule: RULES.account, subject: userId },
      { rule: RULES.identity, subject: hashed('ykn', claim.foreignerIdNumber) },
      { rule: RULES.serial, subject: hashed('serial', claim.cardSerial) },
    ])
  } catch (error) {
    if (error instanceof RateLimited)
      throw new RateLimited(error.retryAfterSeconds, 'permits:refusals.too_many_tries')
    throw error
  }
}

/** Adds the matching unclaimed permit to the signed-in applicant's permits. */
export async function claimPermit(claim: PermitClaim): Promise<{ permitId: string }> {
  const actor = await requireSignedIn()
  // Staff accounts hold no permits of their own.
  if (actor.kind !== 'applicant') throw new AccessDenied('not_found')
  await countTry(actor.userId, claim)
  const permitId = await inTransaction(async (tx) => {
    // One statement finds and takes the permit, so two accounts cannot both claim it. Claiming
    // one's own permit again is answered as a success and changes nothing.
    const [row] = await tx
      .update(residencePermits)
      .set({ holderId: actor.userId })
      .where(
        and(
          eq(residencePermits.cardSerial, claim.cardSerial),
          eq(residencePermits.holderForeignerIdHash, foreignerIdHash(claim.foreignerIdNumber)),
          eq(residencePermits.holderBirthDate, claim.birthDate),
          or(isNull(residencePermits.holderId), eq(residencePermits.holderId, actor.userId)),
        ),
      )
      .returning({ id: residencePermits.id })
    if (row)
      await writeAudit(tx, {
        actorUserId: actor.userId,
        action: 'permit.claimed',
        entityType: 'residence_permit',
        entityId: row.id,
      })
    return row?.id ?? null
  })
  if (permitId) return { permitId }
  // A refused try is audited too, without the numbers typed: they may be someone else's.
  await writeAudit(await getDb(), {
    actorUserId: actor.userId,
    action: 'permit.claim_refused',
    entityType: 'residence_permit',
  })
  throw new Refused('claim_not_matched', { namespace: 'permits' })
}
