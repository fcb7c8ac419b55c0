import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'
import { migrationDatabaseUrl, openPglite, openPostgres, queryRows, type DbHandle } from './client'
import { migrateDatabase } from './migrate'
import { seedDatabase } from './seed/seed-database'

// Creating databases and migrating them is the owner's work (SECURITY.md DB-02).
const url = migrationDatabaseUrl()
const cleanups: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

/** A brand-new, empty database of the engine this run targets. */
async function freshDatabase(): Promise<DbHandle> {
  if (!url) {
    const handle = await openPglite('memory://')
    cleanups.push(handle.close)
    return handle
  }
  const name = `ikamet_migtest_${randomBytes(4).toString('hex')}`
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const target = new URL(url)
  target.pathname = `/${name}`
  const handle = openPostgres(target.toString(), 2)
  cleanups.push(async () => {
    await handle.close()
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.end()
  })
  return handle
}

const TABLES = [
  'provinces',
  'directorates',
  'offices',
  'counters',
  'opening_hours',
  'permit_types',
  'short_term_purposes',
  'users',
  'staff_members',
  'residence_permits',
  'applications',
  'application_events',
  'fee_payments',
] as const

async function rowCounts(handle: DbHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const table of TABLES) {
    const rows = await queryRows<{ n: number }>(
      handle.db,
      sql.raw(`select count(*)::int as n from ${table}`),
    )
    out[table] = Number([...rows][0]?.n)
  }
  return out
}

describe(`migrations and seed on ${url ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('apply cleanly to an empty database, and a second run changes nothing', async () => {
    const handle = await freshDatabase()
    await migrateDatabase(handle)
    await migrateDatabase(handle)
    const rows = await queryRows<{ table_name: string }>(
      handle.db,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    )
    const names = [...rows].map((r) => r.table_name)
    for (const t of [
      ...TABLES,
      'sessions',
      'verification_tokens',
      'outbox_messages',
      'audit_events',
    ])
      expect(names).toContain(t)
  })

  it('seeds deterministically and idempotently', async () => {
    const handle = await freshDatabase()
    await migrateDatabase(handle)
    await seedDatabase(handle.db)
    const first = await rowCounts(handle)
    const refs = await queryRows(
      handle.db,
      sql`select id, reference, status from applications order by id`,
    )
    await seedDatabase(handle.db)
    expect(await rowCounts(handle)).toEqual(first)
    expect(
      await queryRows(handle.db, sql`select id, reference, status from applications order by id`),
    ).toEqual(refs)
    expect(first.provinces).toBe(81)
    expect(first.directorates).toBe(81)
    expect(first.permit_types).toBe(6)
    expect(first.short_term_purposes).toBe(14)
  })

  it('seeds every staff role in at least two directorates, and applications in several states', async () => {
    const handle = await freshDatabase()
    await migrateDatabase(handle)
    await seedDatabase(handle.db)
    const roles = await queryRows<{ role: string; n: number }>(
      handle.db,
      sql`select role, count(distinct coalesce(directorate_id::text, 'national'))::int as n from staff_members group by role`,
    )
    const byRole = Object.fromEntries([...roles].map((r) => [r.role, Number(r.n)]))
    expect(byRole.caseworker).toBeGreaterThanOrEqual(2)
    expect(byRole.supervisor).toBeGreaterThanOrEqual(2)
    expect(byRole.directorate_admin).toBeGreaterThanOrEqual(2)
    expect(byRole.national_admin).toBe(1)
    expect(byRole.call_centre_agent).toBe(1)
    const states = await queryRows(handle.db, sql`select distinct status from applications`)
    expect([...states].length).toBeGreaterThanOrEqual(5)
    const offices = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from offices o join directorates d on d.id = o.directorate_id where d.province_code in (6, 34)`,
    )
    expect(Number([...offices][0]?.n)).toBeGreaterThanOrEqual(5)
  })

  it('keeps the audit trail insert-only', async () => {
    const handle = await freshDatabase()
    await migrateDatabase(handle)
    await handle.db.execute(
      sql`insert into audit_events (action, entity_type) values ('test.event', 'test')`,
    )
    await expect(
      handle.db.execute(sql`update audit_events set action = 'changed'`),
    ).rejects.toThrow()
    await expect(handle.db.execute(sql`delete from audit_events`)).rejects.toThrow()
    const rows = await queryRows<{ action: string }>(
      handle.db,
      sql`select action from audit_events`,
    )
    expect([...rows].map((r) => r.action)).toEqual(['test.event'])
  })
})
