import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { and, desc, eq } from 'drizzle-orm'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import {
  applicationEvents,
  applications,
  appointments,
  auditEvents,
  outboxMessages,
  users,
} from '@/db/schema'
import { isOnIstanbulDay, istanbulDayBounds } from '@/lib/domain/appointments/check-in'
import { toIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'
import { AccessDenied } from '../actor'
import { actAs, runAsUser } from '../testing/as-user'
import { createBookableApplications, createTestSlots, holdAs } from '../testing/booking-fixtures'
import {
  createConfirmedAppointment,
  createCounterOffice,
  type ConfirmedAppointment,
  type CounterOffice,
} from '../testing/counter-fixtures'
import { findDayAppointments } from './appointment-day'
import { checkInAppointment, markNoShow } from './check-in'

// Run on PGlite (one connection, the race serialised) and on PostgreSQL, where the two
// check-ins of the same appointment really run at the same time.

const ISTANBUL = 34
const CASEWORKER = 'caseworker.istanbul@example.org'
const SUPERVISOR = 'supervisor.istanbul@example.org'
const ADMIN = 'admin.istanbul@example.org'
const OTHER_DIRECTORATE = 'caseworker.ankara@example.org'
const PASSPORT = 'U 1234-5678'

let office: CounterOffice

const minutes = (n: number) => new Date(Date.now() + n * 60_000)
const today = () => toIstanbulWallTime(new Date()).date

/** A time on today's İstanbul date: soon, or just gone when "soon" would be tomorrow. */
function laterToday(): Date {
  const soon = minutes(5)
  return isOnIstanbulDay(soon, today()) ? soon : minutes(-20)
}

/** A time today that has already come (a minute ago, or midnight just gone). */
function startedToday(): Date {
  return new Date(Math.max(Date.now() - 60_000, istanbulDayBounds(today()).from.getTime()))
}

function booked(startsAt: Date, extra: { foreignerIdNumber?: string } = {}) {
  return createConfirmedAppointment({
    office,
    provinceCode: ISTANBUL,
    startsAt,
    passportNumber: PASSPORT,
    ...extra,
  })
}

async function state(a: ConfirmedAppointment) {
  const db = await getDb()
  const [appointment] = await db
    .select()
    .from(appointments)
    .where(eq(appointments.id, a.appointmentId))
  const [application] = await db
    .select({ status: applications.status, version: applications.version })
    .from(applications)
    .where(eq(applications.id, a.applicationId))
  const events = await db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, a.applicationId))
  const audit = await db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.entityType, 'appointment'), eq(auditEvents.entityId, a.appointmentId)),
    )
    .orderBy(desc(auditEvents.id))
  return { appointment: appointment!, application: application!, events, audit }
}

const checkIn = (a: ConfirmedAppointment, identityNumber = 'u12345678', version = 1) =>
  checkInAppointment({
    appointmentId: a.appointmentId,
    identityNumber,
    counterId: office.counterIds[1],
    expectedVersion: version,
  })

beforeAll(async () => {
  office = await createCounterOffice(ISTANBUL)
})

afterEach(async () => {
  await actAs(null)
})

