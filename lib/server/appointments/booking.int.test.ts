import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { appointments, ruleSettings, slotSeats, users } from '@/db/schema'
import { DEFAULT_BOOKING_RULES } from '@/lib/domain/appointments/booking-rules'
import { RateLimited } from '../rate-limit'
import { runAsUser } from '../testing/as-user'
import {
  bookingRequest,
  confirmAs,
  createBookableApplications,
  createTestSlots,
  holdAs,
  overbookedSlots,
} from '../testing/booking-fixtures'
import { withdrawMyApplication } from '../applications/answer-document-request'
import { cancelByDirectorate } from '../staff/capacity'
import { cancelAppointment, rescheduleAppointment } from './change-appointment'

// Run on PGlite (one connection, so the races are serialised) and on PostgreSQL with a pool
// of real parallel connections, where they are true races.

const PROVINCE = 5
const key = () => randomUUID()

async function activeCount(applicationId: string): Promise<number> {
  const db = await getDb()
  const rows = await db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.applicationId, applicationId),
        inArray(appointments.status, ['held', 'confirmed']),
      ),
    )
  return rows.length
}

async function setRule(key: string, value: Record<string, unknown>) {
  const db = await getDb()
  await db
    .insert(ruleSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: ruleSettings.key, set: { value } })
}

beforeAll(async () => {
  // The per-application limit is not what most of these tests are about.
  await setRule('booking', { ...DEFAULT_BOOKING_RULES, holdsPerDay: 200 })
  await setRule('booking_rate_limits', { perAddressPerMinute: 10_000 })
})

afterAll(async () => {
  await setRule('booking', DEFAULT_BOOKING_RULES)
  await setRule('booking_rate_limits', {})
})

