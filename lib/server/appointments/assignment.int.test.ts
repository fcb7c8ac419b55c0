import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import {
  applications,
  appointmentRequests,
  appointments,
  appointmentSlots,
  auditEvents,
  outboxMessages,
  users,
} from '@/db/schema'
import { slotFits, type AssignmentConstraints } from '@/lib/domain/appointments/assignment'
import { fromIstanbulWallTime, isoWeekday } from '@/lib/domain/appointments/istanbul-time'
import { addDays } from '@/lib/domain/permits/dates'
import ruMail from '@/locales/ru/mail.json'
import { AccessDenied } from '../actor'
import { todayInIstanbul } from '../clock'
import { runAsUser } from '../testing/as-user'
import {
  createBookableApplications,
  createTestSlots,
  directorateOf,
  holdAs,
  overbookedSlots,
  type Bookable,
} from '../testing/booking-fixtures'
import { assignWaitingRequests } from './assign-waiting'
import { cancelAssignmentRequest, findMyAssignmentRequest, requestAssignment } from './assignment'
import { ensureSlotsAhead, officeIdsOf } from './generate-slots'
import { loadBookingRules } from './booking-settings'

// Run on PGlite and on PostgreSQL, where parallel job runs are real races. İstanbul (34) and
// Ankara (6) assign dates. Their real offices get slots from 08:30, so the slots these tests
// place at 07:00 are the earliest of their day and the order of assignment shows on them.

const ISTANBUL = 34
const ANKARA = 6
const today = todayInIstanbul()
/** The first working day from the day after tomorrow: inside every request's window. */
const DAY = (() => {
  let day = addDays(today, 2)
  while (isoWeekday(day) > 5) day = addDays(day, 1)
  return day
})()

const ask = (p: Bookable, constraints: AssignmentConstraints, key = randomUUID()) =>
  runAsUser(p.userId, () =>
    requestAssignment({
      applicationId: p.applicationId,
      constraints,
      idempotencyKey: key,
      locale: 'en',
    }),
  )
const morningOf = (day: string): AssignmentConstraints => ({
  earliestDate: day,
  weekdays: [isoWeekday(day)],
  partOfDay: 'morning',
})

/** A new office of the directorate with one slot at each İstanbul time given on `day`. */
const slotsAt = (provinceCode: number, day: string, times: string[], capacity: number) =>
  createTestSlots({
    provinceCode,
    capacity,
    startsAt: times.map((time) => fromIstanbulWallTime(day, time)),
  })

async function setDeadline(p: Bookable, legalStayUntil: string) {
  const db = await getDb()
  await db
    .update(applications)
    .set({ formData: { eligibility: { legalStayUntil } } })
    .where(eq(applications.id, p.applicationId))
}

/** The active appointment of each application: its slot and when it starts. */
async function assignedSlots(people: Bookable[]) {
  const db = await getDb()
  const rows = await db
    .select({
      applicationId: appointments.applicationId,
      slotId: appointments.slotId,
      startsAt: appointmentSlots.startsAt,
    })
    .from(appointments)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
    .where(
      and(
        inArray(
          appointments.applicationId,
          people.map((p) => p.applicationId),
        ),
        inArray(appointments.status, ['held', 'confirmed']),
      ),
    )
  return rows
}

async function requestOf(p: Bookable) {
  const db = await getDb()
  const [row] = await db
    .select()
    .from(appointmentRequests)
    .where(eq(appointmentRequests.applicationId, p.applicationId))
  return row
}

beforeAll(async () => {
  // Only this file creates requests. Ones an earlier run left waiting would compete for the
  // test slots with deadlines the tests do not know.
  const db = await getDb()
  await db
    .update(appointmentRequests)
    .set({ status: 'cancelled' })
    .where(eq(appointmentRequests.status, 'waiting'))
})

