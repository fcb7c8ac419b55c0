import 'server-only'
import { sql } from 'drizzle-orm'
import { queryRows } from '@/db/client'
import type { Tx } from '../idempotency'

/**
 * A place anyone may take: free and past its quarantine, or held or offered to someone whose
 * time ran out.
 */
export const CLAIMABLE = sql`((state = 'free' and available_from <= now())
  or (state in ('held', 'offered') and hold_expires_at < now()))`

// The SQL that moves places in and out of slots. Every path locks a seat row before the
// appointment row it points to, so two transactions never wait on each other in a circle.

/**
 * Takes one place in the slot: a free one past its quarantine, or one whose hold ran out
 * (that appointment becomes expired), or an offer that ran out. `SKIP LOCKED` lets parallel bookings take different
 * places instead of queueing on the same row. No row back means the slot is full.
 */
export async function claimSeat(
  tx: Tx,
  input: {
    slotId: string
    appointmentId: string
    state: 'held' | 'confirmed'
    holdExpiresAt: Date | null
  },
): Promise<number | null> {
  const rows = await queryRows<{ seat_no: number }>(
    tx,
    sql`with candidate as (
          select slot_id, seat_no, appointment_id as previous
            from slot_seats
           where slot_id = ${input.slotId}
             and ${CLAIMABLE}
           order by seat_no
           limit 1
           for update skip locked
        ), expired as (
          update appointments set status = 'expired', ended_at = now(), version = version + 1
           where id = (select previous from candidate) and status = 'held'
        )
        update slot_seats s
           set state = ${input.state}, appointment_id = ${input.appointmentId}, offered_to = null,
               hold_expires_at = ${input.holdExpiresAt?.toISOString() ?? null}
          from candidate c
         where s.slot_id = c.slot_id and s.seat_no = c.seat_no
        returning s.seat_no`,
  )
  return rows[0] ? Number(rows[0].seat_no) : null
}

/** Whether the slot still has places others hold locked right now (worth one more try). */
export async function slotMayFreeUp(tx: Tx, slotId: string): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from slot_seats
         where slot_id = ${slotId}
           and ${CLAIMABLE}`,
  )
  return Number(rows[0]?.n ?? 0) > 0
}

/** Gives an appointment's place back; others can take it once `availableFrom` has passed. */
export async function releaseSeat(
  tx: Tx,
  appointmentId: string,
  availableFrom: Date,
): Promise<void> {
  await tx.execute(
    sql`update slot_seats
           set state = 'free', appointment_id = null, hold_expires_at = null,
               available_from = ${availableFrom.toISOString()}
         where appointment_id = ${appointmentId}`,
  )
}

/**
 * Ends the application's own holds that ran out, so it can hold again. Seats first. By the
 * clock, not the transaction start: the caller has just judged the hold lapsed by the clock.
 */
export async function expireOwnHolds(tx: Tx, applicationId: string): Promise<void> {
  const stale = sql`select id from appointments
     where application_id = ${applicationId} and status = 'held'
       and hold_expires_at < clock_timestamp()`
  await tx.execute(
    sql`update slot_seats set state = 'free', appointment_id = null, hold_expires_at = null
         where appointment_id in (${stale}) and state = 'held'`,
  )
  await tx.execute(
    sql`update appointments set status = 'expired', ended_at = now(), version = version + 1
         where id in (${stale})`,
  )
}
