import 'server-only'
import { randomBytes, randomUUID } from 'node:crypto'
import { and, eq, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { queryRows } from '@/db/client'
import { appointments, drawEntries, releaseWindows } from '@/db/schema'
import { runDraw, urgencyWeight, type DrawEntry } from '@/lib/domain/appointments/draw'
import { isLocale, type Locale } from '@/lib/domain/locales'
import { writeAudit } from '../audit'
import type { Tx } from '../idempotency'
import { drawNotDrawnMail } from '../mail/templates/appointment-mails'
import { enqueueMail } from '../outbox/enqueue-mail'
import { sendAppointmentMail } from './appointment-mail'
import { readAppointment } from './appointment-view'
import { legalDeadlineSql } from './legal-deadline'
import { CLAIMABLE, claimSeat, expireOwnHolds } from './seats'

type Candidate = {
  application_id: string
  preferences: string[] | string
  email: string | null
  reference: string
  locale: string | null
  eligible: boolean
  days: number | null
}

/**
 * Draws every release window that has closed and not been drawn yet; returns how many were
 * drawn. Each window is one transaction whose row is locked with SKIP LOCKED, so several
 * workers running at once draw each window exactly once.
 */
export async function runDueDraws(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select({ id: releaseWindows.id })
    .from(releaseWindows)
    .where(and(lt(releaseWindows.closesAt, now), isNull(releaseWindows.drawnAt)))
    .orderBy(releaseWindows.closesAt)
  let drawn = 0
  for (const window of due) {
    try {
      if (await db.transaction((tx) => drawWindow(tx, window.id, now))) drawn++
    } catch (error) {
      // One window that fails (a lock timeout, say) is tried again next minute; the others go on.
      console.error(
        `release draw ${window.id} failed:`,
        error instanceof Error ? error.message : error,
      )
    }
  }
  return drawn
}

/**
 * One draw, all or nothing: lock the window, then the entrants' applications (in id order,
 * the order every path here takes), then the free places; run the lottery with a fresh seed;
 * book the winners, tell everyone, and hand the places nobody won back to ordinary booking.
 */
async function drawWindow(tx: Tx, windowId: string, now: Date): Promise<boolean> {
  const [window] = await tx
    .select({ id: releaseWindows.id })
    .from(releaseWindows)
    .where(
      and(
        eq(releaseWindows.id, windowId),
        isNull(releaseWindows.drawnAt),
        lt(releaseWindows.closesAt, now),
      ),
    )
    .for('update', { skipLocked: true })
  if (!window) return false
  const nowSql = sql`${now.toISOString()}::timestamptz`
  // An application that was booked meanwhile, or no longer waits, takes no part.
  const candidates = await queryRows<Candidate>(
    tx,
    sql`select e.application_id, e.preferences, u.email, a.reference,
               u.preferred_locale as locale,
               (a.status = 'awaiting_appointment' and not exists (
                  select 1 from appointments p where p.application_id = a.id
                     and (p.status = 'confirmed'
                          or (p.status = 'held' and p.hold_expires_at >= now())))) as eligible,
               (${legalDeadlineSql('a')}
                 - (${nowSql} at time zone 'Europe/Istanbul')::date) as days
          from draw_entries e
          join applications a on a.id = e.application_id
          join users u on u.id = a.applicant_id
         where e.window_id = ${windowId}
         order by a.id
           for update of a`,
  )
  // The window's slots before their seats: the lock order of every other path.
  await queryRows(
    tx,
    sql`select id from appointment_slots where release_window_id = ${windowId}
         order by starts_at, id for update`,
  )
  const free = await queryRows<{ slot_id: string; places: number }>(
    tx,
    sql`select slot_id, count(*)::int as places from (
          select slot_id from slot_seats
           where slot_id in (select id from appointment_slots
                              where release_window_id = ${windowId} and not closed
                                and starts_at > ${nowSql})
             and ${CLAIMABLE}
           order by slot_id, seat_no
             for update skip locked) x
         group by slot_id`,
  )
  const seed = randomBytes(16).toString('hex')
  const entrants: DrawEntry[] = candidates
    .filter((c) => c.eligible)
    .map((c) => ({
      applicationId: c.application_id,
      weight: urgencyWeight(c.days === null ? Number.NaN : Number(c.days)),
      preferences: toList(c.preferences),
    }))
  const capacity = Object.fromEntries(free.map((f) => [f.slot_id, Number(f.places)]))
  const allocations = runDraw({ entries: entrants, capacity, seed })
  const won = new Set<string>()
  for (const { applicationId, slotId } of allocations) {
    const c = candidates.find((x) => x.application_id === applicationId)!
    const booked = await bookWinner(tx, { windowId, applicationId, slotId, locale: localeOf(c) })
    if (booked) won.add(applicationId)
  }
  for (const c of candidates)
    if (c.eligible && !won.has(c.application_id)) await tellNotDrawn(tx, c)
  await tx.execute(
    sql`update appointment_slots set release_window_id = null
         where release_window_id = ${windowId}`,
  )
  await tx.update(releaseWindows).set({ drawnAt: now, seed }).where(eq(releaseWindows.id, windowId))
  // Everything needed to run the same draw again with runDraw: seed, places and tickets.
  await writeAudit(tx, {
    actorUserId: null,
    action: 'release_window.drawn',
    entityType: 'release_window',
    entityId: windowId,
    details: {
      seed,
      capacity,
      weights: Object.fromEntries(entrants.map((e) => [e.applicationId, e.weight])),
      excluded: candidates.filter((c) => !c.eligible).map((c) => c.application_id),
      allocated: won.size,
    },
  })
  return true
}

async function bookWinner(
  tx: Tx,
  input: { windowId: string; applicationId: string; slotId: string; locale: Locale },
): Promise<boolean> {
  const { windowId, applicationId, slotId, locale } = input
  // A hold that ran out still counts for the one-active index until it is ended.
  await expireOwnHolds(tx, applicationId)
  const id = randomUUID()
  const seatNo = await claimSeat(tx, {
    slotId,
    appointmentId: id,
    state: 'confirmed',
    holdExpiresAt: null,
  })
  // The places were locked above, so this only happens if one went in between; no booking.
  if (seatNo === null) return false
  const [app] = await queryRows<{ applicant_id: string }>(
    tx,
    sql`select applicant_id from applications where id = ${applicationId}`,
  )
  await tx.insert(appointments).values({
    id,
    applicationId,
    applicantId: app!.applicant_id,
    slotId,
    seatNo,
    status: 'confirmed',
    confirmedAt: sql`now()`,
  })
  await tx
    .update(drawEntries)
    .set({ appointmentId: id })
    .where(and(eq(drawEntries.windowId, windowId), eq(drawEntries.applicationId, applicationId)))
  await writeAudit(tx, {
    actorUserId: null,
    action: 'appointment.drawn',
    entityType: 'appointment',
    entityId: id,
    details: { applicationId, slotId, windowId },
  })
  const appointment = (await readAppointment(tx, { id }))!
  await sendAppointmentMail(tx, { applicationId, locale }, 'booked', appointment)
  return true
}

async function tellNotDrawn(tx: Tx, c: Candidate): Promise<void> {
  if (!c.email) return
  const locale = localeOf(c)
  await enqueueMail(tx, {
    recipient: c.email,
    applicationId: c.application_id,
    ...drawNotDrawnMail(locale, { reference: c.reference }),
  })
}

const localeOf = (c: Candidate): Locale => (c.locale && isLocale(c.locale) ? c.locale : 'tr')

/** PGlite may answer a uuid[] in its text form, postgres.js as an array. */
function toList(value: string[] | string): string[] {
  if (Array.isArray(value)) return value
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean)
}
