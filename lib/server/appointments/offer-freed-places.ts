import 'server-only'
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '@/db'
import { queryRows } from '@/db/client'
import { offerExpiresAt, OFFER_MINUTES } from '@/lib/domain/appointments/waitlist-offer'
import { isLocale } from '@/lib/domain/locales'
import { formatDateTime } from '@/lib/i18n/format-date'
import { writeAudit } from '../audit'
import { portalUrl } from '../env'
import type { Tx } from '../idempotency'
import { waitlistOfferMail } from '../mail/templates/appointment-mails'
import { enqueueMail } from '../outbox/enqueue-mail'
import { legalDeadlineSql } from './legal-deadline'

// A run offers at most this many places; the next run (a minute later) goes on.
const MAX_OFFERS_PER_RUN = 500

type Seat = {
  slot_id: string
  seat_no: number
  previous: string | null
  starts_at: Date | string
  directorate_id: string
  office_name: string
  office_address: string
}
type Candidate = {
  application_id: string
  reference: string
  email: string | null
  locale: string | null
}

type SlotRef = { id: SQL; directorateId: SQL; startsAt: SQL }

const CANDIDATES_FROM = sql`from appointment_waitlist w
      join applications ap on ap.id = w.application_id and ap.status = 'awaiting_appointment'
      join appointments cur on cur.application_id = w.application_id and cur.status = 'confirmed'
      join appointment_slots cs on cs.id = cur.slot_id`

/**
 * Waiting entries that would take a place in the slot: same directorate, still waiting for
 * the appointment they have, whose confirmed appointment is later than the slot, and who did
 * not just decline or let pass an offer of this slot.
 */
function isCandidateFor(slot: SlotRef): SQL {
  return sql`w.status = 'waiting'
       and w.directorate_id = ${slot.directorateId}
       and cs.starts_at > ${slot.startsAt}
       and w.offered_slot_id is distinct from ${slot.id}`
}

/**
 * Job: offers freed places to people on the waitlist, most urgent legal deadline first (then
 * whoever joined first), each with an exclusive hold of OFFER_MINUTES. Offers nobody answered
 * go back first. Each offer is its own transaction that takes the seat with
 * `FOR UPDATE SKIP LOCKED`, so parallel runs never offer one place twice. Returns the number
 * of offers made.
 */
