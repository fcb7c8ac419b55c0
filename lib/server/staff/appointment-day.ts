import 'server-only'
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { applications, appointments, appointmentSlots, counters, offices } from '@/db/schema'
import type { StaffActor } from '@/lib/domain/actor'
import { istanbulDayBounds, mayMarkNoShow } from '@/lib/domain/appointments/check-in'
import {
  DAY_VIEW_STATUSES,
  type DayAppointment,
  type DayOffice,
  type DayViewStatus,
} from '@/lib/domain/appointments/day-view'
import { toIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'
import { isIsoDate, type IsoDate } from '@/lib/domain/permits/dates'
import { roleHasPermission, type StaffRole } from '@/lib/domain/staff-roles'
import { AccessDenied, requireStaff } from '../actor'
import { auditRead } from '../audit'
import { todayInIstanbul } from '../clock'
import { restrictedVisibleTo } from '../scope'

// The counter's view of a day: who is expected at which office, who has been seen at which
// counter, who did not come. Only the directorate's own offices, and no identity numbers:
// the officer types the number from the document the person shows (check-in.ts).

export type DayView = {
  date: IsoDate
  today: IsoDate
  /** The office chosen, or null for all offices of the directorate. */
  officeId: string | null
  /** Every office of the directorate, for the picker. */
  allOffices: DayOffice[]
  /** The offices shown: the chosen one, or all. */
  offices: DayOffice[]
  appointments: DayAppointment[]
  viewer: { role: StaffRole; canCheckIn: boolean }
}

/** A largest day, so a mistaken query never reads a whole archive into one page. */
const MAX_ROWS = 2000

/** The directorate whose appointments the staff member handles; others have none. */
export function ownDirectorate(actor: StaffActor): string {
  if (!actor.directorateId) throw new AccessDenied('not_found')
  return actor.directorateId
}

async function directorateOffices(directorateId: string): Promise<DayOffice[]> {
  const db = await getDb()
  const [officeRows, counterRows] = await Promise.all([
    db
      .select({ id: offices.id, name: offices.name })
      .from(offices)
      .where(eq(offices.directorateId, directorateId))
      .orderBy(asc(offices.name)),
    db
      .select({
        id: counters.id,
        officeId: counters.officeId,
        label: counters.label,
        active: counters.active,
      })
      .from(counters)
      .innerJoin(offices, eq(offices.id, counters.officeId))
      .where(eq(offices.directorateId, directorateId)),
  ])
  return officeRows.map((o) => ({
    ...o,
    counters: counterRows
      .filter((c) => c.officeId === o.id)
      .map(({ id, label, active }) => ({ id, label, active }))
      .sort((a, b) => a.label.localeCompare(b.label, 'tr', { numeric: true })),
  }))
}

/**
 * The appointments of one day (an İstanbul calendar date) at the caller's directorate, all
 * offices or one. An office of another directorate is a 404, like one that does not exist.
 */
export async function findDayAppointments(input: {
  date: IsoDate
  officeId?: string
}): Promise<DayView> {
  const actor = await requireStaff('appointments.view')
  const directorateId = ownDirectorate(actor)
  if (!isIsoDate(input.date)) throw new AccessDenied('not_found')
  const allOffices = await directorateOffices(directorateId)
  const shown = input.officeId ? allOffices.filter((o) => o.id === input.officeId) : allOffices
  if (input.officeId && shown.length === 0) throw new AccessDenied('not_found')
  const { from, to } = istanbulDayBounds(input.date)
  const personal = sql`${applications.formData} -> 'personal'`
  const db = await getDb()
  const rows = await db
    .select({
      id: appointments.id,
      version: appointments.version,
      officeId: appointmentSlots.officeId,
      counterId: appointments.counterId,
      counterLabel: counters.label,
      startsAt: appointmentSlots.startsAt,
      reference: applications.reference,
      // Only the two name fields leave the database, never the rest of the answers; a
      // restricted case's name only for the staff named on it (issue 13).
      applicantName: sql<string | null>`case when ${restrictedVisibleTo(actor)}
        then nullif(trim(concat_ws(' ', ${personal} ->> 'givenNames', ${personal} ->> 'surname')), '')
        end`,
      status: appointments.status,
    })
    .from(appointments)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
    .innerJoin(applications, eq(applications.id, appointments.applicationId))
    .leftJoin(counters, eq(counters.id, appointments.counterId))
    .where(
      and(
        eq(appointmentSlots.directorateId, directorateId),
        gte(appointmentSlots.startsAt, from),
        lt(appointmentSlots.startsAt, to),
        inArray(appointments.status, [...DAY_VIEW_STATUSES]),
        input.officeId ? eq(appointmentSlots.officeId, input.officeId) : undefined,
      ),
    )
    .orderBy(asc(appointmentSlots.startsAt), asc(applications.reference))
    .limit(MAX_ROWS)
  // The day's list names the people expected: one row per opening, naming the day, not them.
  await auditRead({
    actorUserId: actor.userId,
    action: 'appointments.day_viewed',
    entityType: 'directorate',
    entityId: directorateId,
    details: { date: input.date, officeId: input.officeId ?? null, appointments: rows.length },
  })
  const now = new Date()
  return {
    date: input.date,
    today: todayInIstanbul(now),
    officeId: input.officeId ?? null,
    allOffices,
    offices: shown,
    appointments: rows.map((r) => ({
      ...r,
      status: r.status as DayViewStatus,
      startsAt: r.startsAt.toISOString(),
      time: toIstanbulWallTime(r.startsAt).time,
      started: mayMarkNoShow(r.startsAt, now),
    })),
    viewer: {
      role: actor.role,
      canCheckIn: roleHasPermission(actor.role, 'appointments.check_in'),
    },
  }
}