describe('booking under contention', () => {
  it('gives the place back at once when the applicant withdraws the application', async () => {
    const [person, next] = await createBookableApplications(2, PROVINCE)
    const [slotId] = await createTestSlots({ provinceCode: PROVINCE, capacity: 1 })
    expect((await holdAs(person!, slotId!)).ok).toBe(true)
    expect((await confirmAs(person!)).ok).toBe(true)
    expect(await holdAs(next!, slotId!)).toMatchObject({ ok: false, reason: 'slot_full' })
    await runAsUser(person!.userId, () => withdrawMyApplication(person!.applicationId))
    expect(await activeCount(person!.applicationId)).toBe(0)
    const db = await getDb()
    const [ended] = await db
      .select({ status: appointments.status })
      .from(appointments)
      .where(eq(appointments.applicationId, person!.applicationId))
    expect(ended!.status).toBe('cancelled')
    expect((await holdAs(next!, slotId!)).ok).toBe(true)
  })

  it('gives exactly M places to N parallel applicants on a slot of capacity M', async () => {
    const people = await createBookableApplications(100, PROVINCE)
    const [slotId] = await createTestSlots({ provinceCode: PROVINCE, capacity: 5 })
    const results = await Promise.all(people.map((p) => holdAs(p, slotId!)))
    const won = people.filter((_, i) => results[i]!.ok)
    expect(won).toHaveLength(5)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(
      Array(95).fill('slot_full'),
    )
    const confirmed = await Promise.all(won.map((p) => confirmAs(p)))
    expect(confirmed.every((r) => r.ok && r.appointment.status === 'confirmed')).toBe(true)
    expect(await overbookedSlots()).toEqual([])
  })

  it('lets one application hold only one of 50 slots it tries at once', async () => {
    const [person] = await createBookableApplications(1, PROVINCE)
    const slots = await createTestSlots({ provinceCode: PROVINCE, capacity: 3, count: 50 })
    const results = await Promise.all(slots.map((slotId) => holdAs(person!, slotId)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(new Set(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason))).toEqual(
      new Set(['already_booked']),
    )
    expect(await activeCount(person!.applicationId)).toBe(1)
  })

  it('answers a key replayed 100 times with one booking and the same answer', async () => {
    const [person] = await createBookableApplications(1, PROVINCE)
    const [slotId] = await createTestSlots({ provinceCode: PROVINCE, capacity: 2 })
    const sameKey = key()
    const results = await Promise.all(
      Array.from({ length: 100 }, () => holdAs(person!, slotId!, { idempotencyKey: sameKey })),
    )
    const ids = new Set(results.map((r) => (r.ok ? r.appointment.id : r.reason)))
    expect(ids.size).toBe(1)
    expect(results[0]!.ok).toBe(true)
    expect(await activeCount(person!.applicationId)).toBe(1)
    // The same key for another slot is a different request: refused, nothing changes.
    const [other] = await createTestSlots({ provinceCode: PROVINCE, capacity: 1 })
    expect(await holdAs(person!, other!, { idempotencyKey: sameKey })).toEqual({
      ok: false,
      reason: 'key_reused',
    })
  })

  it('lets another applicant take a place whose hold has run out', async () => {
    const [first, second] = await createBookableApplications(2, PROVINCE)
    const [slotId] = await createTestSlots({ provinceCode: PROVINCE, capacity: 1 })
    expect((await holdAs(first!, slotId!)).ok).toBe(true)
    expect(await holdAs(second!, slotId!)).toEqual({ ok: false, reason: 'slot_full' })
    const db = await getDb()
    await db
      .update(slotSeats)
      .set({ holdExpiresAt: sql`now() - interval '1 second'` })
      .where(eq(slotSeats.slotId, slotId!))
    await db
      .update(appointments)
      .set({ holdExpiresAt: sql`now() - interval '1 second'` })
      .where(eq(appointments.applicationId, first!.applicationId))
    expect((await holdAs(second!, slotId!)).ok).toBe(true)
    expect(await confirmAs(first!)).toEqual({ ok: false, reason: 'hold_expired' })
    expect(await activeCount(first!.applicationId)).toBe(0)
    expect(await overbookedSlots()).toEqual([])
  })

  it('never leaves two active appointments or none when moves race', async () => {
    const people = await createBookableApplications(20, PROVINCE)
    const [start, ...targets] = await createTestSlots({
      provinceCode: PROVINCE,
      capacity: 20,
      count: 4,
    })
    for (const p of people) {
      expect((await holdAs(p, start!)).ok).toBe(true)
      expect((await confirmAs(p)).ok).toBe(true)
    }
    // Each person tries to move to three slots at once; the targets only fit some of them.
    const db = await getDb()
    await db.execute(
      sql`update slot_seats set state = 'confirmed', appointment_id = gen_random_uuid()
           where slot_id in (${sql.join(
             targets.map((t) => sql`${t}`),
             sql`, `,
           )}) and seat_no > 3`,
    )
    await Promise.all(
      people.flatMap((p) =>
        targets.map((slotId) =>
          runAsUser(p.userId, () => rescheduleAppointment({ ...bookingRequest(p), slotId })),
        ),
      ),
    )
    for (const p of people) expect(await activeCount(p.applicationId)).toBe(1)
    expect(await overbookedSlots()).toEqual([])
  })

  it('cancels once, frees the place after the quarantine, and refuses a second cancel', async () => {
    const [person] = await createBookableApplications(1, PROVINCE)
    const [slotId] = await createTestSlots({ provinceCode: PROVINCE, capacity: 1 })
    await holdAs(person!, slotId!)
    await confirmAs(person!)
    const cancel = () => runAsUser(person!.userId, () => cancelAppointment(bookingRequest(person!)))
    expect((await cancel()).ok).toBe(true)
    expect(await cancel()).toEqual({ ok: false, reason: 'no_active_appointment' })
    const db = await getDb()
    const [seat] = await db.select().from(slotSeats).where(eq(slotSeats.slotId, slotId!))
    expect(seat!.state).toBe('free')
    expect(seat!.availableFrom.getTime()).toBeGreaterThan(Date.now())
  })

  // features.md, e-İkamet no-show row [T4] (YİMER FAQ): missed AND cancelled appointments
  // count towards the restriction, however early the cancellation; the directorate's do not.
  it("restricts booking after two of the applicant's own early cancellations", async () => {
    const [person] = await createBookableApplications(1, PROVINCE)
    const slotIds = await createTestSlots({ provinceCode: PROVINCE, capacity: 1, count: 3 })
    const cancel = () => runAsUser(person!.userId, () => cancelAppointment(bookingRequest(person!)))
    for (const slotId of slotIds.slice(0, 2)) {
      expect((await holdAs(person!, slotId)).ok).toBe(true)
      expect((await confirmAs(person!)).ok).toBe(true)
      expect((await cancel()).ok).toBe(true)
    }
    const db = await getDb()
    const ended = await db
      .select()
      .from(appointments)
      .where(eq(appointments.applicationId, person!.applicationId))
    expect(ended.map((a) => [a.status, a.cancelledBy, a.lateCancellation])).toEqual([
      ['cancelled', 'applicant', false],
      ['cancelled', 'applicant', false],
    ])
    expect(await holdAs(person!, slotIds[2]!)).toEqual({ ok: false, reason: 'booking_restricted' })
  })

  it("does not count the directorate's cancellations", async () => {
    const [person] = await createBookableApplications(1, PROVINCE)
    const slotIds = await createTestSlots({ provinceCode: PROVINCE, capacity: 1, count: 3 })
    const db = await getDb()
    const [staff] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'admin.national@example.org'))
    for (const slotId of slotIds.slice(0, 2)) {
      expect((await holdAs(person!, slotId)).ok).toBe(true)
      expect((await confirmAs(person!)).ok).toBe(true)
      const [active] = await db
        .select({ id: appointments.id })
        .from(appointments)
        .where(
          and(
            eq(appointments.applicationId, person!.applicationId),
            eq(appointments.status, 'confirmed'),
          ),
        )
      await db.transaction((tx) => cancelByDirectorate(tx, [active!.id], staff!.id))
    }
    expect((await holdAs(person!, slotIds[2]!)).ok).toBe(true)
  })

  it('limits holds per address with a retry time, in the database', async () => {
    await setRule('booking_rate_limits', { perAddressPerMinute: 30 })
    const people = await createBookableApplications(31, PROVINCE)
    const [slotId] = await createTestSlots({ provinceCode: PROVINCE, capacity: 40 })
    const attempts = people.map((p) =>
      holdAs(p, slotId!, { address: '192.0.2.7' }).catch((error: unknown) => error),
    )
    const results = await Promise.all(attempts)
    const limited = results.filter((r) => r instanceof RateLimited)
    expect(limited).toHaveLength(1)
    expect((limited[0] as RateLimited).retryAfterSeconds).toBeGreaterThan(0)
    await setRule('booking_rate_limits', { perAddressPerMinute: 10_000 })
  })
})
