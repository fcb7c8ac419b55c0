import 'server-only'
import { sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/domain/locales'
import type { CallerActionInput, CallerActionResult } from '@/lib/schemas/call-centre/caller-action'
import { requireStaff } from '../actor'
import { writeAudit } from '../audit'
import { Refused } from '../errors'
import { enforceRateLimits, RateLimited, type RateLimitRule } from '../rate-limit'
import { inTransaction, type Tx } from '../transaction'

/** How long a verification lets the agent act: the length of one call, with some room. */
export const RECENT_LOOKUP_MINUTES = 15

export type VerifiedCase = { applicationId: string; reference: string }

/**
 * The case, if this agent found it by a lookup with the same reason in the last minutes.
 * Knowing a reference (or an id) is not enough: the three checks of the caller must have
 * matched, for this agent, during this call. The audit row of that lookup is the proof.
 */
async function findVerifiedCase(
  agentId: string,
  input: CallerActionInput,
): Promise<VerifiedCase | undefined> {
  const db = await getDb()
  const [row] = await queryRows<{ id: string; reference: string }>(
    db,
    sql`select a.id, a.reference from applications a
         where a.reference = ${input.reference} and a.status <> 'draft' and not a.restricted
           and exists (
             select 1 from audit_events e
              where e.action = 'call_centre.lookup' and e.actor_user_id = ${agentId}
                and e.entity_type = 'application' and e.entity_id = a.id::text
                and e.details ->> 'found' = 'true' and e.details ->> 'reason' = ${input.reason}
                and e.created_at > now() - make_interval(mins => ${RECENT_LOOKUP_MINUTES}))`,
  )
  return row ? { applicationId: row.id, reference: row.reference } : undefined
}

/** Where the applicant receives mail, as they stored it; the agent never sees it. */
export async function readApplicantContact(
  tx: Tx,
  applicationId: string,
): Promise<{ email: string | null; locale: Locale }> {
  const [row] = await queryRows<{ email: string | null; locale: string | null }>(
    tx,
    sql`select u.email, u.preferred_locale as locale from applications a
          join users u on u.id = a.applicant_id where a.id = ${applicationId}`,
  )
  return {
    email: row?.email ?? null,
    locale: isLocale(row?.locale) ? row.locale : DEFAULT_LOCALE,
  }
}

type Spec = {
  /** The audit action, e.g. call_centre.resent. */
  action: string
  /** Counted per application, so nobody can flood an applicant through the call centre. */
  limit: RateLimitRule
  limitMessageKey: string
  send: (tx: Tx, verified: VerifiedCase) => Promise<CallerActionResult>
}

/**
 * The one way a call-centre action runs: agent only; the caller verified by this agent in the
 * last RECENT_LOOKUP_MINUTES with the same reason (else refused, and the refusal audited);
 * the per-application limit; then the messages and their audit row in one transaction.
 */
export async function actForVerifiedCaller(
  input: CallerActionInput,
  spec: Spec,
): Promise<CallerActionResult> {
  const actor = await requireStaff('status.lookup')
  const verified = await findVerifiedCase(actor.userId, input)
  if (!verified) {
    await writeAudit(await getDb(), {
      actorUserId: actor.userId,
      action: 'call_centre.action_refused',
      entityType: 'application',
      details: { reason: input.reason, reference: input.reference, tried: spec.action },
    })
    // The same answer for an unknown reference and for one not verified in this call.
    throw new Refused('verify_again', { namespace: 'callcentre' })
  }
  try {
    await enforceRateLimits([{ rule: spec.limit, subject: verified.applicationId }])
  } catch (error) {
    if (error instanceof RateLimited)
      throw new RateLimited(error.retryAfterSeconds, spec.limitMessageKey)
    throw error
  }
  return inTransaction(async (tx) => {
    const result = await spec.send(tx, verified)
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: spec.action,
      entityType: 'application',
      entityId: verified.applicationId,
      details: { reason: input.reason, ...result },
    })
    return result
  })
}