describe('check-in at the counter', () => {
  it('checks in with the passport number and moves the application to review', async () => {
    const a = await booked(laterToday())
    const staffId = await actAs(CASEWORKER)
    expect(await checkIn(a)).toEqual({
      ok: true,
      appointmentId: a.appointmentId,
      status: 'attended',
    })
    const after = await state(a)
    expect(after.appointment).toMatchObject({
      status: 'attended',
      counterId: office.counterIds[1],
      checkedInBy: staffId,
      version: 2,
    })
    expect(after.appointment.endedAt).toBeInstanceOf(Date)
    expect(after.application).toEqual({ status: 'under_review', version: 2 })
    expect(after.events).toMatchObject([
      {
        fromStatus: 'awaiting_appointment',
        toStatus: 'under_review',
        actorUserId: staffId,
        reasonCode: 'appointment_attended',
      },
    ])
    expect(after.audit.map((e) => e.action)).toEqual(['appointment.checked_in'])
    expect(after.audit[0]!.actorUserId).toBe(staffId)
  })

  it('accepts the foreigner identity number instead, typed in Arabic digits', async () => {
    const a = await booked(laterToday(), { foreignerIdNumber: '99123456782' })
    await actAs(SUPERVISOR)
    expect((await checkIn(a, '٩٩١ ٢٣٤ ٥٦٧ ٨٢')).ok).toBe(true)
    expect((await state(a)).application.status).toBe('under_review')
  })

  it('changes nothing for a wrong number, but records the refused attempt', async () => {
    const a = await booked(laterToday(), { foreignerIdNumber: '99123456782' })
    const staffId = await actAs(CASEWORKER)
    const before = await state(a)
    for (const wrong of ['U12345679', '99123456783', 'x']) {
      expect(await checkIn(a, wrong)).toEqual({ ok: false, reason: 'identity_mismatch' })
    }
    const after = await state(a)
    expect(after.appointment).toEqual(before.appointment)
    expect(after.application).toEqual(before.application)
    expect(after.events).toEqual(before.events)
    expect(after.audit).toHaveLength(3)
    for (const entry of after.audit) {
      expect(entry).toMatchObject({
        action: 'appointment.check_in_denied',
        actorUserId: staffId,
        details: { applicationId: a.applicationId, reason: 'identity_mismatch' },
      })
      // The trail says who tried, never what was typed.
      expect(JSON.stringify(entry.details)).not.toMatch(/U1234|9912/)
    }
  })

  it('treats staff of another directorate as if the appointment did not exist', async () => {
    const a = await booked(minutes(-10))
    await actAs(OTHER_DIRECTORATE)
    const before = await state(a)
    await expect(checkIn(a)).rejects.toEqual(new AccessDenied('not_found'))
    await expect(
      markNoShow({ appointmentId: a.appointmentId, expectedVersion: 1 }),
    ).rejects.toEqual(new AccessDenied('not_found'))
    await expect(findDayAppointments({ date: today(), officeId: office.officeId })).rejects.toEqual(
      new AccessDenied('not_found'),
    )
    const theirs = await findDayAppointments({ date: today() })
    expect(theirs.appointments.map((x) => x.id)).not.toContain(a.appointmentId)
    expect(theirs.allOffices.map((o) => o.id)).not.toContain(office.officeId)
    expect(await state(a)).toEqual(before)
  })

  it('lets a caseworker check in, but not a directorate admin, who may only look', async () => {
    const a = await booked(laterToday())
    await actAs(ADMIN)
    await expect(checkIn(a)).rejects.toEqual(new AccessDenied('forbidden'))
    await expect(
      markNoShow({ appointmentId: a.appointmentId, expectedVersion: 1 }),
    ).rejects.toEqual(new AccessDenied('forbidden'))
    const view = await findDayAppointments({ date: today(), officeId: office.officeId })
    expect(view.viewer.canCheckIn).toBe(false)
    expect((await state(a)).appointment.status).toBe('confirmed')
    await actAs(CASEWORKER)
    expect((await checkIn(a)).ok).toBe(true)
  })

  it('refuses a stale version, another day, and a counter of another office', async () => {
    await actAs(CASEWORKER)
    const a = await booked(laterToday())
    expect(await checkIn(a, PASSPORT, 2)).toEqual({ ok: false, reason: 'stale_version' })
    const elsewhere = await createCounterOffice(ISTANBUL, 1)
    expect(
      await checkInAppointment({
        appointmentId: a.appointmentId,
        identityNumber: PASSPORT,
        counterId: elsewhere.counterIds[0],
        expectedVersion: 1,
      }),
    ).toEqual({ ok: false, reason: 'counter_not_found' })
    const yesterday = await booked(minutes(-24 * 60 - 30))
    expect(await checkIn(yesterday)).toEqual({ ok: false, reason: 'not_today' })
    expect((await state(a)).appointment).toMatchObject({ status: 'confirmed', version: 1 })
    expect((await state(a)).audit).toEqual([])
  })

  it('lets exactly one of two parallel check-ins of the same appointment through', async () => {
    const a = await booked(laterToday())
    const staffId = (await actAs(CASEWORKER))!
    await actAs(null)
    const results = await Promise.all(
      Array.from({ length: 2 }, () => runAsUser(staffId, () => checkIn(a))),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'stale_version' }])
    const after = await state(a)
    expect(after.events).toHaveLength(1)
    expect(after.appointment.version).toBe(2)
    expect(after.audit.map((e) => e.action)).toEqual(['appointment.checked_in'])
  })

  it('lets only one of a check-in and a no-show at the same moment through', async () => {
    const a = await booked(startedToday())
    const staffId = (await actAs(CASEWORKER))!
    await actAs(null)
    const [checkedIn, missed] = await Promise.all([
      runAsUser(staffId, () => checkIn(a)),
      runAsUser(staffId, () => markNoShow({ appointmentId: a.appointmentId, expectedVersion: 1 })),
    ])
    expect([checkedIn.ok, missed.ok].filter(Boolean)).toHaveLength(1)
    const after = await state(a)
    expect(after.appointment.version).toBe(2)
    expect(after.application.status).toBe(checkedIn.ok ? 'under_review' : 'not_processed')
    expect(after.audit).toHaveLength(1)
  })
})

