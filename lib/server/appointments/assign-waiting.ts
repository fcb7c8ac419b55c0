import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, eq, notInArray, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { queryRows } from '@/db/client'
import { appointmentRequests, appointments, applications, users } from '@/db/schema'
import {
  MORNING_ENDS_AT,
  slotFits,
  type AssignmentConstraints,
  type PartOfDay,
} from '@/lib/domain/appointments/assignment'
import { OFFICE_TIME_ZONE } from '@/lib/domain/appointments/istanbul-time'
import { isLocale } from '@/lib/domain/locales'
import { addDays, maxIsoDate } from '@/lib/domain/permits/dates'
import { writeAudit } from '../audit'
import { todayInIstanbul } from '../clock'
import type { Tx } from '../idempotency'
import { sendAppointmentMail } from './appointment-mail'
import { isLapsedHold, readAppointment } from './appointment-view'
import { loadBookingRules } from './booking-settings'
import { ensureSlotsAhead, officeIdsOf } from './generate-slots'
import { legalDeadlineSql } from './legal-deadline'
import { CLAIMABLE, claimSeat, expireOwnHolds } from './seats'

const CANDIDATES_PER_QUERY = 20
const QUERIES_PER_REQUEST = 5

type Outcome = { applicationId: string; assigned: boolean }

/**
 * Gives waiting requests their dates, most urgent legal deadline first: each request in its own
 * transaction, taken with `for update skip locked` so parallel runs split the queue instead of
 * waiting on each other. A request with no fitting free place stays waiting for the next run.
 * Returns how many got a date.
 */
export async function assignWaitingRequests(db: Db, now = new Date()): Promise<number> {
  const waiting = await queryRows<{ directorate_id: string }>(
    db,
    sql`select distinct a.directorate_id from appointment_requests r
          join applications a on a.id = r.application_id
         where r.status = 'waiting' and a.directorate_id is not null`,
  )
  if (waiting.length === 0) return 0
  const rules = await loadBookingRules()
  for (const { directorate_id } of waiting)
    for (const officeId of await officeIdsOf(directorate_id))
      await ensureSlotsAhead(officeId, rules)
  // Nobody is given a date for today: they need time to read the e-mail and come.
  const tomorrow = addDays(todayInIstanbul(now), 1)
  const tried: string[] = []
  let assigned = 0
  for (;;) {
    const outcome = await db.transaction((tx) => assignNext(tx, tried, tomorrow, now))
    if (!outcome) return assigned
    tried.push(outcome.applicationId)
    if (outcome.assigned) assigned++
  }
}

async function assignNext(
  tx: Tx,
  tried: readonly string[],
  tomorrow: string,
  now: Date,
): Promise<Outcome | null> {
  // The request and its application together, skipping either when someone holds it: the
  // applicant changing their request locks the application first, so we never wait in a circle.
  const [next] = await tx
    .select({
      applicationId: appointmentRequests.applicationId,
      earliestDate: appointmentRequests.earliestDate,
      weekdays: appointmentRequests.weekdays,
      partOfDay: appointmentRequests.partOfDay,
      status: applications.status,
      directorateId: applications.directorateId,
    })
    .from(appointmentRequests)
    .innerJoin(applications, eq(applications.id, appointmentRequests.applicationId))
    .where(
      and(
        eq(appointmentRequests.status, 'waiting'),
        tried.length > 0 ? notInArray(appointmentRequests.applicationId, [...tried]) : undefined,
      ),
    )
    .orderBy(
      sql`${legalDeadlineSql('applications')} asc nulls last`,
      appointmentRequests.createdAt,
      appointmentRequests.applicationId,
    )
    .limit(1)
    .for('update', { of: [appointmentRequests, applications], skipLocked: true })
  if (!next) return null
  const { applicationId } = next
  if (next.status !== 'awaiting_appointment' || !next.directorateId) {
    await closeRequest(tx, applicationId, 'not_awaiting_appointment')
    return { applicationId, assigned: false }
  }
  const active = await readAppointment(tx, { applicationId, activeOnly: true })
  if (active && !isLapsedHold(active)) {
    await closeRequest(tx, applicationId, 'already_booked')
    return { applicationId, assigned: false }
  }
  if (active) await expireOwnHolds(tx, applicationId)
  const constraints: AssignmentConstraints = {
    earliestDate: maxIsoDate(next.earliestDate, tomorrow),
    weekdays: next.weekdays.map(Number),
    partOfDay: next.partOfDay as PartOfDay,
  }
  const id = randomUUID()
  const place = await claimFittingPlace(tx, next.directorateId, constraints, id, now)
  if (!place) return { applicationId, assigned: false }
  const [owner] = await tx
    .select({ userId: applications.applicantId, locale: users.preferredLocale })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .where(eq(applications.id, applicationId))
  await tx.insert(appointments).values({
    id,
    applicationId,
    applicantId: owner!.userId!, // the inner join found the account
    slotId: place.slotId,
    seatNo: place.seatNo,
    status: 'confirmed',
    confirmedAt: sql`now()`,
  })
  await tx
    .update(appointmentRequests)
    .set({ status: 'assigned', appointmentId: id, updatedAt: sql`now()` })
    .where(eq(appointmentRequests.applicationId, applicationId))
  await writeAudit(tx, {
    actorUserId: null,
    action: 'appointment.assigned',
    entityType: 'appointment',
    entityId: id,
    details: { applicationId, slotId: place.slotId },
  })
  const appointment = (await readAppointment(tx, { id }))!
  const locale = owner!.locale && isLocale(owner!.locale) ? owner!.locale : 'tr'
  await sendAppointmentMail(tx, { applicationId, locale }, 'booked', appointment)
  return { applicationId, assigned: true }
}

