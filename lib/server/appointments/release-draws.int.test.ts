import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import {
  applications,
  appointments,
  appointmentSlots,
  auditEvents,
  drawEntries,
  outboxMessages,
  releaseWindows,
  staffMembers,
  users,
} from '@/db/schema'
import { runDraw, type DrawEntry } from '@/lib/domain/appointments/draw'
import { toIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'
import { addDays } from '@/lib/domain/permits/dates'
import { AccessDenied } from '../actor'
import { actAs, runAsUser } from '../testing/as-user'
import {
  bookingRequest,
  confirmAs,
  createBookableApplications,
  createTestSlots,
  directorateOf,
  holdAs,
  overbookedSlots,
  type Bookable,
  type RequestOptions,
} from '../testing/booking-fixtures'
import { findFreeSlots } from './availability'
import { enterDraw, findOpenDraws, myDrawEntry } from './release-draws'
import { findReleaseWindows, openReleaseWindow } from './release-windows'
import { runDueDraws } from './run-due-draws'

// Run on PGlite (one connection) and on PostgreSQL, where the two draw jobs really race.
// Muğla (48) chooses its own times; İstanbul and Ankara assign them, so they are not used here.

const PROVINCE = 48
const ADMIN = 'draw.admin.mugla@example.org'
const OTHER_ADMIN = 'admin.ankara@example.org'
const CASEWORKER = 'draw.caseworker.mugla@example.org'
const hours = (n: number) => new Date(Date.now() + n * 3_600_000)
const istanbulDate = (at: Date) => toIstanbulWallTime(at).date
// The job's clock: after every window these tests open has closed.
const AFTER_CLOSE = () => hours(3)

async function makeStaff(email: string, role: 'directorate_admin' | 'caseworker') {
  const userId = (await actAs(email))!
  const db = await getDb()
  await db
    .insert(staffMembers)
    .values({ userId, role, directorateId: await directorateOf(PROVINCE), displayName: email })
    .onConflictDoNothing()
}

beforeAll(async () => {
  await makeStaff(ADMIN, 'directorate_admin')
  await makeStaff(CASEWORKER, 'caseworker')
  await actAs(null)
})

async function officeOf(slotId: string): Promise<string> {
  const db = await getDb()
  const [row] = await db
    .select({ officeId: appointmentSlots.officeId })
    .from(appointmentSlots)
    .where(eq(appointmentSlots.id, slotId))
  return row!.officeId
}

/** Opens a window over the slots' office, open now and closing in an hour, as `email`. */
async function openWindow(
  slotIds: string[],
  email = ADMIN,
  times = { opensAt: hours(-1), closesAt: hours(1) },
) {
  await actAs(email)
  try {
    return await openReleaseWindow({
      officeId: await officeOf(slotIds[0]!),
      slotsFrom: istanbulDate(hours(30)),
      slotsUntil: istanbulDate(hours(24 * 10)),
      ...times,
      idempotencyKey: randomUUID(),
    })
  } finally {
    await actAs(null)
  }
}

const enter = (p: Bookable, preferences: string[], options: RequestOptions = {}) =>
  runAsUser(p.userId, () => enterDraw({ ...bookingRequest(p, options), preferences }))

async function windowSlots(windowId: string): Promise<string[]> {
  const db = await getDb()
  const rows = await db
    .select({ id: appointmentSlots.id })
    .from(appointmentSlots)
    .where(eq(appointmentSlots.releaseWindowId, windowId))
  return rows.map((r) => r.id)
}

describe('opening a release window', () => {
  it('holds back only untouched slots; those cannot be held first come', async () => {
    const slots = await createTestSlots({ provinceCode: PROVINCE, capacity: 2, count: 3 })
    const [early, other] = await createBookableApplications(2, PROVINCE)
    expect(await holdAs(early!, slots[0]!)).toMatchObject({ ok: true })
    const opened = await openWindow(slots)
    expect(opened).toMatchObject({ ok: true, slots: 2 })
    const windowId = (opened as { windowId: string }).windowId
    expect((await windowSlots(windowId)).sort()).toEqual([slots[1]!, slots[2]!].sort())
    expect(await holdAs(other!, slots[1]!)).toEqual({ ok: false, reason: 'slot_in_draw' })
    const free = await runAsUser(other!.userId, () => findFreeSlots(other!.applicationId))
    const listed = free.flatMap((d) => d.slots.map((s) => s.id))
    expect(listed).not.toContain(slots[1])
    expect(listed).toContain(slots[0])
    // Nothing left untouched in the range: a second window gets nothing.
    expect(await openWindow(slots)).toEqual({ ok: false, reason: 'no_free_slots' })
  })

  it('is for an admin of the same directorate only, and changes nothing otherwise', async () => {
    const slots = await createTestSlots({ provinceCode: PROVINCE, capacity: 1, count: 2 })
    await expect(openWindow(slots, OTHER_ADMIN)).rejects.toMatchObject({ reason: 'not_found' })
    await expect(openWindow(slots, CASEWORKER)).rejects.toMatchObject({ reason: 'forbidden' })
    await actAs(OTHER_ADMIN)
    await expect(findReleaseWindows()).resolves.toMatchObject({ windows: [] })
    await actAs(null)
    await expect(openWindow(slots, 'applicant.draw@example.org')).rejects.toBeInstanceOf(
      AccessDenied,
    )
    const db = await getDb()
    const officeId = await officeOf(slots[0]!)
    expect(await db.$count(releaseWindows, eq(releaseWindows.officeId, officeId))).toBe(0)
    expect(await windowSlots(randomUUID())).toEqual([])
  })

  it('refuses a window that closes in the past or after the slots begin', async () => {
    const slots = await createTestSlots({ provinceCode: PROVINCE, capacity: 1 })
    expect(await openWindow(slots, ADMIN, { opensAt: hours(-3), closesAt: hours(-2) })).toEqual({
      ok: false,
      reason: 'closes_in_past',
    })
    expect(await openWindow(slots, ADMIN, { opensAt: hours(-1), closesAt: hours(60) })).toEqual({
      ok: false,
      reason: 'draw_after_slots',
    })
    const db = await getDb()
    const officeId = await officeOf(slots[0]!)
    expect(await db.$count(releaseWindows, eq(releaseWindows.officeId, officeId))).toBe(0)
  })
})

describe('entering a draw', () => {
  it('needs the owner, a waiting application and times of an open draw', async () => {
    const slots = await createTestSlots({ provinceCode: PROVINCE, capacity: 1, count: 3 })
    const [owner, intruder, done] = await createBookableApplications(3, PROVINCE)
    const { windowId } = (await openWindow(slots)) as { windowId: string }
    const inWindow = await windowSlots(windowId)
    expect(inWindow).toHaveLength(3)
    const open = await runAsUser(owner!.userId, () => findOpenDraws(owner!.applicationId))
    expect(
      open
        .find((d) => d.windowId === windowId)
        ?.slots.map((s) => s.id)
        .sort(),
    ).toEqual([...inWindow].sort())
    await expect(
      enter(intruder!, [slots[0]!], { applicationId: owner!.applicationId }),
    ).rejects.toMatchObject({ reason: 'not_found' })
    await expect(
      runAsUser(intruder!.userId, () => myDrawEntry(owner!.applicationId)),
    ).rejects.toBeInstanceOf(AccessDenied)
    const [elsewhere] = await createTestSlots({ provinceCode: PROVINCE, capacity: 1 })
    expect(await enter(owner!, [elsewhere!])).toEqual({ ok: false, reason: 'choice_not_in_draw' })
    expect(await enter(owner!, [slots[0]!, elsewhere!])).toEqual({
      ok: false,
      reason: 'choice_not_in_draw',
    })
    expect(await enter(owner!, [slots[0]!, slots[0]!])).toEqual({
      ok: false,
      reason: 'choice_not_in_draw',
    })
    const db = await getDb()
    await db
      .update(applications)
      .set({ status: 'under_review' })
      .where(eq(applications.id, done!.applicationId))
    expect(await enter(done!, [slots[0]!])).toEqual({
      ok: false,
      reason: 'not_awaiting_appointment',
    })
    expect(await db.$count(drawEntries, eq(drawEntries.windowId, windowId))).toBe(0)
    // Changing one's choices replaces them: still one entry.
    expect(await enter(owner!, [slots[2]!, slots[0]!])).toEqual({ ok: true })
    expect(await enter(owner!, [slots[1]!])).toEqual({ ok: true })
    const entry = await runAsUser(owner!.userId, () => myDrawEntry(owner!.applicationId))
    expect(entry).toMatchObject({ windowId, drawnAt: null, appointment: null })
    expect(entry!.preferences.map((p) => p.id)).toEqual([slots[1]])
    expect(await db.$count(drawEntries, eq(drawEntries.windowId, windowId))).toBe(1)
  })

  it('refuses entries before the window opens and after it was drawn', async () => {
    const slots = await createTestSlots({ provinceCode: PROVINCE, capacity: 1 })
    const [person] = await createBookableApplications(1, PROVINCE)
    const later = await openWindow(slots, ADMIN, { opensAt: hours(0.5), closesAt: hours(2) })
    expect(later).toMatchObject({ ok: true })
    expect(await enter(person!, [slots[0]!])).toEqual({ ok: false, reason: 'draw_closed' })
    const open = await runAsUser(person!.userId, () => findOpenDraws(person!.applicationId))
    expect(open.map((d) => d.windowId)).not.toContain((later as { windowId: string }).windowId)
  })
})

describe('the draw', () => {
  it('allocates within capacity, one place per application, reproducibly from its seed', async () => {
    const slots = await createTestSlots({ provinceCode: PROVINCE, capacity: 2, count: 3 })
    const people = await createBookableApplications(10, PROVINCE)
    const db = await getDb()
    // Three people whose legal stay ends within a week hold more tickets.
    for (const p of people.slice(0, 3))
      await db
        .update(applications)
        .set({
          formData: { eligibility: { legalStayUntil: addDays(istanbulDate(new Date()), 5) } },
        })
        .where(eq(applications.id, p.applicationId))
    const { windowId } = (await openWindow(slots)) as { windowId: string }
    for (const [i, p] of people.entries())
      expect(await enter(p, [slots[i % 3]!, slots[(i + 1) % 3]!])).toEqual({ ok: true })
    // One entrant books elsewhere before the draw: they take no part in it.
    const [elsewhere] = await createTestSlots({ provinceCode: PROVINCE, capacity: 1 })
    const leaver = people[9]!
    expect(await holdAs(leaver, elsewhere!)).toMatchObject({ ok: true })
    expect(await confirmAs(leaver)).toMatchObject({ ok: true })

    // Two workers at once: the window is drawn once.
    const [a, b] = await Promise.all([
      runDueDraws(db, AFTER_CLOSE()),
      runDueDraws(db, AFTER_CLOSE()),
    ])
    expect(a + b).toBeGreaterThanOrEqual(1)
    const drawnAudit = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'release_window.drawn'), eq(auditEvents.entityId, windowId)),
      )
    expect(drawnAudit).toHaveLength(1)
    expect(await runDueDraws(db, AFTER_CLOSE())).toBe(0)

    const booked = await db
      .select({ applicationId: appointments.applicationId, slotId: appointments.slotId })
      .from(appointments)
      .where(and(inArray(appointments.slotId, slots), eq(appointments.status, 'confirmed')))
    expect(booked).toHaveLength(6)
    expect(new Set(booked.map((x) => x.applicationId)).size).toBe(6)
    expect(booked.map((x) => x.applicationId)).not.toContain(leaver.applicationId)
    expect(await overbookedSlots()).toEqual([])
    const ids = people.map((p) => p.applicationId)
    const active = await db
      .select({ applicationId: appointments.applicationId })
      .from(appointments)
      .where(
        and(inArray(appointments.applicationId, ids), inArray(appointments.status, ['confirmed'])),
      )
    expect(active).toHaveLength(7)
    expect(new Set(active.map((x) => x.applicationId)).size).toBe(7)

    // Anyone with the published seed, places and tickets gets the same result.
    const [window] = await db.select().from(releaseWindows).where(eq(releaseWindows.id, windowId))
    const details = drawnAudit[0]!.details as {
      seed: string
      capacity: Record<string, number>
      weights: Record<string, number>
      excluded: string[]
    }
    expect(window!.seed).toBe(details.seed)
    expect(window!.drawnAt).not.toBeNull()
    expect(details.excluded).toEqual([leaver.applicationId])
    expect(details.weights[people[0]!.applicationId]).toBeGreaterThan(4)
    expect(details.weights[people[5]!.applicationId]).toBe(1)
    const entries = await db.select().from(drawEntries).where(eq(drawEntries.windowId, windowId))
    const replay: DrawEntry[] = entries
      .filter((e) => e.applicationId in details.weights)
      .map((e) => ({
        applicationId: e.applicationId,
        weight: details.weights[e.applicationId]!,
        preferences: e.preferences,
      }))
    const again = runDraw({ entries: replay, capacity: details.capacity, seed: window!.seed! })
    expect(new Map(again.map((x) => [x.applicationId, x.slotId]))).toEqual(
      new Map(booked.map((x) => [x.applicationId, x.slotId])),
    )
    const linked = entries.filter((e) => e.appointmentId !== null)
    expect(linked).toHaveLength(6)

    // Winners get the booking e-mail, the others who took part hear they were not drawn.
    const mails = await db
      .select({ template: outboxMessages.template, recipient: outboxMessages.recipient })
      .from(outboxMessages)
      .innerJoin(users, eq(users.email, outboxMessages.recipient))
      .where(
        inArray(
          users.id,
          people.map((p) => p.userId),
        ),
      )
    expect(mails.filter((m) => m.template === 'appointment-booked')).toHaveLength(7)
    expect(mails.filter((m) => m.template === 'draw-not-drawn')).toHaveLength(3)

    // The slots are ordinary slots again.
    expect(await windowSlots(windowId)).toEqual([])
    const winner = booked[0]!
    const person = people.find((p) => p.applicationId === winner.applicationId)!
    const entry = await runAsUser(person.userId, () => myDrawEntry(person.applicationId))
    expect(entry?.appointment).toMatchObject({ status: 'confirmed' })
    const loser = people.find(
      (p) => p !== leaver && !booked.some((x) => x.applicationId === p.applicationId),
    )!
    expect(await runAsUser(loser.userId, () => myDrawEntry(loser.applicationId))).toMatchObject({
      appointment: null,
      seed: window!.seed,
    })
    expect(await enter(loser, [slots[0]!])).toEqual({
      ok: false,
      reason: 'choice_not_in_draw',
    })
  })

  it('takes each entry sent while the draw runs, or refuses it: never lost', async () => {
    const slots = await createTestSlots({ provinceCode: PROVINCE, capacity: 2, count: 2 })
    const people = await createBookableApplications(12, PROVINCE)
    const { windowId } = (await openWindow(slots)) as { windowId: string }
    const db = await getDb()
    const [results] = await Promise.all([
      Promise.all(people.map((p) => enter(p, [slots[0]!, slots[1]!]))),
      runDueDraws(db, AFTER_CLOSE()),
    ])
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'release_window.drawn'), eq(auditEvents.entityId, windowId)),
      )
    const weights = (audit!.details as { weights: Record<string, number> }).weights
    const entered = await db.select().from(drawEntries).where(eq(drawEntries.windowId, windowId))
    for (const [i, result] of results.entries()) {
      const id = people[i]!.applicationId
      if (result.ok) expect(id in weights).toBe(true)
      // After the draw the times are ordinary times again, no longer part of any draw.
      else expect(['draw_closed', 'choice_not_in_draw']).toContain(result.reason)
      expect(entered.some((e) => e.applicationId === id)).toBe(result.ok)
    }
    expect(entered.filter((e) => e.appointmentId !== null).length).toBe(Math.min(4, entered.length))
    expect(await overbookedSlots()).toEqual([])
  })

  it('hands the places nobody won back to ordinary booking', async () => {
    const slots = await createTestSlots({ provinceCode: PROVINCE, capacity: 3, count: 1 })
    const [entrant, latecomer] = await createBookableApplications(2, PROVINCE)
    const { windowId } = (await openWindow(slots)) as { windowId: string }
    expect(await enter(entrant!, [slots[0]!])).toEqual({ ok: true })
    const db = await getDb()
    await runDueDraws(db, AFTER_CLOSE())
    const [window] = await db
      .select()
      .from(releaseWindows)
      .where(and(eq(releaseWindows.id, windowId), isNotNull(releaseWindows.drawnAt)))
    expect(window?.seed).toMatch(/^[0-9a-f]{32}$/)
    expect(await db.$count(appointments, eq(appointments.slotId, slots[0]!))).toBe(1)
    expect(await holdAs(latecomer!, slots[0]!)).toMatchObject({ ok: true })
    expect(await overbookedSlots()).toEqual([])
  })
})
