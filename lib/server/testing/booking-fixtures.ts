import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import { applications, appointmentSlots, directorates, offices, users } from '@/db/schema'
import type { BookingRequest } from '../appointments/booking-operation'
import { confirmAppointment, holdAppointment } from '../appointments/hold-appointment'
import { runAsUser } from './as-user'

// Booking tests need many applicants whose applications wait for an appointment, and slots
// of a known capacity. They are written straight to the database: the submit journey has
// its own tests, and a thousand of them through it would only slow these down.

export type Bookable = { userId: string; applicationId: string }

export async function directorateOf(provinceCode: number): Promise<string> {
  const db = await getDb()
  const [row] = await db
    .select({ id: directorates.id })
    .from(directorates)
    .where(eq(directorates.provinceCode, provinceCode))
  return row!.id
}

export async function createBookableApplications(
  count: number,
  provinceCode: number,
): Promise<Bookable[]> {
  const db = await getDb()
  const directorateId = await directorateOf(provinceCode)
  const people = Array.from({ length: count }, () => ({
    userId: randomUUID(),
    applicationId: randomUUID(),
  }))
  for (let i = 0; i < people.length; i += 500) {
    const batch = people.slice(i, i + 500)
    await db
      .insert(users)
      .values(batch.map((p) => ({ id: p.userId, email: `booker.${p.userId}@example.org` })))
    await db.insert(applications).values(
      batch.map((p) => ({
        id: p.applicationId,
        reference: `T${p.applicationId.slice(0, 8).toUpperCase()}`,
        applicantId: p.userId,
        kind: 'first' as const,
        permitTypeCode: 'short_term',
        purposeCode: 'tourism',
        status: 'awaiting_appointment' as const,
        provinceCode,
        directorateId,
        requestedMonths: 12,
        submittedAt: new Date(),
      })),
    )
  }
  return people
}

/** A new office of the province's directorate; its slots are the test's own to make. */
export async function createTestOffice(
  provinceCode: number,
  name = 'Test office',
  address = 'Test street 1',
): Promise<{ officeId: string; directorateId: string }> {
  const db = await getDb()
  const directorateId = await directorateOf(provinceCode)
  const officeId = randomUUID()
  await db.insert(offices).values({
    id: officeId,
    directorateId,
    name: `${name} ${officeId.slice(0, 4)}`,
    address,
    // Generated already: these tests decide exactly which slots exist.
    slotsGeneratedUntil: '2999-12-31',
  })
  return { officeId, directorateId }
}

/**
 * A new office of the directorate with slots of `capacity` places: at the `startsAt` times
 * given, or else `count` back-to-back ones from `startsInHours` on.
 */
export async function createTestSlots(input: {
  provinceCode: number
  capacity: number
  count?: number
  startsInHours?: number
  startsAt?: Date[]
}): Promise<string[]> {
  const db = await getDb()
  const { officeId, directorateId } = await createTestOffice(input.provinceCode)
  const first = Date.now() + (input.startsInHours ?? 72) * 3_600_000
  const starts =
    input.startsAt ??
    Array.from({ length: input.count ?? 1 }, (_, i) => new Date(first + i * 15 * 60_000))
  const slots = starts.map((startsAt) => ({
    id: randomUUID(),
    officeId,
    directorateId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 15 * 60_000),
    capacity: input.capacity,
  }))
  await db.insert(appointmentSlots).values(slots)
  await db.execute(
    sql`insert into slot_seats (slot_id, seat_no)
        select s.id, n from appointment_slots s, generate_series(1, s.capacity) n
         where s.office_id = ${officeId}`,
  )
  return slots.map((s) => s.id)
}

/**
 * The fields of a booking request by `p`: a new idempotency key and the person's own address
 * (so rate limits per address do not couple tests), unless given. `applicationId` makes it a
 * request about someone else's application.
 */
export type RequestOptions = Partial<BookingRequest>

export function bookingRequest(p: Bookable, options: RequestOptions = {}): BookingRequest {
  return {
    applicationId: p.applicationId,
    idempotencyKey: randomUUID(),
    address: `address-of-${p.userId}`,
    locale: 'en',
    ...options,
  }
}

/** Holds the slot as `p`, signed in as them. */
export function holdAs(p: Bookable, slotId: string, options: RequestOptions = {}) {
  return runAsUser(p.userId, () => holdAppointment({ ...bookingRequest(p, options), slotId }))
}

/** Confirms `p`'s held place, signed in as them. */
export function confirmAs(p: Bookable, options: RequestOptions = {}) {
  return runAsUser(p.userId, () => confirmAppointment(bookingRequest(p, options)))
}

/** Slots holding more places than their capacity: must always be empty (security.md §5.1). */
export async function overbookedSlots(): Promise<string[]> {
  const db = await getDb()
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select s.id from appointment_slots s join slot_seats x on x.slot_id = s.id
         where x.state <> 'free' group by s.id, s.capacity having count(*) > s.capacity
        union
        select s.id from appointment_slots s join appointments a on a.slot_id = s.id
         where a.status in ('held', 'confirmed') group by s.id, s.capacity
        having count(*) > s.capacity`,
  )
  return rows.map((r) => r.id)
}
