import 'server-only'
import { createTransport } from 'nodemailer'
import { getDb } from '@/db'
import { smtpUrl } from '../env'
import { deliverPendingMail } from './deliver-mail'

const globalForWorker = globalThis as unknown as { ikametOutboxWorker?: NodeJS.Timeout }

/** Polls the outbox and sends through SMTP_URL. Without SMTP_URL mail stays readable in the database. */
export function startOutboxWorker(intervalMs = 5_000): boolean {
  const url = smtpUrl()
  if (!url || globalForWorker.ikametOutboxWorker) return false
  const transport = createTransport(url)
  let running = false
  globalForWorker.ikametOutboxWorker = setInterval(() => {
    if (running) return
    running = true
    getDb()
      .then((db) => deliverPendingMail(db, transport))
      .catch((error: unknown) =>
        console.error('outbox delivery failed:', error instanceof Error ? error.message : error),
      )
      .finally(() => {
        running = false
      })
  }, intervalMs)
  globalForWorker.ikametOutboxWorker.unref()
  return true
}
