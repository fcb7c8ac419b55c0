import { randomUUID } from 'node:crypto'
import postgres from 'postgres'
import { createApplicants, createSlots } from './bench-database'
import { runWithConcurrency } from './stats'

type Layout = { attempts: number; slots: number; capacity: number; concurrency: number }

/**
 * The same bookings done straight in SQL, without HTTP, sessions, rate limits, audit or
 * idempotency: the ceiling the API is compared with. Seat rows with SKIP LOCKED, as the app.
 */
export async function seatClaimCeiling(url: string, layout: Layout): Promise<number> {
  const sql = postgres(url, { max: 20, onnotice: () => {} })
  const people = await createApplicants(sql, layout.attempts, 35)
  const slotIds = await createSlots(sql, 35, layout.slots, layout.capacity)
  const started = performance.now()
  await runWithConcurrency(people, layout.concurrency, (p, i) =>
    sql.begin(async (tx) => {
      await tx`select 1 from applications where id = ${p.applicationId} for update`
      const id = randomUUID()
      const claimed = await tx`
        with candidate as (
          select slot_id, seat_no from slot_seats
           where slot_id = ${slotIds[i % slotIds.length]!} and state = 'free'
           order by seat_no limit 1 for update skip locked)
        update slot_seats s set state = 'confirmed', appointment_id = ${id}
          from candidate c where s.slot_id = c.slot_id and s.seat_no = c.seat_no
        returning s.slot_id, s.seat_no`
      if (claimed.length === 0) return
      await tx`insert into appointments (id, application_id, applicant_id, slot_id, seat_no, status)
               values (${id}, ${p.applicationId}, ${p.userId}, ${claimed[0]!.slot_id},
                       ${claimed[0]!.seat_no}, 'confirmed')`
    }),
  )
  const seconds = (performance.now() - started) / 1000
  await sql.end()
  return Math.round(layout.attempts / seconds)
}

/** The alternative design (security.md §5.1 option B): one guarded counter per slot. */
export async function guardedCounterCeiling(url: string, layout: Layout): Promise<number> {
  const sql = postgres(url, { max: 20, onnotice: () => {} })
  await sql`create table if not exists bench_counter_slots (
              id uuid primary key, capacity int not null, booked int not null default 0,
              check (booked <= capacity))`
  await sql`create table if not exists bench_counter_bookings (
              slot_id uuid not null, application_id uuid primary key)`
  const people = await createApplicants(sql, layout.attempts, 35)
  const slots = Array.from({ length: layout.slots }, () => randomUUID())
  await sql`insert into bench_counter_slots ${sql(slots.map((id) => ({ id, capacity: layout.capacity })))}`
  const started = performance.now()
  await runWithConcurrency(people, layout.concurrency, ({ applicationId }, i) =>
    sql.begin(async (tx) => {
      // The same application lock as the seat variant, so only the capacity step differs.
      await tx`select 1 from applications where id = ${applicationId} for update`
      const slotId = slots[i % slots.length]!
      const won = await tx`update bench_counter_slots set booked = booked + 1
                              where id = ${slotId} and booked < capacity returning id`
      if (won.length > 0)
        await tx`insert into bench_counter_bookings values (${slotId}, ${applicationId})`
    }),
  )
  const seconds = (performance.now() - started) / 1000
  await sql.end()
  return Math.round(layout.attempts / seconds)
}
