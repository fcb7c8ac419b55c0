import 'server-only'
import { getDb } from '@/db'
import { configuredSmsGateway } from './configured-gateway'
import { deliverPendingSms } from './deliver-sms'

const globalForWorker = globalThis as unknown as { ikametSmsWorker?: NodeJS.Timeout }

/** Polls the outbox for text messages. Without SMS_GATEWAY_URL none are queued: no worker. */
export function startSmsWorker(intervalMs = 5_000): boolean {
  const gateway = configuredSmsGateway()
  if (!gateway || globalForWorker.ikametSmsWorker) return false
  let running = false
  globalForWorker.ikametSmsWorker = setInterval(() => {
    if (running) return
    running = true
    getDb()
      .then((db) => deliverPendingSms(db, gateway))
      .catch((error: unknown) =>
        console.error('SMS delivery failed:', error instanceof Error ? error.message : error),
      )
      .finally(() => {
        running = false
      })
  }, intervalMs)
  globalForWorker.ikametSmsWorker.unref()
  return true
}
