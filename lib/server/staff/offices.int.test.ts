import '../testing/request-scope-mocks'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { appointmentSlots, auditEvents, counters, offices, openingHours } from '@/db/schema'
import { DEFAULT_BOOKING_RULES } from '@/lib/domain/appointments/booking-rules'
import { toIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'
import { addDays } from '@/lib/domain/permits/dates'
import { AccessDenied } from '../actor'
import { ensureSlotsAhead } from '../appointments/generate-slots'
import { todayInIstanbul } from '../clock'
import { Refused } from '../errors'
import { actAs } from '../testing/as-user'
import { createTestStaff } from '../testing/staff-fixtures'
import { changeOffice, createOffice } from './change-office'
import { addCounter, setCounterActive } from './office-counters'
import { getOfficeSetup, listOwnOffices } from './office-setup'
import { setOpeningHours } from './opening-hours'

const TEKIRDAG = 59

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  )

async function slotsByDay(officeId: string) {
  const db = await getDb()
  const rows = await db
    .select({ startsAt: appointmentSlots.startsAt, capacity: appointmentSlots.capacity })
    .from(appointmentSlots)
    .where(eq(appointmentSlots.officeId, officeId))
  const days = new Map<string, { times: string[]; capacity: number[] }>()
  for (const r of rows) {
    const { date, time } = toIstanbulWallTime(r.startsAt)
    const day = days.get(date) ?? { times: [], capacity: [] }
    day.times.push(time)
    day.capacity.push(r.capacity)
    days.set(date, day)
  }
  return days
}

async function snapshot(officeId: string) {
  const db = await getDb()
  return {
    office: (await db.select().from(offices).where(eq(offices.id, officeId)))[0],
    counters: await db.select().from(counters).where(eq(counters.officeId, officeId)),
    hours: await db.select().from(openingHours).where(eq(openingHours.officeId, officeId)),
    audits: (await db.select().from(auditEvents).where(eq(auditEvents.entityId, officeId))).length,
  }
}

async function newOffice() {
  const admin = await createTestStaff('directorate_admin', TEKIRDAG)
  await actAs(admin.email)
  const officeId = await createOffice({
    name: 'Çorlu Hizmet Binası',
    address: 'Çorlu',
    slotMinutes: 30,
  })
  await addCounter({ officeId, label: '1' })
  await addCounter({ officeId, label: '2' })
  await setOpeningHours({
    officeId,
    weekdays: [1, 2, 3, 4, 5],
    closed: false,
    opensAt: '08:30',
    closesAt: '17:30',
    breakFrom: '12:00',
    breakTo: '13:30',
  })
  return { admin, officeId }
}

afterEach(() => actAs(null))

describe('offices, counters and opening hours', () => {
  it('a change counts from the first day without slots, and the page says which', async () => {
    const { officeId } = await newOffice()
    const today = todayInIstanbul()
    await ensureSlotsAhead(officeId, { ...DEFAULT_BOOKING_RULES, horizonDays: 7 })
    const before = await slotsByDay(officeId)
    expect((await getOfficeSetup(officeId)).office.appliesFrom).toBe(addDays(today, 8))

    const from = await setOpeningHours({
      officeId,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      closed: false,
      opensAt: '09:00',
      closesAt: '10:00',
    })
    expect(from).toBe(addDays(today, 8))
    const counter = (await getOfficeSetup(officeId)).office.counters[0]!
    await setCounterActive({ officeId, counterId: counter.id, active: false })
    await changeOffice({ officeId, name: 'Çorlu', address: 'Çorlu merkez', slotMinutes: 20 })
    await ensureSlotsAhead(officeId, { ...DEFAULT_BOOKING_RULES, horizonDays: 14 })

    const after = await slotsByDay(officeId)
    for (const [date, day] of before) expect(after.get(date), date).toEqual(day)
    for (let i = 8; i <= 14; i++) {
      const day = after.get(addDays(today, i))
      expect(day?.times.sort(), addDays(today, i)).toEqual(['09:00', '09:20', '09:40'])
      expect(day?.capacity).toEqual([1, 1, 1])
    }
    const db = await getDb()
    const actions = (
      await db.select().from(auditEvents).where(eq(auditEvents.entityId, officeId))
    ).map((a) => a.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'office.created',
        'office.counter_added',
        'office.hours_changed',
        'office.counter_closed',
        'office.changed',
      ]),
    )
  })

  it('closes weekdays, and lists only the directorate’s own offices', async () => {
    const { officeId } = await newOffice()
    await setOpeningHours({ officeId, weekdays: [5], closed: true })
    const { office } = await getOfficeSetup(officeId)
    expect(new Set(office.hours.map((h) => h.weekday))).toEqual(new Set([1, 2, 3, 4]))
    const { offices: mine } = await listOwnOffices()
    expect(mine.map((o) => o.id)).toContain(officeId)
    await actAs('admin.istanbul@example.org')
    expect((await listOwnOffices()).offices.map((o) => o.id)).not.toContain(officeId)
  })

  it('bad hours and a taken label are refused with a reason, and nothing is stored', async () => {
    const { officeId } = await newOffice()
    const before = await snapshot(officeId)
    const tries: [() => Promise<unknown>, string][] = [
      [
        () =>
          setOpeningHours({
            officeId,
            weekdays: [1],
            closed: false,
            opensAt: '12:00',
            closesAt: '09:00',
          }),
        'closes_before_opens',
      ],
      [
        () =>
          setOpeningHours({
            officeId,
            weekdays: [1, 2],
            closed: false,
            opensAt: '09:00',
            closesAt: '12:00',
            breakFrom: '13:00',
            breakTo: '14:00',
          }),
        'break_outside',
      ],
      [() => addCounter({ officeId, label: '2' }), 'label_taken'],
    ]
    for (const [run, reason] of tries)
      expect(((await refusal(run())) as Refused).reason).toBe(reason)
    expect(await snapshot(officeId)).toEqual(before)
  })

  it('another directorate’s admin finds nothing, other roles are refused, and nothing changes', async () => {
    const { officeId } = await newOffice()
    const counterId = (await getOfficeSetup(officeId)).office.counters[0]!.id
    const before = await snapshot(officeId)
    const operations = [
      () => getOfficeSetup(officeId),
      () => changeOffice({ officeId, name: 'X', address: 'Y', slotMinutes: 15 }),
      () => addCounter({ officeId, label: '9' }),
      () => setCounterActive({ officeId, counterId, active: false }),
      () => setOpeningHours({ officeId, weekdays: [1], closed: true }),
    ]
    const callers: [string | null, AccessDenied['reason']][] = [
      [null, 'unauthenticated'],
      ['admin.istanbul@example.org', 'not_found'],
      ['admin.national@example.org', 'not_found'],
      ['caseworker.istanbul@example.org', 'forbidden'],
      ['supervisor.ankara@example.org', 'forbidden'],
      ['omar.haddad@example.org', 'not_found'],
    ]
    for (const [email, reason] of callers) {
      await actAs(email)
      for (const run of operations) {
        const error = await refusal(run())
        expect(error, `${email}`).toBeInstanceOf(AccessDenied)
        expect((error as AccessDenied).reason, `${email}`).toBe(reason)
      }
    }
    expect(await snapshot(officeId)).toEqual(before)
  })
})