export async function offerFreedPlaces(db: Db, now = new Date()): Promise<number> {
  await expireOffers(db, now)
  // Whoever no longer has a confirmed appointment (cancelled, attended, cancelled by the
  // directorate) has nothing to bring forward: they leave the list.
  await db.execute(
    sql`update appointment_waitlist w set status = 'cancelled', updated_at = ${now.toISOString()}
         where w.status = 'waiting'
           and not exists (select 1 from appointments a
                            where a.application_id = w.application_id and a.status = 'confirmed')`,
  )
  const [anyone] = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from appointment_waitlist where status = 'waiting' limit 1`,
  )
  let offered = 0
  while (anyone && offered < MAX_OFFERS_PER_RUN) {
    const made = await db.transaction((tx) => offerOnePlace(tx, now))
    if (!made) break
    offered++
  }
  return offered
}

/**
 * Offers that ran out: the entry waits again (counted as declined) and the seat is free for
 * everyone. Entry before seat, the order accepting an offer locks them in.
 */
async function expireOffers(db: Db, now: Date): Promise<void> {
  const at = sql`${now.toISOString()}::timestamptz`
  const lapsed = await queryRows<{ application_id: string }>(
    db,
    sql`select application_id from appointment_waitlist
         where status = 'offered' and offer_expires_at < ${at} limit ${MAX_OFFERS_PER_RUN}`,
  )
  for (const { application_id: applicationId } of lapsed) {
    await db.transaction(async (tx) => {
      const [entry] = await queryRows<{ slot_id: string; seat_no: number }>(
        tx,
        sql`update appointment_waitlist
               set status = 'waiting', offers_declined = offers_declined + 1,
                   offer_expires_at = null, updated_at = ${at}
             where application_id = ${applicationId}
               and status = 'offered' and offer_expires_at < ${at}
         returning offered_slot_id as slot_id, offered_seat_no as seat_no`,
      )
      if (!entry) return
      await tx.execute(
        sql`update slot_seats
               set state = 'free', offered_to = null, hold_expires_at = null, available_from = ${at}
             where slot_id = ${entry.slot_id} and seat_no = ${entry.seat_no}
               and state = 'offered' and offered_to = ${applicationId}
               and hold_expires_at < ${at}`,
      )
      await writeAudit(tx, {
        actorUserId: null,
        action: 'waitlist.offer_expired',
        entityType: 'application',
        entityId: applicationId,
        details: { slotId: entry.slot_id },
      })
    })
  }
}

/** One offer in one transaction; false when no place has anyone to offer it to. */
async function offerOnePlace(tx: Tx, now: Date): Promise<boolean> {
  const at = sql`${now.toISOString()}::timestamptz`
  const inSlot = isCandidateFor({
    id: sql`s.id`,
    directorateId: sql`s.directorate_id`,
    startsAt: sql`s.starts_at`,
  })
  // The earliest claimable seat (see CLAIMABLE in seats.ts, at `now`) of an open slot ahead
  // that somebody on the waitlist would take. Seats other runs are offering are skipped.
  const [seat] = await queryRows<Seat>(
    tx,
    sql`select x.slot_id, x.seat_no, x.appointment_id as previous, s.starts_at, s.directorate_id,
               o.name as office_name, o.address as office_address
          from slot_seats x
          join appointment_slots s on s.id = x.slot_id
          join offices o on o.id = s.office_id
         where s.starts_at > ${at} and not s.closed and s.release_window_id is null
           and ((x.state = 'free' and x.available_from <= ${at})
             or (x.state in ('held', 'offered') and x.hold_expires_at < ${at}))
           and s.directorate_id in (select directorate_id from appointment_waitlist
                                     where status = 'waiting')
           and exists (select 1 ${CANDIDATES_FROM} where ${inSlot})
         order by s.starts_at, x.slot_id, x.seat_no
         limit 1
         for update of x skip locked`,
  )
  if (!seat) return false
  const slot = {
    id: sql`${seat.slot_id}::uuid`,
    directorateId: sql`${seat.directorate_id}::uuid`,
    startsAt: sql`${new Date(seat.starts_at).toISOString()}::timestamptz`,
  }
  const [person] = await queryRows<Candidate>(
    tx,
    sql`select w.application_id, ap.reference, u.email, u.preferred_locale as locale
          ${CANDIDATES_FROM}
          left join users u on u.id = ap.applicant_id
         where ${isCandidateFor(slot)}
         order by ${legalDeadlineSql('ap')} nulls last, w.created_at, w.application_id
         limit 1
         for update of w skip locked`,
  )
  // Everyone who would take it is being offered another place by a parallel run right now;
  // the next run tries again.
  if (!person) return false
  const expires = offerExpiresAt(now)
  // A hold that ran out on this seat ends here, as claimSeat does (seat before appointment).
  if (seat.previous)
    await tx.execute(
      sql`update appointments set status = 'expired', ended_at = ${at}, version = version + 1
           where id = ${seat.previous} and status = 'held'`,
    )
  await tx.execute(
    sql`update slot_seats
           set state = 'offered', appointment_id = null, offered_to = ${person.application_id},
               hold_expires_at = ${expires.toISOString()}
         where slot_id = ${seat.slot_id} and seat_no = ${seat.seat_no}`,
  )
  await tx.execute(
    sql`update appointment_waitlist
           set status = 'offered', offered_slot_id = ${seat.slot_id}, offered_seat_no = ${seat.seat_no},
               offer_expires_at = ${expires.toISOString()}, updated_at = ${at}
         where application_id = ${person.application_id}`,
  )
  await writeAudit(tx, {
    actorUserId: null,
    action: 'waitlist.offered',
    entityType: 'application',
    entityId: person.application_id,
    details: { slotId: seat.slot_id, seatNo: seat.seat_no },
  })
  if (person.email) {
    const locale = person.locale && isLocale(person.locale) ? person.locale : 'tr'
    await enqueueMail(tx, {
      recipient: person.email,
      applicationId: person.application_id,
      ...waitlistOfferMail(locale, {
        reference: person.reference,
        time: formatDateTime(new Date(seat.starts_at).toISOString(), locale),
        office: `${seat.office_name}, ${seat.office_address}`,
        minutes: OFFER_MINUTES,
        until: formatDateTime(expires.toISOString(), locale),
        link: portalUrl(`/${locale}/applications/${person.application_id}/appointment/waitlist`),
      }),
    })
  }
  return true
}
