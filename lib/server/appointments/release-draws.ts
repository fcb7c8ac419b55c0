import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import { applications, drawEntries } from '@/db/schema'
import { MAX_DRAW_PREFERENCES } from '@/lib/domain/appointments/draw'
import { toIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'
import type { DrawSlot, MyDrawEntry, OpenDraw } from '@/lib/schemas/draws'
import { getMyApplication } from '../applications/my-application'
import { writeAudit } from '../audit'
import { Refusal, type Tx } from '../idempotency'
import { isLapsedHold, readAppointment } from './appointment-view'
import { isUuid } from '@/lib/domain/ids'
import { lockBookableApplication } from './booking-guard'
import { runBookingOperation, type BookingRequest } from './booking-operation'

// The applicant's side of release draws: see the open draws of their directorate, state up to
// five preferred times, and see the result. When an entry is sent does not matter.

export type DrawRefusal =
  | 'not_awaiting_appointment'
  | 'booking_restricted'
  | 'already_booked'
  | 'draw_closed'
  | 'choice_not_in_draw'
  | 'key_reused'

export type EnterDrawResult = { ok: true } | { ok: false; reason: DrawRefusal }

const refuse = (reason: DrawRefusal): never => {
  throw new Refusal({ ok: false, reason })
}

type SlotRow = { id: string; starts_at: Date | string }

function toDrawSlot(row: SlotRow): DrawSlot {
  const startsAt = new Date(row.starts_at)
  return { id: row.id, startsAt: startsAt.toISOString(), ...toIstanbulWallTime(startsAt) }
}

/** The directorate of the caller's own application, if it waits for an appointment. */
async function waitingDirectorate(applicationId: string): Promise<string | null> {
  const app = await getMyApplication(applicationId)
  if (app.status !== 'awaiting_appointment') return null
  const db = await getDb()
  const [row] = await db
    .select({ directorateId: applications.directorateId })
    .from(applications)
    .where(eq(applications.id, app.id))
  return row?.directorateId ?? null
}

/** Draws of the application's directorate that take entries now, with their times. */
export async function findOpenDraws(applicationId: string): Promise<OpenDraw[]> {
  const directorateId = await waitingDirectorate(applicationId)
  if (!directorateId) return []
  const db = await getDb()
  const windows = await queryRows<{
    id: string
    office_name: string
    office_address: string
    closes_at: Date | string
  }>(
    db,
    sql`select w.id, o.name as office_name, o.address as office_address, w.closes_at
          from release_windows w join offices o on o.id = w.office_id
         where o.directorate_id = ${directorateId} and w.drawn_at is null
           and w.opens_at <= now() and w.closes_at > now()
         order by w.closes_at, w.id`,
  )
  if (windows.length === 0) return []
  const slots = await queryRows<SlotRow & { window_id: string }>(
    db,
    sql`select s.id, s.starts_at, s.release_window_id as window_id from appointment_slots s
         where s.release_window_id in (${sql.join(
           windows.map((w) => sql`${w.id}`),
           sql`, `,
         )}) and not s.closed
         order by s.starts_at, s.id
         limit 1000`,
  )
  return windows.map((w) => ({
    windowId: w.id,
    officeName: w.office_name,
    officeAddress: w.office_address,
    closesAt: new Date(w.closes_at).toISOString(),
    slots: slots.filter((s) => s.window_id === w.id).map(toDrawSlot),
  }))
}

/** The application's latest draw entry: what was chosen and, once drawn, what it gave. */
export async function myDrawEntry(applicationId: string): Promise<MyDrawEntry | null> {
  const app = await getMyApplication(applicationId)
  const db = await getDb()
  const [entry] = await queryRows<{
    window_id: string
    office_name: string
    closes_at: Date | string
    drawn_at: Date | string | null
    seed: string | null
    preferences: string[] | string
    appointment_id: string | null
  }>(
    db,
    sql`select e.window_id, o.name as office_name, w.closes_at, w.drawn_at, w.seed,
               e.preferences, e.appointment_id
          from draw_entries e
          join release_windows w on w.id = e.window_id
          join offices o on o.id = w.office_id
         where e.application_id = ${app.id}
         order by w.closes_at desc
         limit 1`,
  )
  if (!entry) return null
  const chosen = await queryRows<SlotRow & { position: number }>(
    db,
    sql`select s.id, s.starts_at, p.position::int as position
          from unnest(${toArray(entry.preferences)}::uuid[]) with ordinality as p(id, position)
          join appointment_slots s on s.id = p.id
         order by p.position`,
  )
  const appointment = entry.appointment_id
    ? await readAppointment(db, { id: entry.appointment_id })
    : null
  const iso = (v: Date | string) => new Date(v).toISOString()
  return {
    windowId: entry.window_id,
    officeName: entry.office_name,
    closesAt: iso(entry.closes_at),
    drawnAt: entry.drawn_at ? iso(entry.drawn_at) : null,
    seed: entry.seed,
    preferences: chosen.map(toDrawSlot),
    appointment,
  }
}

/** PGlite may answer a uuid[] as its text form; postgres.js as an array. */
function toArray(value: string[] | string): string {
  return Array.isArray(value) ? `{${value.join(',')}}` : value
}

/**
 * Enters the application in a draw, or changes its choices while the draw is open. The
 * choices must be times of one open draw of the application's directorate. The window row is
 * locked (shared) before the application row, the order the draw itself takes them, so an
 * entry either lands before the draw or is refused after it.
 */
export async function enterDraw(
  input: BookingRequest & { preferences: string[] },
): Promise<EnterDrawResult> {
  return runBookingOperation('draw.enter', input, [input.preferences], async (tx, ctx) => {
    const windowId = await lockWindowOf(tx, input.preferences)
    const directorateId = await lockBookableApplication(tx, ctx, { checkRestriction: true })
    const active = await readAppointment(tx, {
      applicationId: ctx.applicationId,
      activeOnly: true,
    })
    if (active && !isLapsedHold(active)) refuse('already_booked')
    if (!windowId) return refuse('choice_not_in_draw')
    const [check] = await queryRows<{ mine: number; open: boolean }>(
      tx,
      sql`select (select count(*)::int from appointment_slots s
                     where s.id in (${sql.join(
                       input.preferences.map((id) => sql`${id}`),
                       sql`, `,
                     )})
                       and s.release_window_id = w.id and s.directorate_id = ${directorateId}
                       and not s.closed) as mine,
                   (w.drawn_at is null and w.opens_at <= now() and w.closes_at > now()) as open
              from release_windows w where w.id = ${windowId}`,
    )
    if (!check || Number(check.mine) !== input.preferences.length)
      return refuse('choice_not_in_draw')
    if (!check.open) return refuse('draw_closed')
    await tx
      .insert(drawEntries)
      .values({
        windowId,
        applicationId: ctx.applicationId,
        applicantId: ctx.userId,
        preferences: input.preferences,
      })
      .onConflictDoUpdate({
        target: [drawEntries.windowId, drawEntries.applicationId],
        set: { preferences: input.preferences },
      })
    await writeAudit(tx, {
      actorUserId: ctx.userId,
      action: 'draw.entered',
      entityType: 'release_window',
      entityId: windowId,
      details: { applicationId: ctx.applicationId, preferences: input.preferences.length },
    })
    return { ok: true }
  })
}

/**
 * The draw the first choice belongs to, its row locked so the draw waits for this entry.
 * Null when the choices are not 1–5 distinct times of a draw.
 */
async function lockWindowOf(tx: Tx, preferences: string[]): Promise<string | null> {
  if (preferences.length < 1 || preferences.length > MAX_DRAW_PREFERENCES) return null
  if (new Set(preferences).size !== preferences.length) return null
  if (!preferences.every(isUuid)) return null
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`select w.id from release_windows w
         where w.id = (select release_window_id from appointment_slots
                        where id = ${preferences[0]})
         for share`,
  )
  return row?.id ?? null
}
