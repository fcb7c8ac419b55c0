import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import {
  appointments,
  appointmentSlots,
  applications,
  auditEvents,
  offices,
  outboxMessages,
  users,
} from '@/db/schema'
import { DEFAULT_BOOKING_RULES } from '@/lib/domain/appointments/booking-rules'
import { toIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'
import { AccessDenied } from '../actor'
import { runAsUser } from '../testing/as-user'
import {
  confirmAs,
  createBookableApplications,
  createTestSlots,
  directorateOf,
  holdAs,
  type Bookable,
} from '../testing/booking-fixtures'
import { findFreeSlots } from './availability'
import { ensureSlotsAhead } from './generate-slots'
import { sendDueReminders } from './send-reminders'

const as = <T>(p: Bookable, work: () => Promise<T>) => runAsUser(p.userId, work)

async function newOffice(provinceCode: number): Promise<string> {
  const db = await getDb()
  const id = randomUUID()
  await db.insert(offices).values({
    id,
    directorateId: await directorateOf(provinceCode),
    name: 'Schedule test office',
    address: 'Test Cad. 5',
    slotMinutes: 30,
  })
  await db.execute(sql`insert into counters (id, office_id, label) values
    (gen_random_uuid(), ${id}, 'A'), (gen_random_uuid(), ${id}, 'B')`)
  await db.execute(sql`insert into opening_hours (office_id, weekday, opens_at, closes_at)
    select ${id}, d, '09:00', '12:00' from generate_series(1, 5) d`)
  return id
}

describe('slots and availability', () => {
  it('generates slots once, even when asked twice at the same time', async () => {
    const officeId = await newOffice(7)
    await Promise.all([
      ensureSlotsAhead(officeId, DEFAULT_BOOKING_RULES),
      ensureSlotsAhead(officeId, DEFAULT_BOOKING_RULES),
    ])
    const db = await getDb()
    const slots = await db
      .select()
      .from(appointmentSlots)
      .where(eq(appointmentSlots.officeId, officeId))
    expect(slots.length).toBeGreaterThan(0)
    for (const slot of slots) {
      const wall = toIstanbulWallTime(slot.startsAt)
      expect(wall.time >= '09:00' && wall.time <= '11:30').toBe(true)
      expect(new Date(`${wall.date}T00:00:00Z`).getUTCDay()).not.toBe(0)
      expect(new Date(`${wall.date}T00:00:00Z`).getUTCDay()).not.toBe(6)
      expect(slot.capacity).toBe(2)
    }
    await ensureSlotsAhead(officeId, DEFAULT_BOOKING_RULES)
    const again = await db
      .select()
      .from(appointmentSlots)
      .where(eq(appointmentSlots.officeId, officeId))
    expect(again).toHaveLength(slots.length)
  })

  it('shows the owner the free times of their directorate only, in Türkiye time', async () => {
    const [owner, other] = await createBookableApplications(2, 9)
    const [slotId] = await createTestSlots({ provinceCode: 9, capacity: 1 })
    const days = await as(owner!, () => findFreeSlots(owner!.applicationId))
    const found = days.flatMap((d) => d.slots).find((s) => s.id === slotId)
    expect(found).toBeDefined()
    expect(found!.time).toBe(toIstanbulWallTime(new Date(found!.startsAt)).time)
    await expect(as(other!, () => findFreeSlots(owner!.applicationId))).rejects.toBeInstanceOf(
      AccessDenied,
    )
  })
})

describe('booking refusals change nothing', () => {
  it('refuses another province, a past, a closed slot and a non-waiting application', async () => {
    const [person] = await createBookableApplications(1, 10)
    const [elsewhere] = await createTestSlots({ provinceCode: 11, capacity: 1 })
    const [past] = await createTestSlots({ provinceCode: 10, capacity: 1, startsInHours: -2 })
    const [closed] = await createTestSlots({ provinceCode: 10, capacity: 1 })
    const db = await getDb()
    await db.update(appointmentSlots).set({ closed: true }).where(eq(appointmentSlots.id, closed!))
    const auditBefore = await db.$count(auditEvents)
    expect(await holdAs(person!, elsewhere!)).toEqual({ ok: false, reason: 'slot_not_offered' })
    expect(await holdAs(person!, past!)).toEqual({ ok: false, reason: 'slot_in_past' })
    expect(await holdAs(person!, closed!)).toEqual({ ok: false, reason: 'slot_closed' })
    expect(await holdAs(person!, randomUUID())).toEqual({ ok: false, reason: 'slot_not_offered' })
    await db
      .update(applications)
      .set({ status: 'under_review' })
      .where(eq(applications.id, person!.applicationId))
    const [open] = await createTestSlots({ provinceCode: 10, capacity: 1 })
    expect(await holdAs(person!, open!)).toEqual({ ok: false, reason: 'not_awaiting_appointment' })
    expect(await db.$count(auditEvents)).toBe(auditBefore)
    expect(
      await db.$count(appointments, eq(appointments.applicationId, person!.applicationId)),
    ).toBe(0)
  })

  it("gives 404 for another applicant's application and books nothing", async () => {
    const [owner, intruder] = await createBookableApplications(2, 10)
    const [slotId] = await createTestSlots({ provinceCode: 10, capacity: 1 })
    await expect(
      holdAs(intruder!, slotId!, { applicationId: owner!.applicationId }),
    ).rejects.toMatchObject({ reason: 'not_found' })
    const db = await getDb()
    expect(await db.$count(appointments, eq(appointments.slotId, slotId!))).toBe(0)
  })

  it('restricts self-service booking after two no-shows in six months', async () => {
    const [person] = await createBookableApplications(1, 10)
    const slots = await createTestSlots({ provinceCode: 10, capacity: 1, count: 3 })
    const db = await getDb()
    for (const slotId of slots.slice(0, 2)) {
      expect((await holdAs(person!, slotId)).ok).toBe(true)
      await db
        .update(appointments)
        .set({ status: 'no_show', endedAt: sql`now() - interval '10 days'` })
        .where(
          and(
            eq(appointments.applicationId, person!.applicationId),
            eq(appointments.status, 'held'),
          ),
        )
    }
    expect(await holdAs(person!, slots[2]!)).toEqual({ ok: false, reason: 'booking_restricted' })
  })
})

describe('mail', () => {
  it('sends the confirmation with a calendar file, then each reminder once', async () => {
    const [person] = await createBookableApplications(1, 12)
    const [slotId] = await createTestSlots({ provinceCode: 12, capacity: 1, startsInHours: 60 })
    expect((await holdAs(person!, slotId!, { locale: 'ru' })).ok).toBe(true)
    expect((await confirmAs(person!, { locale: 'ru' })).ok).toBe(true)
    const db = await getDb()
    const [user] = await db.select().from(users).where(eq(users.id, person!.userId))
    const mails = () =>
      db.select().from(outboxMessages).where(eq(outboxMessages.recipient, user!.email!))
    const [booked] = await mails()
    expect(booked!.template).toBe('appointment-booked')
    expect(booked!.locale).toBe('ru')
    expect(booked!.attachments[0]!.content).toContain('BEGIN:VCALENDAR')
    expect(booked!.attachments[0]!.content).toContain('Test street 1')
    // Booked 60 hours ahead: the three-day reminder had passed, the one-day one is due later.
    await db
      .update(appointments)
      .set({ confirmedAt: sql`now() - interval '5 days'` })
      .where(eq(appointments.applicationId, person!.applicationId))
    await sendDueReminders(db)
    await sendDueReminders(db)
    expect((await mails()).filter((m) => m.template === 'appointment-reminder')).toHaveLength(1)
  })
})
