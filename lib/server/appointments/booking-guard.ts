import 'server-only'
import { and, eq, gt, or, sql } from 'drizzle-orm'
import { applications, appointments, appointmentSlots } from '@/db/schema'
import { isBookingRestricted, type BookingRules } from '@/lib/domain/appointments/booking-rules'
import type { Locale } from '@/lib/domain/locales'
import { requireSignedIn } from '../actor'
import { getMyApplication } from '../applications/my-application'
import { Refusal, type Tx } from '../idempotency'
import { enforceRateLimits, addressSubject } from '../rate-limit'
import type { BookingRefusal } from './appointment-view'
import { loadBookingRateLimits, loadBookingRules } from './booking-settings'

export type BookingContext = {
  userId: string
  applicationId: string
  rules: BookingRules
  locale: Locale
}

/**
 * What every booking change checks before its transaction: the caller owns the application
 * (someone else's is a 404), and neither the application nor the address is over its limit.
 * The limits count every attempt, also refused and replayed ones.
 */
export async function prepareBooking(
  applicationId: string,
  address: string,
  locale: Locale,
  operation: 'hold' | 'change',
): Promise<BookingContext> {
  const actor = await requireSignedIn()
  await getMyApplication(applicationId)
  const rules = await loadBookingRules()
  const limits = await loadBookingRateLimits(rules)
  // Holding is what a bot hoarding places does, so it alone has a daily cap per application.
  await enforceRateLimits([
    ...(operation === 'hold' ? [{ rule: limits.perApplication, subject: applicationId }] : []),
    { rule: limits.perAddress, subject: addressSubject(address) },
  ])
  return { userId: actor.userId, applicationId, rules, locale }
}

export const refuse = (reason: BookingRefusal): never => {
  throw new Refusal({ ok: false, reason })
}

/**
 * Locks the application row so one applicant's parallel requests run one after another,
 * and checks it still waits for an appointment. Returns its directorate.
 */
export async function lockBookableApplication(tx: Tx, ctx: BookingContext): Promise<string> {
  const [app] = await tx
    .select({ status: applications.status, directorateId: applications.directorateId })
    .from(applications)
    .where(and(eq(applications.id, ctx.applicationId), eq(applications.applicantId, ctx.userId)))
    .for('update')
  if (!app || app.status !== 'awaiting_appointment' || !app.directorateId)
    return refuse('not_awaiting_appointment')
  return app.directorateId
}

/** Two no-shows or late cancellations in the window stop self-service booking. */
export async function assertNotRestricted(tx: Tx, ctx: BookingContext): Promise<void> {
  const since = new Date(Date.now() - ctx.rules.strikeWindowDays * 86_400_000)
  const strikes = await tx
    .select({ at: appointments.endedAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.applicantId, ctx.userId),
        or(eq(appointments.status, 'no_show'), eq(appointments.lateCancellation, true)),
        gt(appointments.endedAt, since),
      ),
    )
  const times = strikes.flatMap((s) => (s.at ? [s.at] : []))
  if (isBookingRestricted({ strikes: times, now: new Date(), rules: ctx.rules }))
    refuse('booking_restricted')
}

/** The slot must belong to the application's directorate, be open and still ahead. */
export async function assertSlotBookable(
  tx: Tx,
  slotId: string,
  directorateId: string,
): Promise<void> {
  const [slot] = await tx
    .select({
      directorateId: appointmentSlots.directorateId,
      closed: appointmentSlots.closed,
      future: sql<boolean>`${appointmentSlots.startsAt} > now()`,
    })
    .from(appointmentSlots)
    .where(eq(appointmentSlots.id, slotId))
  if (!slot || slot.directorateId !== directorateId) refuse('slot_not_offered')
  if (slot!.closed) refuse('slot_closed')
  if (!slot!.future) refuse('slot_in_past')
}
