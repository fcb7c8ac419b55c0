import 'server-only'
import { isNotNull } from 'drizzle-orm'
import { getDb, type Db } from '@/db'
import { offices } from '@/db/schema'
import { loadBookingRules } from '../appointments/booking-settings'
import { assignWaitingRequests } from '../appointments/assign-waiting'
import { ensureSlotsAhead } from '../appointments/generate-slots'
import { offerFreedPlaces } from '../appointments/offer-freed-places'
import { runDueDraws } from '../appointments/run-due-draws'
import { sendDueReminders } from '../appointments/send-reminders'
import { lapseDocumentRequests } from '../casework/lapse-document-requests'
import { remindDocumentDeadlines } from '../sms/document-deadline-sms'

const globalForJobs = globalThis as unknown as { ikametJobs?: NodeJS.Timeout }

type Job = { name: string; run: (db: Db) => Promise<unknown> }

// Each runs on its own, so one failing never stops the others. All are safe to run in several
// processes at once: each takes its rows with row locks.
const EVERY_MINUTE: readonly Job[] = [
  { name: 'reminders', run: (db) => sendDueReminders(db) },
  { name: 'waitlist offers', run: (db) => offerFreedPlaces(db) },
  { name: 'release draws', run: (db) => runDueDraws(db) },
  { name: 'assigned dates', run: (db) => assignWaitingRequests(db) },
  { name: 'unanswered document requests', run: (db) => lapseDocumentRequests(db) },
  { name: 'document deadline SMS', run: (db) => remindDocumentDeadlines(db) },
]

/** Keeps the slot horizon of offices in use rolling forward; others get slots when viewed. */
async function extendSlotHorizons(db: Db): Promise<void> {
  const rules = await loadBookingRules()
  const active = await db
    .select({ id: offices.id })
    .from(offices)
    .where(isNotNull(offices.slotsGeneratedUntil))
  for (const office of active) await ensureSlotsAhead(office.id, rules)
}

export async function runScheduledJobs(tick: number): Promise<void> {
  const db = await getDb()
  const jobs =
    tick % 60 === 0 ? [...EVERY_MINUTE, { name: 'slots', run: extendSlotHorizons }] : EVERY_MINUTE
  for (const job of jobs) {
    try {
      await job.run(db)
    } catch (error) {
      console.error(
        `scheduled job "${job.name}" failed:`,
        error instanceof Error ? error.message : error,
      )
    }
  }
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
