import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import { applications } from '@/db/schema'
import type { FreeDay } from '@/lib/schemas/api/appointments'
import { fromIstanbulWallTime, toIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'
import { requireSignedIn } from '../actor'
import { getMyApplication } from '../applications/my-application'
import { loadBookingRules } from './booking-settings'
import { ensureSlotsAhead, officeIdsOf } from './generate-slots'

const DAYS_PER_PAGE = 7

/**
 * The days and times with a free place at the application's directorate, in İstanbul time,
 * from `fromDate` on; at most a week of days that have places, so a cheap phone gets a short
 * page. Only for the owner's application that waits for an appointment.
 */
export async function findFreeSlots(applicationId: string, fromDate?: string): Promise<FreeDay[]> {
  const actor = await requireSignedIn()
  await getMyApplication(applicationId)
  const db = await getDb()
  const [app] = await db
    .select({ directorateId: applications.directorateId, status: applications.status })
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.applicantId, actor.userId)))
  if (!app?.directorateId || app.status !== 'awaiting_appointment') return []
  const rules = await loadBookingRules()
  for (const officeId of await officeIdsOf(app.directorateId))
    await ensureSlotsAhead(officeId, rules)
  const from = fromDate ? fromIstanbulWallTime(fromDate, '00:00') : new Date(0)
  const rows = await queryRows<{
    id: string
    starts_at: Date | string
    office_name: string
    free: number
  }>(
    db,
    sql`select s.id, s.starts_at, o.name as office_name, count(*)::int as free
          from appointment_slots s
          join offices o on o.id = s.office_id
          join slot_seats x on x.slot_id = s.id
         where s.directorate_id = ${app.directorateId}
           and not s.closed
           and s.starts_at > greatest(now(), ${from.toISOString()}::timestamptz)
           and s.release_window_id is null
           and ((x.state = 'free' and x.available_from <= now())
             or (x.state in ('held', 'offered') and x.hold_expires_at < now()))
         group by s.id, s.starts_at, o.name
         order by s.starts_at, o.name
         limit 2000`,
  )
  const days: FreeDay[] = []
  for (const row of rows) {
    const startsAt = new Date(row.starts_at)
    const wall = toIstanbulWallTime(startsAt)
    let day = days.at(-1)
    if (day?.date !== wall.date) {
      if (days.length === DAYS_PER_PAGE) break
      day = { date: wall.date, slots: [] }
      days.push(day)
    }
    day.slots.push({
      id: row.id,
      startsAt: startsAt.toISOString(),
      time: wall.time,
      officeName: row.office_name,
      free: Number(row.free),
    })
  }
  return days
}
