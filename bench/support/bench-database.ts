import { randomBytes, randomUUID } from 'node:crypto'
import postgres from 'postgres'
import { openPostgres } from '../../db/client'
import { migrateDatabase } from '../../db/migrate'
import { seedDatabase } from '../../db/seed/seed-database'

export type Applicant = { userId: string; applicationId: string; token: string }

/**
 * A fresh database next to DATABASE_URL's, named `<name>_<suffix>` (`_bench` by default, one
 * per benchmark so two can run side by side), migrated and seeded.
 */
export async function freshBenchDatabase(baseUrl: string, suffix = 'bench'): Promise<string> {
  const url = new URL(baseUrl)
  const name = `${url.pathname.slice(1) || 'postgres'}_${suffix}`
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`unexpected database name ${name}`)
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} })
  await sql.unsafe(`drop database if exists ${name} with (force)`)
  await sql.unsafe(`create database ${name}`)
  await sql.end()
  url.pathname = `/${name}`
  const handle = openPostgres(url.toString(), 2)
  await migrateDatabase(handle)
  await seedDatabase(handle.db)
  await handle.close()
  return url.toString()
}

/**
 * `count` applicants, each signed in (a database session whose token the API accepts as a
 * bearer token) with an application waiting for an appointment in `provinceCode`.
 */
export async function createApplicants(
  sql: postgres.Sql,
  count: number,
  provinceCode: number,
): Promise<Applicant[]> {
  const [directorate] = await sql<{ id: string }[]>`
    select id from directorates where province_code = ${provinceCode}`
  const people = Array.from({ length: count }, () => ({
    userId: randomUUID(),
    applicationId: randomUUID(),
    token: randomBytes(32).toString('base64url'),
  }))
  for (let i = 0; i < people.length; i += 1000) {
    const batch = people.slice(i, i + 1000)
    await sql`insert into users ${sql(batch.map((p) => ({ id: p.userId, email: `bench.${p.userId}@example.org` })))}`
    await sql`insert into sessions ${sql(
      batch.map((p) => ({
        session_token: p.token,
        user_id: p.userId,
        expires: new Date(Date.now() + 3_600_000),
      })),
    )}`
    await sql`insert into applications ${sql(
      batch.map((p) => ({
        id: p.applicationId,
        reference: `B${p.applicationId.replaceAll('-', '').slice(0, 10).toUpperCase()}`,
        applicant_id: p.userId,
        kind: 'first',
        permit_type_code: 'short_term',
        purpose_code: 'tourism',
        status: 'awaiting_appointment',
        province_code: provinceCode,
        directorate_id: directorate!.id,
        requested_months: 12,
        submitted_at: new Date(),
      })),
    )}`
  }
  return people
}

/** `count` slots of `capacity` places in a new office of the province's directorate. */
export async function createSlots(
  sql: postgres.Sql,
  provinceCode: number,
  count: number,
  capacity: number,
): Promise<string[]> {
  const [directorate] = await sql<{ id: string }[]>`
    select id from directorates where province_code = ${provinceCode}`
  const officeId = randomUUID()
  await sql`insert into offices (id, directorate_id, name, address, slots_generated_until)
            values (${officeId}, ${directorate!.id}, 'Bench office', 'Bench street 1', '2999-12-31')`
  const first = Date.now() + 7 * 86_400_000
  const slots = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    office_id: officeId,
    directorate_id: directorate!.id,
    starts_at: new Date(first + i * 15 * 60_000),
    ends_at: new Date(first + (i + 1) * 15 * 60_000),
    capacity,
  }))
  await sql`insert into appointment_slots ${sql(slots)}`
  await sql`insert into slot_seats (slot_id, seat_no)
            select s.id, n from appointment_slots s, generate_series(1, s.capacity) n
             where s.office_id = ${officeId}`
  return slots.map((s) => s.id)
}

/** Confirmed appointments on the slots, and slots holding more than their capacity. */
export async function countOutcome(sql: postgres.Sql, slotIds: readonly string[]) {
  const [confirmed] = await sql<{ n: number }[]>`
    select count(*)::int as n from appointments
     where status = 'confirmed' and slot_id = any(${slotIds as string[]}::uuid[])`
  const violations = await sql<{ id: string }[]>`
    select s.id from appointment_slots s join appointments a on a.slot_id = s.id
     where a.status in ('held', 'confirmed') and s.id = any(${slotIds as string[]}::uuid[])
     group by s.id, s.capacity having count(*) > s.capacity
    union
    select s.id from appointment_slots s join slot_seats x on x.slot_id = s.id
     where x.state <> 'free' and s.id = any(${slotIds as string[]}::uuid[])
     group by s.id, s.capacity having count(*) > s.capacity`
  const [doubles] = await sql<{ n: number }[]>`
    select count(*)::int as n from (
      select application_id from appointments where status in ('held', 'confirmed')
       group by application_id having count(*) > 1) d`
  return {
    confirmed: confirmed!.n,
    invariantViolations: violations.length + doubles!.n,
  }
}
