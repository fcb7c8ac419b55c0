import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import { appointments, appointmentSlots, publicHolidays } from '@/db/schema'
import { toIstanbulWallTime } from '@/lib/domain/appointments/istanbul-time'
import { AccessDenied } from '../actor'
import { actAs } from '../testing/as-user'
import { createBookableApplications, createTestSlots } from '../testing/booking-fixtures'
import { addHoliday, listHolidays, removeHoliday } from './holidays'

async function bookDirect(applicationId: string, userId: string, slotId: string) {
  const db = await getDb()
  const id = randomUUID()
  const [seat] = await queryRows<{ seat_no: number }>(
    db,
    sql`update slot_seats set state = 'confirmed', appointment_id = ${id}
         where slot_id = ${slotId} and seat_no = 1 returning seat_no`,
  )
  await db.insert(appointments).values({
    id,
    applicationId,
    applicantId: userId,
    slotId,
    seatNo: Number(seat!.seat_no),
    status: 'confirmed',
    confirmedAt: new Date(),
  })
  return id
}

describe('public holidays, kept by the national admin', () => {
  it('closes the day everywhere, tells who was booked, and opens it again when removed', async () => {
    const [person] = await createBookableApplications(1, 20)
    const [slotId] = await createTestSlots({
      provinceCode: 20,
      capacity: 2,
      startsInHours: 24 * 41,
    })
    const appointmentId = await bookDirect(person!.applicationId, person!.userId, slotId!)
    const db = await getDb()
    const [slot] = await db.select().from(appointmentSlots).where(eq(appointmentSlots.id, slotId!))
    const date = toIstanbulWallTime(slot!.startsAt).date

    await actAs('admin.national@example.org')
    expect(await addHoliday({ date, name: 'Test bayramı', halfDay: false })).toEqual({
      ok: true,
      displaced: 1,
    })
    expect((await listHolidays(Number(date.slice(0, 4)))).map((h) => h.date)).toContain(date)
    const [after] = await db.select().from(appointments).where(eq(appointments.id, appointmentId))
    expect(after!.status).toBe('cancelled')
    expect(after!.lateCancellation).toBe(false)
    const [closed] = await db
      .select()
      .from(appointmentSlots)
      .where(eq(appointmentSlots.id, slotId!))
    expect(closed!.closed).toBe(true)

    expect(await removeHoliday(date)).toEqual({ ok: true, displaced: 0 })
    const [open] = await db.select().from(appointmentSlots).where(eq(appointmentSlots.id, slotId!))
    expect(open!.closed).toBe(false)
    expect(await db.$count(publicHolidays, eq(publicHolidays.date, date))).toBe(0)
  })

  it('refuses today and past days, unknown days, and other roles', async () => {
    await actAs('admin.national@example.org')
    expect(await addHoliday({ date: '2020-05-01', name: 'Geçmiş', halfDay: false })).toEqual({
      ok: false,
      reason: 'date_not_ahead',
    })
    expect(await removeHoliday('2099-01-02')).toEqual({ ok: false, reason: 'not_a_holiday' })
    await actAs('admin.istanbul@example.org')
    await expect(listHolidays(2026)).rejects.toBeInstanceOf(AccessDenied)
    await expect(
      addHoliday({ date: '2099-01-02', name: 'Yetkisiz', halfDay: false }),
    ).rejects.toBeInstanceOf(AccessDenied)
  })
})
