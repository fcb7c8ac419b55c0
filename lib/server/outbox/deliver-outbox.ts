import 'server-only'
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { outboxMessages } from '@/db/schema'
import { outboxSettings } from '../env'

export const MAX_DELIVERY_ATTEMPTS = 8

export type DeliveryReport = { sent: number; retried: number; failed: number }
export type OutboxMessage = typeof outboxMessages.$inferSelect
export type Channel = 'email' | 'sms'

/**
 * The only channel-specific part of delivery: hand one message to the mail server or the SMS
 * provider. A throw means "try again later"; `Undeliverable` means "never".
 */
export type Sender = {
  channel: Channel
  send(message: OutboxMessage): Promise<{ providerId?: string }>
}

/** A message the provider will never take (for example a number it rejects): no retry. */
export class Undeliverable extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'Undeliverable'
  }
}

/** Seconds until the next try of a message that failed `attempt` times. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 30 * 2 ** (attempt - 1))
}

/**
 * Takes the oldest due message of the channel for `leaseSeconds`, in one short statement of its
 * own. SKIP LOCKED keeps two workers from waiting on each other; the lease keeps them from
 * sending the same message while the first is still at it, with no transaction held open.
 * `attempts` counts claims, so it doubles as the claim's token when the result is written.
 * (ARCHITECTURE.md OB-01)
 */
export async function claimNextMessage(
  db: Db,
  channel: Channel,
  leaseSeconds: number,
): Promise<OutboxMessage | undefined> {
  const due = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.channel, channel),
        // A literal, not a parameter: a generic plan can use the partial index only then.
        sql`${outboxMessages.status} = 'pending'`,
        lte(outboxMessages.nextAttemptAt, sql`now()`),
        or(isNull(outboxMessages.leaseUntil), lt(outboxMessages.leaseUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(outboxMessages.createdAt))
    .limit(1)
    .for('update', { skipLocked: true })
  const [claimed] = await db
    .update(outboxMessages)
    .set({
      leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
      attempts: sql`${outboxMessages.attempts} + 1`,
    })
    .where(inArray(outboxMessages.id, due))
    .returning()
  return claimed
}

// A delivered sign-in code has no reason to stay readable in the database (OB-03).
const wipedAfterDelivery = (message: OutboxMessage) =>
  message.template === 'sign-in-code'
    ? { subject: '[sign-in code removed]', body: '[removed after delivery]', html: null }
    : {}

/** Records a send. Whoever sent it, a sent message is never tried again. */
async function markSent(db: Db, message: OutboxMessage, providerId: string | undefined) {
  await db
    .update(outboxMessages)
    .set({
      status: 'sent',
      sentAt: sql`now()`,
      leaseUntil: null,
      lastError: null,
      providerId: providerId || null,
      ...wipedAfterDelivery(message),
    })
    .where(and(eq(outboxMessages.id, message.id), eq(outboxMessages.status, 'pending')))
}

/** Records a failed try, unless another worker claimed the message since (its lease ran out). */
async function markFailed(db: Db, message: OutboxMessage, error: unknown): Promise<boolean> {
  const giveUp = error instanceof Undeliverable || message.attempts >= MAX_DELIVERY_ATTEMPTS
  await db
    .update(outboxMessages)
    .set({
      status: giveUp ? 'failed' : 'pending',
      leaseUntil: null,
      lastError: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
      nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds(message.attempts)})`,
    })
    .where(
      and(
        eq(outboxMessages.id, message.id),
        eq(outboxMessages.status, 'pending'),
        eq(outboxMessages.attempts, message.attempts),
      ),
    )
  return giveUp
}

/**
 * Delivers due messages of one channel, one at a time: claim (a short statement), send with no
 * transaction open, record the outcome. A crash at any point loses nothing: an unrecorded
 * message is claimed again when its lease runs out and sent once more, with the same Message-ID
 * or SMS client reference, so the receiving side can tell the repeat (ARCHITECTURE.md OB-02).
 */
export async function deliverDueMessages(
  db: Db,
  sender: Sender,
  { limit = 50, leaseSeconds = outboxSettings().leaseSeconds } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 }
  for (let i = 0; i < limit; i++) {
    const message = await claimNextMessage(db, sender.channel, leaseSeconds)
    if (!message) break
    let outcome: { providerId?: string }
    try {
      outcome = await sender.send(message)
    } catch (error) {
      if (await markFailed(db, message, error)) report.failed++
      else report.retried++
      continue
    }
    await markSent(db, message, outcome.providerId)
    report.sent++
  }
  return report
}
