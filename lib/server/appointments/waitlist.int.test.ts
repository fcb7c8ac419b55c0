import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import {
  applications,
  appointments,
  appointmentSlots,
  appointmentWaitlist,
  outboxMessages,
  residencePermits,
  slotSeats,
} from '@/db/schema'
import { addDays } from '@/lib/domain/permits/dates'
import { toIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'
import { legalDeadlineOf, mostUrgent } from '@/lib/domain/appointments/urgency'
import { OFFER_MINUTES } from '@/lib/domain/appointments/waitlist-offer'
import { AccessDenied } from '../actor'
import { runAsUser } from '../testing/as-user'
import {
  bookingRequest,
  confirmAs,
  createBookableApplications,
  createTestSlots,
  holdAs,
  overbookedSlots,
  type Bookable,
} from '../testing/booking-fixtures'
import { cancelAppointment } from './change-appointment'
import { legalDeadlineSql } from './legal-deadline'
import { offerFreedPlaces } from './offer-freed-places'
import {
  acceptOffer,
  declineOffer,
  findMyWaitlistEntry,
  joinWaitlist,
  leaveWaitlist,
} from './waitlist'

// Each test has its own province, and takes its people off the list afterwards, because the
// job looks at every directorate with a waiting entry.

const as = <T>(p: Bookable, work: () => Promise<T>) => runAsUser(p.userId, work)
const answer = (p: Bookable, of = p) => bookingRequest(p, { applicationId: of.applicationId })

async function book(p: Bookable, slotId: string): Promise<void> {
  expect((await holdAs(p, slotId)).ok).toBe(true)
  expect((await confirmAs(p)).ok).toBe(true)
}

const joined = new Set<string>()
const created: string[] = []
async function slots(input: Parameters<typeof createTestSlots>[0]): Promise<string[]> {
  const ids = await createTestSlots(input)
  created.push(...ids)
  return ids
}
const join = (p: Bookable) => {
  joined.add(p.applicationId)
  return as(p, () => joinWaitlist(p.applicationId, 'en'))
}

// Opening (and on PGlite migrating and seeding) the database is not part of any test.
beforeAll(async () => {
  await getDb()
})

afterEach(async () => {
  // Take this test's people off the list and close its slots, so later runs of the job (in
  // this file, or in the next run on the same PostgreSQL database) leave them alone.
  const ids = [...joined]
  const slotIds = created.splice(0)
  joined.clear()
  const db = await getDb()
  if (slotIds.length > 0)
    await db
      .update(appointmentSlots)
      .set({ closed: true })
      .where(inArray(appointmentSlots.id, slotIds))
  if (ids.length === 0) return
  await db
    .update(slotSeats)
    .set({ state: 'free', offeredTo: null, holdExpiresAt: null })
    .where(and(eq(slotSeats.state, 'offered'), inArray(slotSeats.offeredTo, ids)))
  await db
    .update(appointmentWaitlist)
    .set({ status: 'cancelled' })
    .where(inArray(appointmentWaitlist.applicationId, ids))
})
const accept = (p: Bookable, of = p) => as(p, () => acceptOffer(answer(p, of)))
const decline = (p: Bookable, of = p) => as(p, () => declineOffer(answer(p, of)))

async function setLegalStay(p: Bookable, daysFromToday: number): Promise<string> {
  const until = addDays(toIstanbulWallTime(new Date()).date, daysFromToday)
  const db = await getDb()
  await db
    .update(applications)
    .set({ formData: { eligibility: { legalStayUntil: until } } })
    .where(eq(applications.id, p.applicationId))
  return until
}

/**
 * `count` people with a confirmed appointment in a late slot, on the waitlist in this order,
 * and an earlier slot of `freeSeats` places, free now.
 */
async function scene(province: number, count: number, freeSeats = 1) {
  const [early] = await slots({ provinceCode: province, capacity: freeSeats })
  const [late] = await slots({
    provinceCode: province,
    capacity: count,
    startsInHours: 240,
  })
  const people = await createBookableApplications(count, province)
  for (const p of people) await book(p, late!)
  for (const p of people) expect(await join(p)).toEqual({ ok: true })
  return { early: early!, late: late!, people }
}

async function entryOf(p: Bookable) {
  const db = await getDb()
  const [row] = await db
    .select()
    .from(appointmentWaitlist)
    .where(eq(appointmentWaitlist.applicationId, p.applicationId))
  return row
}

async function seatsOf(slotId: string) {
  const db = await getDb()
  return db.select().from(slotSeats).where(eq(slotSeats.slotId, slotId)).orderBy(slotSeats.seatNo)
}

async function active(p: Bookable) {
  const db = await getDb()
  return db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.applicationId, p.applicationId),
        inArray(appointments.status, ['held', 'confirmed']),
      ),
    )
}

