import 'server-only'
import { isNotNull } from 'drizzle-orm'
import { getDb } from '@/db'
import { offices } from '@/db/schema'
import { loadBookingRules } from '../appointments/booking-settings'
import { ensureSlotsAhead } from '../appointments/generate-slots'
import { sendDueReminders } from '../appointments/send-reminders'

const globalForJobs = globalThis as unknown as { ikametJobs?: NodeJS.Timeout }

/**
 * Every minute: appointment reminders. Every hour: keep the slot horizon of offices in use
 * rolling forward (offices nobody has looked at yet get their slots when first viewed).
 * Both are safe to run in several processes at once.
 */
export async function runScheduledJobs(tick: number): Promise<void> {
  const db = await getDb()
  await sendDueReminders(db)
  if (tick % 60 !== 0) return
  const rules = await loadBookingRules()
  const active = await db
    .select({ id: offices.id })
    .from(offices)
    .where(isNotNull(offices.slotsGeneratedUntil))
  for (const office of active) await ensureSlotsAhead(office.id, rules)
}

export function startScheduledJobs(intervalMs = 60_000): void {
  if (globalForJobs.ikametJobs) return
  let tick = 0
  let running = false
  globalForJobs.ikametJobs = setInterval(() => {
    if (running) return
    running = true
    runScheduledJobs(tick++)
      .catch((error: unknown) =>
        console.error('scheduled jobs failed:', error instanceof Error ? error.message : error),
      )
      .finally(() => {
        running = false
      })
  }, intervalMs)
  globalForJobs.ikametJobs.unref()
}