describe('no-show', () => {
  it('is refused before the start time', async () => {
    const a = await booked(minutes(5))
    await actAs(CASEWORKER)
    expect(await markNoShow({ appointmentId: a.appointmentId, expectedVersion: 1 })).toEqual({
      ok: false,
      reason: 'not_started',
    })
    expect((await state(a)).appointment.status).toBe('confirmed')
  })

  // domain.md §4: "Missing the appointment: the application is not processed".
  it('ends the application as not processed, tells the applicant in their language, and counts a strike', async () => {
    const first = await booked(minutes(-30))
    const db = await getDb()
    await db.update(users).set({ preferredLocale: 'ru' }).where(eq(users.id, first.userId))
    const staffId = await actAs(CASEWORKER)
    expect(await markNoShow({ appointmentId: first.appointmentId, expectedVersion: 2 })).toEqual({
      ok: false,
      reason: 'stale_version',
    })
    // A refused attempt changes nothing.
    expect((await state(first)).application.status).toBe('awaiting_appointment')
    expect(await markNoShow({ appointmentId: first.appointmentId, expectedVersion: 1 })).toEqual({
      ok: true,
      appointmentId: first.appointmentId,
      status: 'no_show',
    })
    const after = await state(first)
    expect(after.appointment.status).toBe('no_show')
    expect(after.appointment.endedAt).toBeInstanceOf(Date)
    expect(after.application.status).toBe('not_processed')
    expect(after.events).toMatchObject([
      {
        fromStatus: 'awaiting_appointment',
        toStatus: 'not_processed',
        actorUserId: staffId,
        reasonCode: 'missed_appointment',
      },
    ])
    expect(after.audit[0]).toMatchObject({ action: 'appointment.no_show', actorUserId: staffId })
    const mail = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, `counter.${first.userId}@example.org`))
    expect(mail).toMatchObject([{ template: 'case-missedAppointment', locale: 'ru' }])
    expect(mail[0]!.subject).toContain(first.reference)
    expect(mail[0]!.subject).toMatch(/[А-Яа-я]/)
    // Once over, it can be neither checked in nor missed again.
    expect(await checkIn(first, PASSPORT, 2)).toEqual({ ok: false, reason: 'not_confirmed' })
    expect(await markNoShow({ appointmentId: first.appointmentId, expectedVersion: 2 })).toEqual({
      ok: false,
      reason: 'not_confirmed',
    })
    // A second missed appointment of the same person, on another application, stops online
    // booking for a third one (features.md [T4]).
    const second = await createConfirmedAppointment({
      office,
      provinceCode: ISTANBUL,
      startsAt: minutes(-60),
      passportNumber: PASSPORT,
      userId: first.userId,
    })
    expect((await markNoShow({ appointmentId: second.appointmentId, expectedVersion: 1 })).ok).toBe(
      true,
    )
    await actAs(null)
    const [third] = await createBookableApplications(1, ISTANBUL)
    await db
      .update(applications)
      .set({ applicantId: first.userId })
      .where(eq(applications.id, third!.applicationId))
    const [slotId] = await createTestSlots({ provinceCode: ISTANBUL, capacity: 1 })
    expect(
      await holdAs({ userId: first.userId, applicationId: third!.applicationId }, slotId!),
    ).toEqual({ ok: false, reason: 'booking_restricted' })
    // The ended application can no longer book at all.
    expect(await holdAs(first, slotId!)).toEqual({ ok: false, reason: 'not_awaiting_appointment' })
  })
})

describe('day view', () => {
  it('lists the day by office with names, times and counters, and no identity numbers', async () => {
    const at = laterToday()
    const waiting = await booked(at)
    // One second earlier: a slot is one time at one office, and always still today.
    const seen = await booked(new Date(at.getTime() - 1000))
    await actAs(CASEWORKER)
    expect((await checkIn(seen)).ok).toBe(true)
    const view = await findDayAppointments({ date: today(), officeId: office.officeId })
    expect(view.offices.map((o) => o.id)).toEqual([office.officeId])
    expect(view.allOffices.length).toBeGreaterThan(1)
    expect(view.offices[0]!.counters.map((c) => c.id)).toEqual(office.counterIds)
    expect(view.viewer).toEqual({ role: 'caseworker', canCheckIn: true })
    const mine = view.appointments.filter((x) =>
      [waiting.appointmentId, seen.appointmentId].includes(x.id),
    )
    expect(mine).toHaveLength(2)
    expect(mine.find((x) => x.id === waiting.appointmentId)).toMatchObject({
      status: 'confirmed',
      version: 1,
      counterId: null,
      reference: waiting.reference,
      applicantName: 'Leyla Nur Test',
      time: toIstanbulWallTime(at).time,
      startsAt: at.toISOString(),
    })
    expect(mine.find((x) => x.id === seen.appointmentId)).toMatchObject({
      status: 'attended',
      counterId: office.counterIds[1],
      counterLabel: '2',
    })
    const json = JSON.stringify(view)
    expect(json).not.toMatch(/U\s?1234|12345678|passport/i)
    // Another day at the same office has none of these.
    const tomorrow = new Date(Date.now() + 86_400_000)
    const next = await findDayAppointments({
      date: toIstanbulWallTime(tomorrow).date,
      officeId: office.officeId,
    })
    expect(next.appointments.map((x) => x.id)).not.toContain(waiting.appointmentId)
  })

  it('answers an unknown office with not found', async () => {
    await actAs(CASEWORKER)
    await expect(findDayAppointments({ date: today(), officeId: randomUUID() })).rejects.toEqual(
      new AccessDenied('not_found'),
    )
  })
})
