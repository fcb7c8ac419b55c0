import 'server-only'
import { and, asc, eq, lte, sql } from 'drizzle-orm'
import type { Transporter } from 'nodemailer'
import type { Db } from '@/db'
import { outboxMessages } from '@/db/schema'
import { mailFrom } from '../env'

export const MAX_DELIVERY_ATTEMPTS = 8

export type DeliveryReport = { sent: number; retried: number; failed: number }

/** Seconds until the next try of a message that failed `attempt` times; shared with SMS. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 30 * 2 ** (attempt - 1))
}

/**
 * Sends due messages. Rows are locked with SKIP LOCKED, so several workers (or app instances)
 * can run at once without sending a message twice.
 */
export async function deliverPendingMail(
  db: Db,
  transport: Transporter,
  batchSize = 20,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 }
  await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.channel, 'email'),
          eq(outboxMessages.status, 'pending'),
          lte(outboxMessages.nextAttemptAt, sql`now()`),
        ),
      )
      .orderBy(asc(outboxMessages.createdAt))
      .limit(batchSize)
      .for('update', { skipLocked: true })
    for (const message of due) {
      try {
        await transport.sendMail({
          from: mailFrom(),
          to: message.recipient,
          subject: message.subject,
          // Both parts: multipart/alternative, the HTML one preferred by programs that can.
          text: message.body,
          html: message.html ?? undefined,
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
          })),
        })
        await tx
          .update(outboxMessages)
          .set({
            status: 'sent',
            sentAt: sql`now()`,
            attempts: message.attempts + 1,
            lastError: null,
            // A delivered sign-in code has no reason to stay readable in the database.
            ...(message.template === 'sign-in-code'
              ? { subject: '[sign-in code removed]', body: '[removed after delivery]', html: null }
              : {}),
          })
          .where(eq(outboxMessages.id, message.id))
        report.sent++
      } catch (error) {
        const attempts = message.attempts + 1
        const giveUp = attempts >= MAX_DELIVERY_ATTEMPTS
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
    }
  })
  return report
}
