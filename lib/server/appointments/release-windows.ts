import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, asc, eq, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import { offices, releaseWindows } from '@/db/schema'
import {
  checkReleaseWindow,
  slotDaysRange,
  type ReleaseWindowRefusal,
} from '@/lib/domain/appointments/release-window'
import type { StaffActor } from '@/lib/domain/actor'
import type { IsoDate } from '@/lib/domain/permits/dates'
import type { DrawOffice, StaffReleaseWindow } from '@/lib/schemas/draws'
import { AccessDenied, requireStaff } from '../actor'
import { writeAudit } from '../audit'
import { Refusal, requestHash, runIdempotent } from '../idempotency'
import { loadBookingRules } from './booking-settings'
import { ensureSlotsAhead } from './generate-slots'

// The directorate admin's side of release draws: hold a block of an office's slots back for a
// draw, and see the windows of their directorate with their published seeds.

export type ReleaseWindowResult =
  | { ok: true; windowId: string; slots: number }
  | { ok: false; reason: ReleaseWindowRefusal | 'no_free_slots' | 'key_reused' }

/** A directorate admin (capacity.manage) of one directorate; a national role has none here. */
async function requireDirectorateCapacity(): Promise<StaffActor & { directorateId: string }> {
  const actor = await requireStaff('capacity.manage')
  if (!actor.directorateId) throw new AccessDenied('forbidden')
  return { ...actor, directorateId: actor.directorateId }
}

/**
 * Holds back, for a draw, the office's slots starting on the days `slotsFrom`–`slotsUntil`
 * (İstanbul dates) that nobody has touched: every place free. The places are locked while the
 * window is stored, so a booking running at the same moment either got its place first (and
 * the slot stays out of the draw) or finds the slot in the draw. An office of another
 * directorate is a 404, as if it did not exist.
 */
export async function openReleaseWindow(input: {
  officeId: string
  slotsFrom: IsoDate
  slotsUntil: IsoDate
  opensAt: Date
  closesAt: Date
  idempotencyKey: string
}): Promise<ReleaseWindowResult> {
  const actor = await requireDirectorateCapacity()
  const db = await getDb()
  const [office] = await db
    .select({ id: offices.id })
    .from(offices)
    .where(and(eq(offices.id, input.officeId), eq(offices.directorateId, actor.directorateId)))
  if (!office) throw new AccessDenied('not_found')
  const checked = checkReleaseWindow({ ...input, now: new Date() })
  if (!checked.ok) return checked
  // Days far ahead may not have slots yet; making them is idempotent and has its own lock.
  await ensureSlotsAhead(office.id, await loadBookingRules())
  const { from, to } = slotDaysRange(input.slotsFrom, input.slotsUntil)
  return runIdempotent(
    {
      userId: actor.userId,
      key: input.idempotencyKey,
      operation: 'release_window.open',
      requestHash: requestHash('release_window.open', [
        input.officeId,
        input.slotsFrom,
        input.slotsUntil,
        input.opensAt.toISOString(),
        input.closesAt.toISOString(),
      ]),
    },
    async (tx) => {
      const windowId = randomUUID()
      await tx.insert(releaseWindows).values({
        id: windowId,
        officeId: office.id,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        createdBy: actor.userId,
      })
      // Slots, then their seats, each in one order (the lock order of every path); a slot
      // another window took meanwhile fails the re-checked `release_window_id is null`.
      const held = await queryRows<{ id: string }>(
        tx,
        sql`with candidate as (
              select id from appointment_slots
               where office_id = ${office.id}
                 and starts_at >= ${from.toISOString()} and starts_at < ${to.toISOString()}
                 and starts_at > ${input.closesAt.toISOString()}
                 and not closed and release_window_id is null
               order by starts_at, id
               for update
            ), seat as (
              select slot_id, state from slot_seats
               where slot_id in (select id from candidate)
               order by slot_id, seat_no
               for update
            )
            update appointment_slots s set release_window_id = ${windowId}
             where s.id in (select slot_id from seat group by slot_id
                             having bool_and(state = 'free'))
               and s.release_window_id is null
            returning s.id`,
      )
      if (held.length === 0) throw new Refusal({ ok: false, reason: 'no_free_slots' })
      await writeAudit(tx, {
        actorUserId: actor.userId,
        action: 'release_window.opened',
        entityType: 'release_window',
        entityId: windowId,
        details: {
          officeId: office.id,
          slotsFrom: input.slotsFrom,
          slotsUntil: input.slotsUntil,
          opensAt: input.opensAt.toISOString(),
          closesAt: input.closesAt.toISOString(),
          slots: held.length,
        },
      })
      return { ok: true, windowId, slots: held.length }
    },
  )
}

/** The offices the admin can open a window for, and the latest windows of the directorate. */
export async function findReleaseWindows(): Promise<{
  offices: DrawOffice[]
  windows: StaffReleaseWindow[]
}> {
  const actor = await requireDirectorateCapacity()
  const db = await getDb()
  const officeRows = await db
    .select({ id: offices.id, name: offices.name })
    .from(offices)
    .where(eq(offices.directorateId, actor.directorateId))
    .orderBy(asc(offices.name))
  const rows = await queryRows<{
    id: string
    office_name: string
    opens_at: Date | string
    closes_at: Date | string
    drawn_at: Date | string | null
    seed: string | null
    slots: number
    entries: number
    allocated: number
  }>(
    db,
    sql`select w.id, o.name as office_name, w.opens_at, w.closes_at, w.drawn_at, w.seed,
               (select count(*)::int from appointment_slots s
                 where s.release_window_id = w.id) as slots,
               (select count(*)::int from draw_entries e where e.window_id = w.id) as entries,
               (select count(e.appointment_id)::int from draw_entries e
                 where e.window_id = w.id) as allocated
          from release_windows w
          join offices o on o.id = w.office_id
         where o.directorate_id = ${actor.directorateId}
         order by w.closes_at desc
         limit 20`,
  )
  const iso = (v: Date | string) => new Date(v).toISOString()
  return {
    offices: officeRows,
    windows: rows.map((r) => ({
      id: r.id,
      officeName: r.office_name,
      opensAt: iso(r.opens_at),
      closesAt: iso(r.closes_at),
      drawnAt: r.drawn_at ? iso(r.drawn_at) : null,
      seed: r.seed,
      slots: Number(r.slots),
      entries: Number(r.entries),
      allocated: Number(r.allocated),
    })),
  }
}