describe('asking for a date', () => {
  it('saves the constraints once per application and keeps the place in the queue', async () => {
    const [person] = await createBookableApplications(1, ISTANBUL)
    const first = await ask(person!, morningOf(DAY))
    expect(first).toMatchObject({
      ok: true,
      request: { status: 'waiting', weekdays: [isoWeekday(DAY)] },
    })
    const changed = await ask(person!, { earliestDate: DAY, weekdays: [5, 1, 5], partOfDay: 'any' })
    expect(changed.ok && changed.request).toMatchObject({ weekdays: [1, 5], partOfDay: 'any' })
    expect(changed.ok && changed.request.requestedAt).toBe(first.ok && first.request.requestedAt)
    const cancel = () =>
      runAsUser(person!.userId, () =>
        cancelAssignmentRequest({
          applicationId: person!.applicationId,
          idempotencyKey: randomUUID(),
          locale: 'en',
        }),
      )
    expect(await cancel()).toMatchObject({ ok: true, request: { status: 'cancelled' } })
    expect(await cancel()).toEqual({ ok: false, reason: 'no_waiting_request' })
    const db = await getDb()
    const audit = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, person!.applicationId))
    expect(audit.map((a) => a.action).sort()).toEqual([
      'appointment_request.cancelled',
      'appointment_request.saved',
      'appointment_request.saved',
    ])
  })

  it('refuses what it cannot accept with a reason, and changes nothing', async () => {
    const [person] = await createBookableApplications(1, ISTANBUL)
    const rules = await loadBookingRules()
    expect(await ask(person!, { ...morningOf(DAY), earliestDate: today })).toEqual({
      ok: false,
      reason: 'earliest_date_too_soon',
    })
    expect(
      await ask(person!, {
        ...morningOf(DAY),
        earliestDate: addDays(today, rules.horizonDays + 1),
      }),
    ).toEqual({ ok: false, reason: 'earliest_date_too_late' })
    expect(await ask(person!, { ...morningOf(DAY), weekdays: [6] })).toEqual({
      ok: false,
      reason: 'weekdays_invalid',
    })
    const [elsewhere] = await createBookableApplications(1, 16)
    expect(await ask(elsewhere!, morningOf(DAY))).toEqual({
      ok: false,
      reason: 'not_assigned_directorate',
    })
    expect(await requestOf(person!)).toBeUndefined()
    expect(await requestOf(elsewhere!)).toBeUndefined()
  })

  it("answers another applicant's application with the same 404 as a missing one", async () => {
    const [owner, intruder] = await createBookableApplications(2, ISTANBUL)
    await ask(owner!, morningOf(DAY))
    const asIntruder = <T>(work: () => Promise<T>) => runAsUser(intruder!.userId, work)
    await expect(
      asIntruder(() =>
        requestAssignment({
          applicationId: owner!.applicationId,
          constraints: { ...morningOf(DAY), partOfDay: 'any' },
          idempotencyKey: randomUUID(),
          locale: 'en',
        }),
      ),
    ).rejects.toEqual(new AccessDenied('not_found'))
    await expect(
      asIntruder(() =>
        cancelAssignmentRequest({
          applicationId: owner!.applicationId,
          idempotencyKey: randomUUID(),
          locale: 'en',
        }),
      ),
    ).rejects.toEqual(new AccessDenied('not_found'))
    await expect(asIntruder(() => findMyAssignmentRequest(owner!.applicationId))).rejects.toEqual(
      new AccessDenied('not_found'),
    )
    expect(await requestOf(owner!)).toMatchObject({ status: 'waiting', partOfDay: 'morning' })
    await runAsUser(owner!.userId, () =>
      cancelAssignmentRequest({
        applicationId: owner!.applicationId,
        idempotencyKey: randomUUID(),
        locale: 'en',
      }),
    )
  })

  it('does not let applicants of an assigning directorate choose a slot themselves', async () => {
    const [person] = await createBookableApplications(1, ISTANBUL)
    const [slotId] = await createTestSlots({ provinceCode: ISTANBUL, capacity: 1 })
    expect(await holdAs(person!, slotId!)).toEqual({ ok: false, reason: 'assigned_directorate' })
    expect(await assignedSlots([person!])).toEqual([])
  })
})

