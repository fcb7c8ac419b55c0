import 'server-only'
import { getDb } from '@/db'
import { outboxSettings, smtpUrl } from '../env'
import { configuredSmsGateway } from '../sms/configured-gateway'
import { createSmsSender } from '../sms/sms-sender'
import { deliverDueMessages, type Sender } from './deliver-outbox'
import { createMailSender, smtpTransport } from './mail-sender'

const globalForWorker = globalThis as unknown as { ikametOutboxWorker?: NodeJS.Timeout }

/** Mail needs SMTP_URL (without it mail stays readable in the database); SMS needs a gateway. */
function configuredSenders(leaseSeconds: number): Sender[] {
  const url = smtpUrl()
  const gateway = configuredSmsGateway()
  return [
    ...(url ? [createMailSender(smtpTransport(url, leaseSeconds))] : []),
    ...(gateway ? [createSmsSender(gateway)] : []),
  ]
}

/**
 * Polls the outbox every OUTBOX_POLL_MS and delivers each configured channel in turn. Returns
 * the channels it delivers (none: it did not start). Safe in several processes at once.
 */
export function startOutboxWorker(): Sender['channel'][] {
  const { leaseSeconds, pollMs } = outboxSettings()
  const senders = configuredSenders(leaseSeconds)
  if (senders.length === 0 || globalForWorker.ikametOutboxWorker) return []
  let running = false
  const deliver = async () => {
    const db = await getDb()
    for (const sender of senders) {
      try {
        await deliverDueMessages(db, sender, { leaseSeconds })
      } catch (error) {
        // One channel failing (its database statement, say) must not hold up the other.
        console.error(
          `outbox delivery (${sender.channel}) failed:`,
          error instanceof Error ? error.message : error,
        )
      }
    }
  }
  globalForWorker.ikametOutboxWorker = setInterval(() => {
    if (running) return
    running = true
    deliver()
      .catch((error: unknown) =>
        console.error('outbox delivery failed:', error instanceof Error ? error.message : error),
      )
      .finally(() => {
        running = false
      })
  }, pollMs)
  globalForWorker.ikametOutboxWorker.unref()
  return senders.map((s) => s.channel)
}