describe('the legal deadline in SQL', () => {
  it('agrees with the domain rule for each source', async () => {
    const people = await createBookableApplications(5, 68)
    const [stated, permit, fallback, malformed, transition] = people
    const db = await getDb()
    await setLegalStay(stated!, 45)
    const permitId = randomUUID()
    await db.insert(residencePermits).values({
      id: permitId,
      holderId: permit!.userId,
      permitTypeCode: 'short_term',
      documentNumber: `W${permitId.slice(0, 12)}`,
      validFrom: '2025-06-01',
      validUntil: '2026-06-01',
    })
    await db
      .update(applications)
      .set({ basedOnPermitId: permitId })
      .where(eq(applications.id, permit!.applicationId))
    await db
      .update(applications)
      .set({ formData: { eligibility: { legalStayUntil: 'next year' } } })
      .where(eq(applications.id, malformed!.applicationId))
    // Art. 29: a transition whose ground ended runs to that day + 10, not the printed expiry.
    await db
      .update(applications)
      .set({
        kind: 'transition',
        basedOnPermitId: permitId,
        formData: { eligibility: { groundEndedOn: '2026-02-25', hasAdditionalGround: 'no' } },
      })
      .where(eq(applications.id, transition!.applicationId))
    const ids = people.map((p) => p.applicationId)
    const rows = await queryRows<{ id: string; deadline: string }>(
      db,
      sql`select a.id, ${legalDeadlineSql('a')}::text as deadline from applications a
           where a.id in (${sql.join(
             ids.map((id) => sql`${id}`),
             sql`, `,
           )})`,
    )
    const sqlDeadline = (p: Bookable) => rows.find((r) => r.id === p.applicationId)!.deadline
    const apps = await db.select().from(applications).where(inArray(applications.id, ids))
    for (const app of apps) {
      const eligibility = app.formData.eligibility as
        { legalStayUntil?: string; groundEndedOn?: string } | undefined
      const expected = legalDeadlineOf({
        statedLegalStayUntil: eligibility?.legalStayUntil,
        transitionGroundEndedOn: app.kind === 'transition' ? eligibility?.groundEndedOn : null,
        basedOnPermitValidUntil: app.basedOnPermitId === permitId ? '2026-06-01' : null,
        submittedAt: app.submittedAt,
      })
      expect(rows.find((r) => r.id === app.id)!.deadline).toBe(expected)
    }
    expect(sqlDeadline(permit!)).toBe('2026-06-01')
    expect(sqlDeadline(transition!)).toBe('2026-03-07')
    expect(sqlDeadline(malformed!)).toBe(sqlDeadline(fallback!))
  })
})

describe('joining the waitlist', () => {
  it('needs a confirmed appointment of ones own application', async () => {
    const [none, held, other] = await createBookableApplications(3, 61)
    const [slot] = await slots({ provinceCode: 61, capacity: 2 })
    expect(await join(none!)).toEqual({ ok: false, reason: 'no_active_appointment' })
    await holdAs(held!, slot!)
    expect(await join(held!)).toEqual({ ok: false, reason: 'no_active_appointment' })
    await expect(as(other!, () => joinWaitlist(none!.applicationId, 'en'))).rejects.toThrow(
      AccessDenied,
    )
    expect(await entryOf(none!)).toBeUndefined()
    expect(await entryOf(held!)).toBeUndefined()
    await confirmAs(held!)
    expect(await join(held!)).toEqual({ ok: true })
    expect(await join(held!)).toEqual({ ok: true })
    expect((await entryOf(held!))!.status).toBe('waiting')
    expect((await as(held!, () => findMyWaitlistEntry(held!.applicationId)))!.status).toBe(
      'waiting',
    )
  })
})

