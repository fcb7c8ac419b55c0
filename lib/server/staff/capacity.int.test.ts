import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { eq, inArray, sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import {
  appointments,
  appointmentSlots,
  auditEvents,
  officeClosures,
  outboxMessages,
  slotSeats,
  users,
} from '@/db/schema'
import { toIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'
import { AccessDenied } from '../actor'
import { actAs } from '../testing/as-user'
import {
  createBookableApplications,
  createTestSlots,
  overbookedSlots,
  type Bookable,
} from '../testing/booking-fixtures'
import { closeOfficeDay, setDayCapacity } from './capacity'

const ISTANBUL = 34

/** A confirmed appointment on a free place of the slot, as the booking code leaves it. */
async function bookDirect(person: Bookable, slotId: string): Promise<string> {
  const db = await getDb()
  const id = randomUUID()
  const [seat] = await queryRows<{ seat_no: number }>(
    db,
    sql`update slot_seats set state = 'confirmed', appointment_id = ${id}
         where (slot_id, seat_no) = (select slot_id, seat_no from slot_seats
                where slot_id = ${slotId} and state = 'free' order by seat_no limit 1)
        returning seat_no`,
  )
  const seatNo = Number(seat!.seat_no)
  await db.insert(appointments).values({
    id,
    applicationId: person.applicationId,
    applicantId: person.userId,
    slotId,
    seatNo,
    status: 'confirmed',
    confirmedAt: new Date(),
  })
  return id
}

async function dayOf(slotId: string) {
  const db = await getDb()
  const [slot] = await db.select().from(appointmentSlots).where(eq(appointmentSlots.id, slotId))
  return { officeId: slot!.officeId, date: toIstanbulWallTime(slot!.startsAt).date }
}

async function statusOf(ids: string[]) {
  const db = await getDb()
  const rows = await db.select().from(appointments).where(inArray(appointments.id, ids))
  return Object.fromEntries(rows.map((r) => [r.id, r]))
}

beforeEach(async () => {
  await actAs('admin.istanbul@example.org')
})

describe('capacity changes by the directorate admin', () => {
  it('reduces places: free places go first, then the latest booking, who is told', async () => {
    const [first, second] = await createBookableApplications(2, ISTANBUL)
    const [slotId] = await createTestSlots({ provinceCode: ISTANBUL, capacity: 3 })
    const kept = await bookDirect(first!, slotId!)
    const moved = await bookDirect(second!, slotId!)
    const { officeId, date } = await dayOf(slotId!)
    await createTestSlots({ provinceCode: ISTANBUL, capacity: 2, startsInHours: 200 })

    expect(await setDayCapacity({ officeId, date, placesPerSlot: 2 })).toEqual({
      ok: true,
      displaced: 0,
    })
    expect(await setDayCapacity({ officeId, date, placesPerSlot: 1 })).toEqual({
      ok: true,
      displaced: 1,
    })
    const after = await statusOf([kept, moved])
    expect(after[kept]!.status).toBe('confirmed')
    expect(after[moved]!.status).toBe('cancelled')
    expect(after[moved]!.lateCancellation).toBe(false)
    expect(await overbookedSlots()).toEqual([])

    const db = await getDb()
    const [user] = await db.select().from(users).where(eq(users.id, second!.userId))
    const [mail] = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, user!.email!))
    expect(mail!.template).toBe('appointment-cancelled-by-directorate')
    expect(mail!.body).toContain('/appointment/choose')

    expect(await setDayCapacity({ officeId, date, placesPerSlot: 4 })).toEqual({
      ok: true,
      displaced: 0,
    })
    const seats = await db.select().from(slotSeats).where(eq(slotSeats.slotId, slotId!))
    expect(seats).toHaveLength(4)
    expect(new Set(seats.map((s) => s.seatNo)).size).toBe(4)
  })

  it('closes a day: every appointment cancelled without a strike, slots closed', async () => {
    const people = await createBookableApplications(2, ISTANBUL)
    const [slotId] = await createTestSlots({ provinceCode: ISTANBUL, capacity: 2 })
    const ids = [await bookDirect(people[0]!, slotId!), await bookDirect(people[1]!, slotId!)]
    const { officeId, date } = await dayOf(slotId!)
    expect(await closeOfficeDay({ officeId, date, reason: 'Elektrik kesintisi' })).toEqual({
      ok: true,
      displaced: 2,
    })
    const after = await statusOf(ids)
    expect(ids.map((id) => after[id]!.status)).toEqual(['cancelled', 'cancelled'])
    const db = await getDb()
    const [slot] = await db.select().from(appointmentSlots).where(eq(appointmentSlots.id, slotId!))
    expect(slot!.closed).toBe(true)
    expect(await db.$count(officeClosures, eq(officeClosures.officeId, officeId))).toBe(1)
    expect(
      await db.$count(auditEvents, eq(auditEvents.action, 'appointment.cancelled_by_directorate')),
    ).toBeGreaterThanOrEqual(2)
  })

  it('closes one counter: one place fewer in every slot of the day', async () => {
    const [slotId] = await createTestSlots({ provinceCode: ISTANBUL, capacity: 3, count: 2 })
    const { officeId, date } = await dayOf(slotId!)
    const db = await getDb()
    const [counter] = await queryRows<{ id: string }>(
      db,
      sql`insert into counters (id, office_id, label) values (gen_random_uuid(), ${officeId}, 'K1')
          returning id`,
    )
    const counterId = counter!.id
    expect(await closeOfficeDay({ officeId, date, counterId, reason: 'Personel eğitimi' })).toEqual(
      { ok: true, displaced: 0 },
    )
    const slots = await db
      .select()
      .from(appointmentSlots)
      .where(eq(appointmentSlots.officeId, officeId))
    expect(slots.map((s) => s.capacity)).toEqual([2, 2])
  })

  it('closes a counter once however often the form is sent', async () => {
    const [slotId] = await createTestSlots({ provinceCode: ISTANBUL, capacity: 3 })
    const { officeId, date } = await dayOf(slotId!)
    const db = await getDb()
    const [counter] = await queryRows<{ id: string }>(
      db,
      sql`insert into counters (id, office_id, label) values (gen_random_uuid(), ${officeId}, 'K2')
          returning id`,
    )
    const close = () => closeOfficeDay({ officeId, date, counterId: counter!.id, reason: 'Arıza' })
    expect(await close()).toEqual({ ok: true, displaced: 0 })
    expect(await close()).toEqual({ ok: false, reason: 'already_closed' })
    const [slot] = await db.select().from(appointmentSlots).where(eq(appointmentSlots.id, slotId!))
    expect(slot!.capacity).toBe(2)
  })

  it('removes a place whose hold ran out before anyone who is booked', async () => {
    const [lapsed, booked] = await createBookableApplications(2, ISTANBUL)
    const [slotId] = await createTestSlots({ provinceCode: ISTANBUL, capacity: 2 })
    const stale = await bookDirect(lapsed!, slotId!)
    const kept = await bookDirect(booked!, slotId!)
    const db = await getDb()
    await db
      .update(slotSeats)
      .set({ state: 'held', holdExpiresAt: sql`now() - interval '1 minute'` })
      .where(eq(slotSeats.appointmentId, stale))
    await db
      .update(appointments)
      .set({ status: 'held', holdExpiresAt: sql`now() - interval '1 minute'` })
      .where(eq(appointments.id, stale))
    const { officeId, date } = await dayOf(slotId!)
    expect(await setDayCapacity({ officeId, date, placesPerSlot: 1 })).toEqual({
      ok: true,
      displaced: 0,
    })
    const after = await statusOf([kept, stale])
    expect(after[kept]!.status).toBe('confirmed')
    expect(after[stale]!.status).toBe('expired')
    expect(await overbookedSlots()).toEqual([])
  })

  it('refuses a past day, and other directorates and roles', async () => {
    const [slotId] = await createTestSlots({ provinceCode: ISTANBUL, capacity: 1 })
    const { officeId } = await dayOf(slotId!)
    expect(await setDayCapacity({ officeId, date: '2020-01-01', placesPerSlot: 2 })).toEqual({
      ok: false,
      reason: 'date_in_past',
    })
    await actAs('admin.ankara@example.org')
    await expect(
      setDayCapacity({ officeId, date: '2030-01-01', placesPerSlot: 2 }),
    ).rejects.toMatchObject({ reason: 'not_found' })
    await actAs('caseworker.istanbul@example.org')
    await expect(
      setDayCapacity({ officeId, date: '2030-01-01', placesPerSlot: 2 }),
    ).rejects.toBeInstanceOf(AccessDenied)
  })
})
