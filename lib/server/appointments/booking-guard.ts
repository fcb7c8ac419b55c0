import 'server-only'
import { isUuid } from '@/lib/domain/ids'
import { and, eq, sql } from 'drizzle-orm'
import { queryRows } from '@/db/client'
import { applications, appointments, appointmentSlots, directorates } from '@/db/schema'
import { isBookingRestricted, type BookingRules } from '@/lib/domain/appointments/booking-rules'
import type { Locale } from '@/lib/domain/locales'
import { AccessDenied, requireSignedIn } from '../actor'
import { Refusal, type Tx } from '../idempotency'
import { enforceRateLimits, addressSubject } from '../rate-limit'
import type { BookingRefusal } from './appointment-view'
import { loadBookingRules, loadBookingSettings } from './booking-settings'

/**
 * countsAsStrike (lib/domain/appointments/booking-rules.ts) as SQL over appointments `a`:
 * a no-show, or a cancellation by the applicant however early (features.md [T4]).
 */
const STRIKE_SQL = sql.raw(
  `(a.status = 'no_show' or (a.status = 'cancelled' and a.cancelled_by = 'applicant'))`,
)

export type BookingContext = {
  userId: string
  applicationId: string
  rules: BookingRules
  locale: Locale
}

/**
 * The signed-in caller asking about `applicationId`. An id that is not a UUID is the same 404
 * as a missing application, before any query. Ownership is checked where the row is read.
 */
export async function callerOf(applicationId: string): Promise<string> {
  const actor = await requireSignedIn()
  if (!isUuid(applicationId)) throw new AccessDenied('not_found')
  return actor.userId
}

/** The context of a change that has no rate limit (the waitlist, assigned-mode requests). */
export async function applicantContext(
  applicationId: string,
  locale: Locale,
): Promise<BookingContext> {
  const userId = await callerOf(applicationId)
  return { userId, applicationId, rules: await loadBookingRules(), locale }
}

/**
 * What every booking change does before its transaction: who is asking, the rules in force,
 * and the rate limits, which count every attempt, also refused and replayed ones. Whether the
 * application is the caller's is checked under its row lock (lockBookableApplication).
 */
export async function prepareBooking(
  applicationId: string,
  address: string,
  locale: Locale,
  operation: 'hold' | 'change',
): Promise<BookingContext> {
  const userId = await callerOf(applicationId)
  const { rules, limits } = await loadBookingSettings()
  // Holding is what a bot hoarding places does, so it alone has a daily cap per application.
  // The counter is the caller's own, so nobody can use up another person's attempts.
  await enforceRateLimits([
    ...(operation === 'hold'
      ? [{ rule: limits.perApplication, subject: `${userId}:${applicationId}` }]
      : []),
    { rule: limits.perAddress, subject: addressSubject(address) },
  ])
  return { userId, applicationId, rules, locale }
}

export const refuse = (reason: BookingRefusal): never => {
  throw new Refusal({ ok: false, reason })
}

/**
 * Locks the application row so one applicant's parallel requests run one after another, and
 * checks it is the caller's (else the same 404 as a missing one) and still waits for an
 * appointment. Two missed or cancelled appointments in the window stop self-service booking.
 * With `refuseAssigned`, a directorate that assigns dates itself (İstanbul, Ankara) refuses:
 * its applicants state their constraints on the assigned page instead of choosing a slot.
 * Returns the application's directorate.
 */
export async function lockBookableApplication(
  tx: Tx,
  ctx: BookingContext,
  { checkRestriction = false, refuseAssigned = false } = {},
): Promise<string> {
  const since = new Date(Date.now() - ctx.rules.strikeWindowDays * 86_400_000)
  const [app] = await tx
    .select({
      status: applications.status,
      directorateId: applications.directorateId,
      strikes: sql<string[] | null>`(select json_agg(a.ended_at) from ${appointments} a
        where a.applicant_id = ${ctx.userId} and a.ended_at > ${since.toISOString()}
          and ${STRIKE_SQL})`,
      assigns: sql<boolean>`coalesce((select d.assigns_appointments from ${directorates} d
        where d.id = ${applications.directorateId}), false)`,
    })
    .from(applications)
    .where(and(eq(applications.id, ctx.applicationId), eq(applications.applicantId, ctx.userId)))
    .for('update', { of: applications })
  if (!app) throw new AccessDenied('not_found')
  if (app.status !== 'awaiting_appointment' || !app.directorateId)
    return refuse('not_awaiting_appointment')
  const strikes = (app.strikes ?? []).map((at) => new Date(at))
  if (checkRestriction && isBookingRestricted({ strikes, now: new Date(), rules: ctx.rules }))
    refuse('booking_restricted')
  if (refuseAssigned && app.assigns) refuse('assigned_directorate')
  return app.directorateId
}

/**
 * Locks slot rows against closing in one order (time, then id), for changes that touch two
 * slots (a move): staff lock a day's slots in the same order, so neither waits in a circle.
 */
export async function lockSlotsInOrder(tx: Tx, slotIds: string[]): Promise<void> {
  await queryRows(
    tx,
    sql`select id from appointment_slots where id in (${sql.join(
      slotIds.map((id) => sql`${id}`),
      sql`, `,
    )}) order by starts_at, id for key share`,
  )
}

/** The slot must belong to the application's directorate, be open and still ahead; locked. */
export async function assertSlotBookable(
  tx: Tx,
  slotId: string,
  directorateId: string,
): Promise<void> {
  const [slot] = await tx
    .select({
      directorateId: appointmentSlots.directorateId,
      closed: appointmentSlots.closed,
      inDraw: sql<boolean>`${appointmentSlots.releaseWindowId} is not null`,
      future: sql<boolean>`${appointmentSlots.startsAt} > now()`,
    })
    .from(appointmentSlots)
    .where(eq(appointmentSlots.id, slotId))
    // Staff close slots under FOR UPDATE: this lock makes a closure wait for the booking, or
    // the booking see the closure. Lock order: application, slots, seats, appointments.
    .for('key share')
  if (!slot || slot.directorateId !== directorateId) refuse('slot_not_offered')
  if (slot!.closed) refuse('slot_closed')
  if (slot!.inDraw) refuse('slot_in_draw')
  if (!slot!.future) refuse('slot_in_past')
}