describe('offering freed places', () => {
  it('offers the place to the most urgent waiting applicant, after the quarantine', async () => {
    const { early, people } = await scene(62, 4)
    const [relaxed, tied, urgent] = people
    // Deadlines: relaxed in 60 days; tied and urgent both in 20 days, tied joined first, so
    // tied goes first; the fourth has only the fallback (submission + 90 days).
    const deadlines = [
      await setLegalStay(relaxed!, 60),
      await setLegalStay(tied!, 20),
      await setLegalStay(urgent!, 20),
      addDays(toIstanbulWallTime(new Date()).date, 90),
    ]
    // The early place is taken, then cancelled: it waits out the quarantine first.
    const [someone] = await createBookableApplications(1, 62)
    await book(someone!, early)
    await as(someone!, () => cancelAppointment(answer(someone!)))
    const db = await getDb()
    expect(await offerFreedPlaces(db)).toBe(0)
    await db
      .update(slotSeats)
      // A second ago by this clock: the job compares with a millisecond JS time, and the
      // database's now() (microseconds) within that same millisecond would still be ahead.
      .set({ availableFrom: new Date(Date.now() - 1000) })
      .where(eq(slotSeats.slotId, early))
    expect(await offerFreedPlaces(db)).toBe(1)
    const entries = await Promise.all(people.map(entryOf))
    const expected = mostUrgent(
      people.map((p, i) => ({
        applicationId: p.applicationId,
        legalDeadline: deadlines[i]!,
        joinedAt: entries[i]!.createdAt,
      })),
    )
    expect(expected!.applicationId).toBe(tied!.applicationId)
    expect(entries.map((e) => e!.status)).toEqual(['waiting', 'offered', 'waiting', 'waiting'])
    const [seat] = await seatsOf(early)
    expect(seat).toMatchObject({ state: 'offered', offeredTo: tied!.applicationId })
    expect(seat!.holdExpiresAt!.getTime() - Date.now()).toBeGreaterThan(
      (OFFER_MINUTES - 1) * 60_000,
    )
    const [mail] = await db
      .select()
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.recipient, `booker.${tied!.userId}@example.org`),
          eq(outboxMessages.template, 'waitlist-offer'),
        ),
      )
    expect(mail!.body).toContain(`/applications/${tied!.applicationId}/appointment/waitlist`)
    // Nothing else to offer: the late slot is not earlier than anyone's appointment.
    expect(await offerFreedPlaces(db)).toBe(0)
  })

  it('offers each place once when runs race', async () => {
    const { early, people } = await scene(63, 6, 3)
    const db = await getDb()
    const runs = await Promise.all(Array.from({ length: 4 }, () => offerFreedPlaces(db)))
    expect(runs.reduce((a, b) => a + b, 0)).toBe(3)
    const seats = await seatsOf(early)
    expect(seats.every((s) => s.state === 'offered')).toBe(true)
    expect(new Set(seats.map((s) => s.offeredTo)).size).toBe(3)
    const offered = (await Promise.all(people.map(entryOf))).filter((e) => e!.status === 'offered')
    expect(offered.map((e) => e!.applicationId).sort()).toEqual(
      seats.map((s) => s.offeredTo).sort(),
    )
    expect(await offerFreedPlaces(db)).toBe(0)
  })
})

