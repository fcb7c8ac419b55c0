import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import {
  applicationEvents,
  applications,
  appointments,
  appointmentSlots,
  counters,
} from '@/db/schema'
import {
  canTransition,
  statusAfterNoShow,
  type ApplicationStatus,
} from '@/lib/domain/application-status'
import type { StaffActor } from '@/lib/domain/actor'
import type { AppointmentStatus } from '@/lib/domain/appointments/appointment-status'
import {
  identityMatches,
  isOnIstanbulDay,
  mayMarkNoShow,
  recordedIdentityOf,
} from '@/lib/domain/appointments/check-in'
import { AccessDenied, requireStaff } from '../actor'
import { endApplicationBookings } from '../appointments/end-bookings'
import { writeAudit } from '../audit'
import { openIdentityNumbers } from '../crypto/identity-numbers'
import { mailCaseStep } from '../casework/case-mail'
import { todayInIstanbul } from '../clock'
import { Refusal, type Tx } from '../idempotency'
import { ownDirectorate } from './appointment-day'

// What happens at the counter: the person is checked in (their application goes to review)
// or recorded as not having come. Each is one transaction with its audit row; the officer's
// decision carries the appointment version it was made on, and a stale one is refused.

export const COUNTER_REFUSALS = [
  'stale_version',
  'not_confirmed',
  'not_today',
  'not_started',
  'counter_not_found',
  'identity_mismatch',
  'not_awaiting_appointment',
  'busy',
] as const
export type CounterRefusal = (typeof COUNTER_REFUSALS)[number]

export type CounterResult =
  | { ok: true; appointmentId: string; status: 'attended' | 'no_show' }
  | { ok: false; reason: CounterRefusal }

const refuse = (reason: CounterRefusal): never => {
  throw new Refusal({ ok: false, reason })
}

/** An attended appointment means the documents were handed in: the file goes to review. */
const AFTER_ATTENDANCE: ApplicationStatus = 'under_review'

type Locked = {
  applicationId: string
  applicationStatus: ApplicationStatus
  formData: Record<string, unknown>
  status: AppointmentStatus
  version: number
  startsAt: Date
  officeId: string
}

/**
 * Finds the appointment at the caller's directorate (anything else is a 404) and locks its
 * application first, in the order the applicant's booking changes take their locks, so the
 * counter and a last-minute cancellation queue instead of deadlocking. The appointment is read
 * after the lock, so it is the state the decision is made on.
 */
async function lockAtDirectorate(
  tx: Tx,
  directorateId: string,
  appointmentId: string,
): Promise<Locked> {
  const find = () =>
    tx
      .select({
        applicationId: appointments.applicationId,
        status: appointments.status,
        version: appointments.version,
        startsAt: appointmentSlots.startsAt,
        officeId: appointmentSlots.officeId,
      })
      .from(appointments)
      .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
      .where(
        and(eq(appointments.id, appointmentId), eq(appointmentSlots.directorateId, directorateId)),
      )
  const [found] = await find()
  if (!found)
    throw new AccessDenied('not_found', { entityType: 'appointment', entityId: appointmentId })
  const [application] = await tx
    .select({
      status: applications.status,
      formData: applications.formData,
      passportNumberSealed: applications.passportNumberSealed,
      foreignerIdSealed: applications.foreignerIdSealed,
    })
    .from(applications)
    .where(eq(applications.id, found.applicationId))
    .for('update')
  const [current] = await find()
  if (!application || !current) throw new AccessDenied('not_found')
  return {
    ...current,
    applicationStatus: application.status,
    // The officer's typed number is compared with the opened numbers, in memory only.
    formData: openIdentityNumbers(application.formData, application),
  }
}

/**
 * One counter decision by a staff member of the appointment's directorate, in one
 * transaction: the appointment is locked and must still be confirmed at the version the
 * officer saw. A Refusal rolls it back and answers its result, a lock wait too long is busy.
 */
async function runCounterChange(
  input: { appointmentId: string; expectedVersion: number },
  work: (tx: Tx, row: Locked, actor: StaffActor) => Promise<CounterResult>,
): Promise<CounterResult> {
  const actor = await requireStaff('appointments.check_in')
  const directorateId = ownDirectorate(actor)
  const db = await getDb()
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        await tx.execute(sql`set local lock_timeout = '3s'`)
        const row = await lockAtDirectorate(tx, directorateId, input.appointmentId)
        if (row.version !== input.expectedVersion) refuse('stale_version')
        if (row.status !== 'confirmed') refuse('not_confirmed')
        return work(tx, row, actor)
      })
    } catch (error) {
      if (error instanceof Refusal) return error.result as CounterResult
      const e = error as { code?: unknown; cause?: { code?: unknown } }
      const code = e?.code ?? e?.cause?.code
      if ((code === '40001' || code === '40P01') && attempt < 3) continue
      if (code === '55P03') return { ok: false, reason: 'busy' }
      throw error
    }
  }
}