describe('the assignment job', () => {
  it('gives scarce places to the most urgent legal deadlines first', async () => {
    const [later, soonest, soon] = await createBookableApplications(3, ISTANBUL)
    await setDeadline(later!, addDays(today, 100))
    await setDeadline(soonest!, addDays(today, 10))
    await setDeadline(soon!, addDays(today, 20))
    const db = await getDb()
    await db.update(users).set({ preferredLocale: 'ru' }).where(eq(users.id, soonest!.userId))
    // Asked in this order: asking first does not beat an earlier deadline.
    for (const p of [later!, soonest!, soon!]) expect((await ask(p, morningOf(DAY))).ok).toBe(true)
    const [early] = await slotsAt(ISTANBUL, DAY, ['07:00'], 2)
    await assignWaitingRequests(db)
    const slots = await assignedSlots([later!, soonest!, soon!])
    const slotOf = (p: Bookable) => slots.find((s) => s.applicationId === p.applicationId)
    expect(slotOf(soonest!)?.slotId).toBe(early)
    expect(slotOf(soon!)?.slotId).toBe(early)
    // The third gets a later place that still fits, or keeps waiting.
    const third = slotOf(later!)
    if (third) expect(third.startsAt > slotOf(soon!)!.startsAt).toBe(true)
    else expect(await requestOf(later!)).toMatchObject({ status: 'waiting' })
    expect(await requestOf(soonest!)).toMatchObject({ status: 'assigned' })
    // The booked e-mail with its calendar file, in the applicant's own language.
    const [mail] = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, `booker.${soonest!.userId}@example.org`))
    expect(mail).toMatchObject({ template: 'appointment-booked', locale: 'ru' })
    expect(mail!.subject).toContain(ruMail.appointment.booked.subject.split('{{')[0]!.trim())
    expect(await overbookedSlots()).toEqual([])
  })

  it('respects the earliest date, the weekdays and the part of the day', async () => {
    const people = await createBookableApplications(4, ISTANBUL)
    const nextWeek = addDays(DAY, 7)
    const asked: AssignmentConstraints[] = [
      morningOf(DAY),
      { earliestDate: DAY, weekdays: [isoWeekday(DAY)], partOfDay: 'afternoon' },
      { earliestDate: nextWeek, weekdays: [1, 2, 3, 4, 5], partOfDay: 'any' },
      { earliestDate: DAY, weekdays: [((isoWeekday(DAY) % 5) + 1) as number], partOfDay: 'any' },
    ]
    // A morning place before any office opens, on the day all four could come.
    const [early] = await slotsAt(ISTANBUL, DAY, ['07:00'], 4)
    for (const [i, p] of people.entries()) expect((await ask(p, asked[i]!)).ok).toBe(true)
    await assignWaitingRequests(await getDb())
    const slots = await assignedSlots(people)
    for (const [i, p] of people.entries()) {
      const slot = slots.find((s) => s.applicationId === p.applicationId)
      expect(slot, `request ${i}`).toBeDefined()
      expect(slotFits(asked[i]!, slot!.startsAt), `request ${i}`).toBe(true)
    }
    // The earliest fitting place: the 07:00 one goes to the morning request only.
    expect(slots.find((s) => s.applicationId === people[0]!.applicationId)?.slotId).toBe(early)
    expect(slots.filter((s) => s.slotId === early)).toHaveLength(1)
  })

  it('never assigns twice or overbooks when several runs go at once', async () => {
    const people = await createBookableApplications(40, ISTANBUL)
    for (const p of people) expect((await ask(p, morningOf(DAY))).ok).toBe(true)
    await slotsAt(ISTANBUL, DAY, ['07:00', '07:15'], 3)
    const db = await getDb()
    const runs = await Promise.all(Array.from({ length: 5 }, () => assignWaitingRequests(db)))
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(40)
    const slots = await assignedSlots(people)
    expect(slots).toHaveLength(40)
    for (const p of people) {
      const active = slots.filter((s) => s.applicationId === p.applicationId)
      expect(active).toHaveLength(1)
      expect(await requestOf(p)).toMatchObject({ status: 'assigned' })
    }
    const audit = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'appointment.assigned'),
          inArray(
            sql`${auditEvents.details}->>'applicationId'`,
            people.map((p) => p.applicationId),
          ),
        ),
      )
    expect(audit).toHaveLength(40)
    const mails = await db
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(
        inArray(
          outboxMessages.recipient,
          people.map((p) => `booker.${p.userId}@example.org`),
        ),
      )
    expect(mails).toHaveLength(40)
    expect(await overbookedSlots()).toEqual([])
  })

  it('leaves a request waiting while nothing fits, and assigns it once a place opens', async () => {
    const db = await getDb()
    const directorateId = await directorateOf(ANKARA)
    const rules = await loadBookingRules()
    for (const officeId of await officeIdsOf(directorateId)) await ensureSlotsAhead(officeId, rules)
    const [person] = await createBookableApplications(1, ANKARA)
    expect((await ask(person!, morningOf(DAY))).ok).toBe(true)
    // The directorate closes every day for now (and opens them again below).
    const closed = await queryRows<{ id: string }>(
      db,
      sql`update appointment_slots set closed = true
           where directorate_id = ${directorateId} and not closed returning id`,
    )
    try {
      await assignWaitingRequests(db)
      expect(await requestOf(person!)).toMatchObject({ status: 'waiting', appointmentId: null })
      expect(await assignedSlots([person!])).toEqual([])
    } finally {
      if (closed.length > 0)
        await db
          .update(appointmentSlots)
          .set({ closed: false })
          .where(
            inArray(
              appointmentSlots.id,
              closed.map((c) => c.id),
            ),
          )
    }
    expect(await assignWaitingRequests(db)).toBeGreaterThanOrEqual(1)
    expect(await requestOf(person!)).toMatchObject({ status: 'assigned' })
  })

  it('ends the request of an application that no longer waits for an appointment', async () => {
    const [person] = await createBookableApplications(1, ISTANBUL)
    expect((await ask(person!, morningOf(DAY))).ok).toBe(true)
    const db = await getDb()
    await db
      .update(applications)
      .set({ status: 'withdrawn' })
      .where(eq(applications.id, person!.applicationId))
    await assignWaitingRequests(db)
    expect(await requestOf(person!)).toMatchObject({ status: 'cancelled' })
    expect(await assignedSlots([person!])).toEqual([])
  })
})
