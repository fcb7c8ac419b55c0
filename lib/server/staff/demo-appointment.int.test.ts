import '../testing/request-scope-mocks'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { appointments, slotSeats, users } from '@/db/schema'
import { DEMO_CHECK_IN, seedDemoAppointments } from '@/db/seed/appointment-demo'
import { toIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'
import { actAs } from '../testing/as-user'
import { findDayAppointments } from './appointment-day'
import { checkInAppointment } from './check-in'

// The demo appointment the end-to-end check-in uses. A persistent PostgreSQL test database
// keeps the one from the first day it was seeded, so "it is today" is checked on the fresh
// in-memory database only.
const freshDatabase = !process.env.DATABASE_URL?.trim()

async function seedTwice() {
  const db = await getDb()
  await db.transaction((tx) => seedDemoAppointments(tx))
  await db.transaction((tx) => seedDemoAppointments(tx))
}

afterEach(async () => {
  await actAs(null)
})

describe('seedDemoAppointments', () => {
  it('seeds one confirmed appointment with its seat, and nothing more a second time', async () => {
    await seedTwice()
    const db = await getDb()
    const rows = await db
      .select({ id: appointments.id, slotId: appointments.slotId })
      .from(appointments)
      .innerJoin(users, eq(users.id, appointments.applicantId))
      .where(eq(users.email, DEMO_CHECK_IN.email))
    expect(rows).toHaveLength(1)
    const seats = await db.select().from(slotSeats).where(eq(slotSeats.slotId, rows[0]!.slotId))
    expect(seats).toMatchObject([{ seatNo: 1, appointmentId: rows[0]!.id }])
  })

  it.runIf(freshDatabase)('shows it to an İstanbul caseworker today, by name', async () => {
    await seedTwice()
    await actAs('caseworker.istanbul@example.org')
    const view = await findDayAppointments({ date: toIstanbulWallTime(new Date()).date })
    const demo = view.appointments.find((a) => a.applicantName === DEMO_CHECK_IN.name)
    expect(demo).toMatchObject({ status: 'confirmed', time: DEMO_CHECK_IN.time, version: 1 })
    // A wrong number changes nothing, so the demo stays ready for the end-to-end run.
    expect(
      await checkInAppointment({
        appointmentId: demo!.id,
        identityNumber: 'FA4417094',
        expectedVersion: 1,
      }),
    ).toEqual({ ok: false, reason: 'identity_mismatch' })
  })
})