/** Ends a confirmed appointment, only if nobody changed it since the officer saw it. */
async function endConfirmed(
  tx: Tx,
  appointmentId: string,
  expectedVersion: number,
  change: Partial<typeof appointments.$inferInsert>,
): Promise<void> {
  const ended = await tx
    .update(appointments)
    .set({ ...change, endedAt: sql`now()`, version: sql`${appointments.version} + 1` })
    .where(
      and(
        eq(appointments.id, appointmentId),
        eq(appointments.status, 'confirmed'),
        eq(appointments.version, expectedVersion),
      ),
    )
    .returning({ id: appointments.id })
  if (ended.length === 0) refuse('stale_version')
}

/**
 * Checks the person in at the counter. The number typed from their passport or foreigner ID
 * card must be the application's; a mismatch changes nothing but is recorded as a refused
 * attempt. Then the appointment is attended and the application moves to review.
 */
export async function checkInAppointment(input: {
  appointmentId: string
  identityNumber: string
  counterId?: string
  expectedVersion: number
}): Promise<CounterResult> {
  return runCounterChange(input, async (tx, row, actor) => {
    if (!isOnIstanbulDay(row.startsAt, todayInIstanbul())) refuse('not_today')
    if (input.counterId) {
      const [counter] = await tx
        .select({ id: counters.id })
        .from(counters)
        .where(
          and(
            eq(counters.id, input.counterId),
            eq(counters.officeId, row.officeId),
            eq(counters.active, true),
          ),
        )
      if (!counter) refuse('counter_not_found')
    }
    if (!identityMatches(input.identityNumber, recordedIdentityOf(row.formData))) {
      // Committed on its own: the trail shows who tried which appointment, never the number.
      await writeAudit(tx, {
        actorUserId: actor.userId,
        action: 'appointment.check_in_denied',
        entityType: 'appointment',
        entityId: input.appointmentId,
        details: { applicationId: row.applicationId, reason: 'identity_mismatch' },
      })
      return { ok: false, reason: 'identity_mismatch' }
    }
    const from = row.applicationStatus
    if (from !== 'awaiting_appointment' || !canTransition(from, AFTER_ATTENDANCE, 'staff'))
      refuse('not_awaiting_appointment')
    await endConfirmed(tx, input.appointmentId, input.expectedVersion, {
      status: 'attended',
      counterId: input.counterId ?? null,
      checkedInBy: actor.userId,
    })
    const moved = await tx
      .update(applications)
      .set({
        status: AFTER_ATTENDANCE,
        updatedAt: sql`now()`,
        version: sql`${applications.version} + 1`,
      })
      .where(and(eq(applications.id, row.applicationId), eq(applications.status, from)))
      .returning({ id: applications.id })
    if (moved.length === 0) refuse('not_awaiting_appointment')
    await tx.insert(applicationEvents).values({
      applicationId: row.applicationId,
      fromStatus: from,
      toStatus: AFTER_ATTENDANCE,
      actorUserId: actor.userId,
      reasonCode: 'appointment_attended',
    })
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: 'appointment.checked_in',
      entityType: 'appointment',
      entityId: input.appointmentId,
      details: { applicationId: row.applicationId, counterId: input.counterId ?? null },
    })
    return { ok: true, appointmentId: input.appointmentId, status: 'attended' }
  })
}

/**
 * Records that the person did not come, once the time has passed. The law does not process an
 * application whose appointment was missed (domain.md §4; statusAfterNoShow): it ends as not
 * processed, with its timeline event and an e-mail to the applicant in their language, in the
 * same transaction. The no-show also counts towards the booking restriction (booking-guard.ts).
 */
export async function markNoShow(input: {
  appointmentId: string
  expectedVersion: number
}): Promise<CounterResult> {
  return runCounterChange(input, async (tx, row, actor) => {
    if (!mayMarkNoShow(row.startsAt, new Date())) refuse('not_started')
    await endConfirmed(tx, input.appointmentId, input.expectedVersion, { status: 'no_show' })
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: 'appointment.no_show',
      entityType: 'appointment',
      entityId: input.appointmentId,
      details: { applicationId: row.applicationId },
    })
    await endApplicationAfterNoShow(tx, row, actor)
    return { ok: true, appointmentId: input.appointmentId, status: 'no_show' }
  })
}

async function endApplicationAfterNoShow(tx: Tx, row: Locked, actor: StaffActor): Promise<void> {
  const from = row.applicationStatus
  const to = statusAfterNoShow(from)
  if (!to) return
  const moved = await tx
    .update(applications)
    .set({ status: to, updatedAt: sql`now()`, version: sql`${applications.version} + 1` })
    .where(and(eq(applications.id, row.applicationId), eq(applications.status, from)))
    .returning({ id: applications.id })
  if (moved.length === 0) return
  await tx.insert(applicationEvents).values({
    applicationId: row.applicationId,
    fromStatus: from,
    toStatus: to,
    actorUserId: actor.userId,
    reasonCode: 'missed_appointment',
  })
  await endApplicationBookings(tx, row.applicationId, actor.userId)
  await mailCaseStep(tx, row.applicationId, { key: 'missedAppointment' })
}