describe('answering an offer', () => {
  it('moves the appointment in one transaction, without counting as a change', async () => {
    const { early, late, people } = await scene(64, 2)
    const [first, second] = people
    await setLegalStay(first!, 10)
    const db = await getDb()
    expect(await offerFreedPlaces(db)).toBe(1)
    const before = (await active(first!))[0]!
    const taken = await accept(first!)
    expect(taken.ok && taken.appointment.status).toBe('confirmed')
    const now = await active(first!)
    expect(now).toHaveLength(1)
    expect(now[0]).toMatchObject({ slotId: early, replacesId: before.id, rescheduleCount: 0 })
    const [old] = await db.select().from(appointments).where(eq(appointments.id, before.id))
    expect(old!.status).toBe('rescheduled')
    const oldSeat = (await seatsOf(late)).find((s) => s.seatNo === before.seatNo)!
    expect(oldSeat.state).toBe('free')
    expect(oldSeat.availableFrom.getTime()).toBeGreaterThan(Date.now())
    expect((await seatsOf(early))[0]).toMatchObject({ state: 'confirmed', offeredTo: null })
    expect((await entryOf(first!))!.status).toBe('accepted')
    expect(await overbookedSlots()).toEqual([])
    expect(await accept(first!)).toEqual({ ok: false, reason: 'offer_gone' })
    // The freed late place is not earlier than the second person's: nothing to offer.
    await db
      .update(slotSeats)
      // A second ago by this clock: the job compares with a millisecond JS time, and the
      // database's now() (microseconds) within that same millisecond would still be ahead.
      .set({ availableFrom: new Date(Date.now() - 1000) })
      .where(eq(slotSeats.slotId, late))
    expect(await offerFreedPlaces(db)).toBe(0)
    expect((await entryOf(second!))!.status).toBe('waiting')
    // Without a confirmed appointment there is nothing to bring forward: off the list.
    await as(second!, () => cancelAppointment(answer(second!)))
    await offerFreedPlaces(db)
    expect((await entryOf(second!))!.status).toBe('cancelled')
  })

  it('lets exactly one of racing answers win', async () => {
    const { early, people } = await scene(67, 1)
    const [person] = people
    const db = await getDb()
    expect(await offerFreedPlaces(db)).toBe(1)
    // Double clicks and a "no thanks" in another tab, all at once.
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, () => accept(person!)),
      ...Array.from({ length: 4 }, () => decline(person!)),
    ])
    expect(answers.filter((r) => r.ok)).toHaveLength(1)
    expect(answers.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(
      Array(7).fill('offer_gone'),
    )
    const accepted = answers.some((r) => r.ok && 'appointment' in r)
    expect((await seatsOf(early))[0]!.state).toBe(accepted ? 'confirmed' : 'free')
    expect(await active(person!)).toHaveLength(1)
    expect(await overbookedSlots()).toEqual([])
  })

  it('passes an offer nobody answered, or a declined one, to the next person', async () => {
    const { early, people } = await scene(65, 3)
    const [a, b, c] = people
    await setLegalStay(a!, 5)
    await setLegalStay(b!, 10)
    await setLegalStay(c!, 15)
    const db = await getDb()
    expect(await offerFreedPlaces(db)).toBe(1)
    expect((await seatsOf(early))[0]!.offeredTo).toBe(a!.applicationId)
    const later = new Date(Date.now() + (OFFER_MINUTES + 1) * 60_000)
    expect(await offerFreedPlaces(db, later)).toBe(1)
    expect(await entryOf(a!)).toMatchObject({ status: 'waiting', offersDeclined: 1 })
    expect((await seatsOf(early))[0]!.offeredTo).toBe(b!.applicationId)
    expect(await accept(a!)).toEqual({ ok: false, reason: 'offer_gone' })
    expect(await decline(b!)).toEqual({ ok: true })
    expect(await entryOf(b!)).toMatchObject({ status: 'waiting', offersDeclined: 1 })
    expect((await seatsOf(early))[0]).toMatchObject({ state: 'free', offeredTo: null })
    // a let this slot pass last, b declined it: c is next, although a and b are more urgent.
    expect(await offerFreedPlaces(db)).toBe(1)
    expect((await seatsOf(early))[0]!.offeredTo).toBe(c!.applicationId)
    expect((await as(c!, () => findMyWaitlistEntry(c!.applicationId)))!.offer).not.toBeNull()
    expect(await as(c!, () => leaveWaitlist(c!.applicationId))).toEqual({ ok: true })
    expect((await seatsOf(early))[0]).toMatchObject({ state: 'free', offeredTo: null })
    expect(await active(c!)).toHaveLength(1)
  })

  it('answers 404 to anyone but the owner, and changes nothing', async () => {
    const { early, people } = await scene(66, 2)
    const [owner, intruder] = people
    await setLegalStay(owner!, 3)
    const db = await getDb()
    expect(await offerFreedPlaces(db)).toBe(1)
    await expect(accept(intruder!, owner!)).rejects.toThrow(AccessDenied)
    await expect(decline(intruder!, owner!)).rejects.toThrow(AccessDenied)
    await expect(as(intruder!, () => findMyWaitlistEntry(owner!.applicationId))).rejects.toThrow(
      AccessDenied,
    )
    await expect(as(intruder!, () => leaveWaitlist(owner!.applicationId))).rejects.toThrow(
      AccessDenied,
    )
    expect(await accept(intruder!)).toEqual({ ok: false, reason: 'offer_gone' })
    expect((await seatsOf(early))[0]).toMatchObject({
      state: 'offered',
      offeredTo: owner!.applicationId,
    })
    expect((await entryOf(owner!))!.status).toBe('offered')
    expect((await accept(owner!)).ok).toBe(true)
  })
})
