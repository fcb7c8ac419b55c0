import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { appointmentRequests, applications, directorates } from '@/db/schema'
import {
  checkConstraints,
  earliestDateWindow,
  normaliseWeekdays,
  type AssignmentConstraints,
  type ConstraintProblem,
} from '@/lib/domain/appointments/assignment'
import type { Locale } from '@/lib/domain/locales'
import type { AssignmentRequestView } from '@/lib/schemas/appointments/assignment-request'
import { AccessDenied } from '../actor'
import { getMyApplication } from '../applications/my-application'
import { writeAudit } from '../audit'
import { todayInIstanbul } from '../clock'
import { Refusal, type Tx } from '../idempotency'
import { isLapsedHold, readAppointment, type BookingRefusal } from './appointment-view'
import { applicantContext, callerOf, lockBookableApplication } from './booking-guard'
import { runApplicantOperation } from './booking-operation'
import { loadBookingRules } from './booking-settings'
import { findMyAppointment } from './my-appointment'

// Assigned mode (İstanbul, Ankara): the applicant states when they can come; the job in
// assign-waiting.ts gives the date. A request is one row per application, saved again when
// the applicant changes it. Its place in the queue (created_at) is kept while it waits.

export type { AssignmentRequestView }

export type AssignmentRefusal =
  | ConstraintProblem
  | 'not_assigned_directorate'
  | 'no_waiting_request'
  | Extract<
      BookingRefusal,
      'not_awaiting_appointment' | 'booking_restricted' | 'already_booked' | 'key_reused'
    >

export type AssignmentResult =
  { ok: true; request: AssignmentRequestView } | { ok: false; reason: AssignmentRefusal }

const refuse = (reason: AssignmentRefusal): never => {
  throw new Refusal({ ok: false, reason })
}

type Reader = Pick<Tx, 'select'>

async function readRequest(
  db: Reader,
  applicationId: string,
): Promise<AssignmentRequestView | null> {
  const [row] = await db
    .select()
    .from(appointmentRequests)
    .where(eq(appointmentRequests.applicationId, applicationId))
  if (!row) return null
  return {
    applicationId: row.applicationId,
    status: row.status,
    earliestDate: row.earliestDate,
    weekdays: row.weekdays.map(Number),
    partOfDay: row.partOfDay as AssignmentRequestView['partOfDay'],
    appointmentId: row.appointmentId,
    requestedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/**
 * Saves what the owner of an application waiting for an appointment can accept, at a
 * directorate that assigns dates. One transaction with its audit row; a request that was
 * assigned or cancelled before starts again at the end of the queue.
 */
export async function requestAssignment(input: {
  applicationId: string
  constraints: AssignmentConstraints
  idempotencyKey: string
  locale: Locale
}): Promise<AssignmentResult> {
  const ctx = await applicantContext(input.applicationId, input.locale)
  const constraints = {
    ...input.constraints,
    weekdays: normaliseWeekdays(input.constraints.weekdays),
  }
  return runApplicantOperation(
    ctx,
    'assignment.request',
    input.idempotencyKey,
    [constraints],
    async (tx) => {
      // The application row first, as every booking path does (seats.ts lock order).
      const directorateId = await lockBookableApplication(tx, ctx, { checkRestriction: true })
      const [directorate] = await tx
        .select({ assigns: directorates.assignsAppointments })
        .from(directorates)
        .where(eq(directorates.id, directorateId))
      if (!directorate?.assigns) refuse('not_assigned_directorate')
      const active = await readAppointment(tx, {
        applicationId: ctx.applicationId,
        activeOnly: true,
      })
      if (active && !isLapsedHold(active)) refuse('already_booked')
      const problem = checkConstraints(constraints, {
        today: todayInIstanbul(),
        horizonDays: ctx.rules.horizonDays,
      })
      if (problem) refuse(problem)
      const values = {
        directorateId,
        earliestDate: constraints.earliestDate,
        weekdays: constraints.weekdays,
        partOfDay: constraints.partOfDay,
      }
      await tx
        .insert(appointmentRequests)
        .values({ ...values, applicationId: ctx.applicationId, applicantId: ctx.userId })
        .onConflictDoUpdate({
          target: appointmentRequests.applicationId,
          set: {
            ...values,
            status: 'waiting',
            appointmentId: null,
            updatedAt: sql`now()`,
            createdAt: sql`case when ${appointmentRequests.status} = 'waiting'
              then ${appointmentRequests.createdAt} else now() end`,
          },
        })
      await writeAudit(tx, {
        actorUserId: ctx.userId,
        action: 'appointment_request.saved',
        entityType: 'application',
        entityId: ctx.applicationId,
        details: values,
      })
      return { ok: true, request: (await readRequest(tx, ctx.applicationId))! }
    },
  )
}

/** Withdraws a request that still waits; one that was given a date is done with on its own. */
export async function cancelAssignmentRequest(input: {
  applicationId: string
  idempotencyKey: string
  locale: Locale
}): Promise<AssignmentResult> {
  const ctx = await applicantContext(input.applicationId, input.locale)
  return runApplicantOperation(ctx, 'assignment.cancel', input.idempotencyKey, [], async (tx) => {
    await lockBookableApplication(tx, ctx)
    const cancelled = await tx
      .update(appointmentRequests)
      .set({ status: 'cancelled', updatedAt: sql`now()` })
      .where(
        and(
          eq(appointmentRequests.applicationId, ctx.applicationId),
          eq(appointmentRequests.status, 'waiting'),
        ),
      )
      .returning({ id: appointmentRequests.applicationId })
    if (cancelled.length === 0) refuse('no_waiting_request')
    await writeAudit(tx, {
      actorUserId: ctx.userId,
      action: 'appointment_request.cancelled',
      entityType: 'application',
      entityId: ctx.applicationId,
    })
    return { ok: true, request: (await readRequest(tx, ctx.applicationId))! }
  })
}

/** The caller's request for their application, or null; someone else's is a 404. */
export async function findMyAssignmentRequest(
  applicationId: string,
): Promise<AssignmentRequestView | null> {
  await getMyApplication(applicationId)
  return readRequest(await getDb(), applicationId)
}

/** Whether the directorate of the caller's application gives the dates (İstanbul, Ankara). */
export async function myDirectorateAssignsDates(applicationId: string): Promise<boolean> {
  const userId = await callerOf(applicationId)
  const db = await getDb()
  const [row] = await db
    .select({ assigns: directorates.assignsAppointments })
    .from(applications)
    .leftJoin(directorates, eq(directorates.id, applications.directorateId))
    .where(and(eq(applications.id, applicationId), eq(applications.applicantId, userId)))
  if (!row) throw new AccessDenied('not_found')
  return row.assigns === true
}

/** The first and last day an applicant may give as their earliest date, today. */
export async function assignmentDateWindow(): Promise<{ from: string; to: string }> {
  const rules = await loadBookingRules()
  return earliestDateWindow(todayInIstanbul(), rules.horizonDays)
}

/** What the assigned page shows, for the caller's own application; someone else's is a 404. */
export async function loadMyAssignment(applicationId: string) {
  const [application, assigns, request, appointment, window] = await Promise.all([
    getMyApplication(applicationId),
    myDirectorateAssignsDates(applicationId),
    findMyAssignmentRequest(applicationId),
    findMyAppointment(applicationId),
    assignmentDateWindow(),
  ])
  return { application, assigns, request, appointment, window }
}
