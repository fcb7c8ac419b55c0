import 'server-only'
import { and, asc, eq, lte, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { outboxMessages } from '@/db/schema'
import { backoffSeconds, MAX_DELIVERY_ATTEMPTS, type DeliveryReport } from '../outbox/deliver-mail'
import { SmsSendError, type SmsGateway } from './sms-gateway'

/**
 * Sends due text messages one at a time: each is claimed with FOR UPDATE SKIP LOCKED in its own
 * transaction, sent, and marked before the next, so parallel workers never take the same one
 * and a crash leaves at most that one message to be sent again, with the same client reference.
 */
export async function deliverPendingSms(
  db: Db,
  gateway: SmsGateway,
  batchSize = 20,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 }
  for (let i = 0; i < batchSize; i++) {
    const handled = await db.transaction(async (tx) => {
      const [message] = await tx
        .select()
        .from(outboxMessages)
        .where(
          and(
            eq(outboxMessages.channel, 'sms'),
            eq(outboxMessages.status, 'pending'),
            lte(outboxMessages.nextAttemptAt, sql`now()`),
          ),
        )
        .orderBy(asc(outboxMessages.createdAt))
        .limit(1)
        .for('update', { skipLocked: true })
      if (!message) return false
      const attempts = message.attempts + 1
      try {
        const { providerId } = await gateway.send({
          to: message.recipient,
          text: message.body,
          clientReference: message.id,
        })
        await tx
          .update(outboxMessages)
          .set({
            status: 'sent',
            sentAt: sql`now()`,
            attempts,
            lastError: null,
            providerId: providerId || null,
          })
          .where(eq(outboxMessages.id, message.id))
        report.sent++
      } catch (error) {
        const retryable = !(error instanceof SmsSendError) || error.retryable
        const giveUp = !retryable || attempts >= MAX_DELIVERY_ATTEMPTS
        await tx
          .update(outboxMessages)
          .set({
            attempts,
            status: giveUp ? 'failed' : 'pending',
            lastError: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
            nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds(attempts)})`,
          })
          .where(eq(outboxMessages.id, message.id))
        if (giveUp) report.failed++
        else report.retried++
      }
      return true
    })
    if (!handled) break
  }
  return report
}