/**
 * Takes a confirmed place in the earliest open slot of the directorate that fits. SQL narrows
 * the candidates (İstanbul wall time, as slotFits reads it); each is checked with slotFits, and
 * the place itself is claimed by claimSeat inside PostgreSQL, so nothing is checked and then
 * inserted. A slot whose places another run holds locked is passed over for the next one.
 */
async function claimFittingPlace(
  tx: Tx,
  directorateId: string,
  constraints: AssignmentConstraints,
  appointmentId: string,
  now: Date,
): Promise<{ slotId: string; seatNo: number } | null> {
  const local = sql`(s.starts_at at time zone ${OFFICE_TIME_ZONE})`
  const partOfDay =
    constraints.partOfDay === 'morning'
      ? sql`and ${local}::time < ${MORNING_ENDS_AT}::time`
      : constraints.partOfDay === 'afternoon'
        ? sql`and ${local}::time >= ${MORNING_ENDS_AT}::time`
        : sql``
  const passed: string[] = []
  for (let query = 0; query < QUERIES_PER_REQUEST; query++) {
    const candidates = await queryRows<{ id: string; starts_at: Date | string }>(
      tx,
      sql`select s.id, s.starts_at from appointment_slots s
           where s.directorate_id = ${directorateId}
             and not s.closed
             and s.release_window_id is null
             and s.starts_at > ${now.toISOString()}::timestamptz
             and ${local}::date >= ${constraints.earliestDate}::date
             and extract(isodow from ${local})::int = any(${`{${constraints.weekdays.join(',')}}`}::int[])
             ${partOfDay}
             and not (s.id = any(${`{${passed.join(',')}}`}::uuid[]))
             and exists (select 1 from slot_seats x where x.slot_id = s.id and ${CLAIMABLE})
           order by s.starts_at, s.id
           limit ${CANDIDATES_PER_QUERY}`,
    )
    if (candidates.length === 0) return null
    for (const candidate of candidates) {
      passed.push(candidate.id)
      if (!slotFits(constraints, new Date(candidate.starts_at))) continue
      // Lock the slot against closing and check it again: it may have closed since the list.
      const open = await queryRows(
        tx,
        sql`select 1 from appointment_slots where id = ${candidate.id}
             and not closed and release_window_id is null for key share`,
      )
      if (open.length === 0) continue
      const seatNo = await claimSeat(tx, {
        slotId: candidate.id,
        appointmentId,
        state: 'confirmed',
        holdExpiresAt: null,
      })
      if (seatNo !== null) return { slotId: candidate.id, seatNo }
    }
  }
  return null
}

/** The application no longer needs a date from us: the request ends, with its reason audited. */
async function closeRequest(tx: Tx, applicationId: string, reason: string): Promise<void> {
  await tx
    .update(appointmentRequests)
    .set({ status: 'cancelled', updatedAt: sql`now()` })
    .where(eq(appointmentRequests.applicationId, applicationId))
  await writeAudit(tx, {
    actorUserId: null,
    action: 'appointment_request.closed',
    entityType: 'application',
    entityId: applicationId,
    details: { reason },
  })
}
