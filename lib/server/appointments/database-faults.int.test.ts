import '../testing/request-scope-mocks'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb, getDbHandle } from '@/db'
import { sql } from 'drizzle-orm'
import { openPostgres, queryRows } from '@/db/client'
import { openForScript } from '@/db/open-for-script'
import { migrateDatabase } from '@/db/migrate'
import { seedDatabase } from '@/db/seed/seed-database'
import { ruleSettings } from '@/db/schema'
import {
  privatePostgresUnavailable,
  startPrivatePostgres,
  type PrivatePostgres,
} from '@/db/testing/private-postgres'
import { DEFAULT_BOOKING_RULES } from '@/lib/domain/appointments/booking-rules'
import { checkHealth } from '../health'
import { Busy, DatabaseUnavailable, inTransaction, isConnectionLost } from '../transaction'
import {
  bookingRequest,
  createBookableApplications,
  createTestSlots,
  overbookedSlots,
  type Bookable,
} from '../testing/booking-fixtures'
import { runAsUser } from '../testing/as-user'
import { confirmAppointment, holdAppointment } from './hold-appointment'

// SECURITY.md DF-01..DF-05, in process: the booking data-access functions on a private
// PostgreSQL cluster (never the shared server) whose connections are cut and which is
// restarted while applicants book. `npm run bench:database-faults` does the same over HTTP
// against the built app. This file runs with the PostgreSQL tests only (the embedded database
// has no connections to cut), and says why when it cannot start a cluster.

const skipReason = !process.env.DATABASE_URL?.trim()
  ? 'runs with the PostgreSQL tests (DATABASE_URL set)'
  : privatePostgresUnavailable()
if (skipReason) console.warn(`database faults: skipped, ${skipReason}`)

const PROVINCE = 35
const DATABASE = 'faults'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Client = {
  person: Bookable
  slotId: string
  holdKey: string
  confirmKey: string
  outcome?: 'booked' | 'full'
  /** Errors that were not "try again": each one fails the test. */
  unexpected: unknown[]
  retries: number
}

/**
 * Repeats one step with the same key until it answers, as the API's clients do (DF-02). The
 * errors that may be repeated are the ones the entry points answer with "try again" (409 busy,
 * 503 unavailable); anything else would be a 500 there and fails the test.
 */
async function untilAnswered<R>(client: Client, step: () => Promise<R>): Promise<R> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      return await runAsUser(client.person.userId, step)
    } catch (error) {
      const tryAgain =
        error instanceof DatabaseUnavailable || error instanceof Busy || isConnectionLost(error)
      if (!tryAgain) client.unexpected.push(error)
      client.retries += 1
      await sleep(50 + Math.random() * 100)
    }
  }
  throw new Error('no answer after 200 tries')
}

async function book(client: Client): Promise<void> {
  const request = (key: string) => bookingRequest(client.person, { idempotencyKey: key })
  const held = await untilAnswered(client, () =>
    holdAppointment({ ...request(client.holdKey), slotId: client.slotId }),
  )
  if (!held.ok) {
    if (held.reason !== 'slot_full') client.unexpected.push(held.reason)
    client.outcome = 'full'
    return
  }
  const confirmed = await untilAnswered(client, () =>
    confirmAppointment(request(client.confirmKey)),
  )
  if (!confirmed.ok) client.unexpected.push(confirmed.reason)
  else client.outcome = 'booked'
}

describe.skipIf(skipReason)('booking while PostgreSQL fails', () => {
  let pg: PrivatePostgres | undefined
  let admin: postgres.Sql
  let sharedUrl: string | undefined
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)

  beforeAll(async () => {
    pg = await startPrivatePostgres()
    admin = postgres(pg.url(), { max: 1, onnotice: () => {} })
    await admin`create database ${admin(DATABASE)}`
    // Before the first getDb(): the data-access layer opens the private cluster.
    sharedUrl = process.env.DATABASE_URL
    process.env.DATABASE_URL = pg.url(DATABASE)
    const handle = openPostgres(pg.url(DATABASE), 2)
    await migrateDatabase(handle)
    await seedDatabase(handle.db)
    await handle.close()
    const db = await getDb()
    const rules = {
      booking_rate_limits: { perAddressPerMinute: 100_000 },
      booking: { ...DEFAULT_BOOKING_RULES, holdsPerDay: 1000 },
    }
    for (const [key, value] of Object.entries(rules))
      await db
        .insert(ruleSettings)
        .values({ key, value })
        .onConflictDoUpdate({ target: ruleSettings.key, set: { value } })
    process.on('unhandledRejection', onUnhandled)
  }, 120_000)

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled)
    await admin?.end({ timeout: 1 }).catch(() => {})
    // Nothing after this file may find the private cluster, which is about to go.
    await (await getDbHandle().catch(() => null))?.close()
    delete (globalThis as { ikametDb?: unknown }).ikametDb
    process.env.DATABASE_URL = sharedUrl
    pg?.remove()
  })

  /** `count` applicants on slots of `capacity`; `fault` runs while they book. */
  async function burst(count: number, capacity: number, fault: () => Promise<void>) {
    const people = await createBookableApplications(count, PROVINCE)
    const slotIds = await createTestSlots({ provinceCode: PROVINCE, capacity, count: 2 })
    const clients: Client[] = people.map((person, i) => ({
      person,
      slotId: slotIds[i % 2]!,
      holdKey: crypto.randomUUID(),
      confirmKey: crypto.randomUUID(),
      unexpected: [],
      retries: 0,
    }))
    await Promise.all([Promise.all(clients.map(book)), fault()])
    return { clients, slotIds }
  }

  async function expectConsistent(clients: Client[], places: number) {
    for (const c of clients) expect(c.unexpected, `client ${c.person.applicationId}`).toEqual([])
    expect(clients.every((c) => c.outcome)).toBe(true)
    expect(await overbookedSlots()).toEqual([])
    const ids = clients.map((c) => c.person.applicationId)
    // Every appointment row each applicant has: a repeated hold must never make a second.
    const perApplication = await queryRows<{
      application_id: string
      n: number
      confirmed: number
    }>(
      await getDb(),
      sql`select application_id, count(*)::int as n,
            count(*) filter (where status = 'confirmed')::int as confirmed
          from appointments where application_id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )}) group by application_id`,
    )
    const byId = new Map(perApplication.map((r) => [r.application_id, r]))
    for (const c of clients) {
      const row = byId.get(c.person.applicationId)
      expect(row?.n ?? 0, `appointments of ${c.person.applicationId}`).toBeLessThanOrEqual(1)
      expect(row?.confirmed ?? 0).toBe(c.outcome === 'booked' ? 1 : 0)
      if (c.outcome === 'full') expect(row).toBeUndefined()
    }
    // A key row commits with its answer or not at all.
    const halfWritten = await queryRows<{ n: number }>(
      await getDb(),
      sql`select count(*)::int as n from idempotency_keys where response = '{}'::jsonb`,
    )
    expect(halfWritten[0]!.n).toBe(0)
    const booked = clients.filter((c) => c.outcome === 'booked').length
    expect(booked).toBeLessThanOrEqual(places)
    expect(booked).toBeGreaterThan(0)
  }

  it("runs every transaction, the app's and the scripts', with lock and statement timeouts", async () => {
    const settings = sql`select current_setting('lock_timeout') as lock,
                                current_setting('statement_timeout') as statement`
    const inApp = await inTransaction((tx) => queryRows(tx, settings))
    const script = await openForScript()
    const inScript = await script.db.transaction((tx) => queryRows(tx, settings))
    await script.close()
    for (const seen of [inApp, inScript]) expect(seen).toEqual([{ lock: '5s', statement: '15s' }])
  })

  it('repeats with the same key after a cut converge on one booking (BL-05, DF-05)', async () => {
    const [person] = await createBookableApplications(1, PROVINCE)
    const [slotId] = await createTestSlots({ provinceCode: PROVINCE, capacity: 3 })
    const key = crypto.randomUUID()
    const hold = () =>
      runAsUser(person!.userId, () =>
        holdAppointment({ ...bookingRequest(person!, { idempotencyKey: key }), slotId: slotId! }),
      )
    // Another session holds the application row, so the hold waits inside its transaction,
    // after its idempotency key row was written; then its connection is cut.
    const blocker = postgres(pg!.url(DATABASE), { max: 1, onnotice: () => {} })
    const cut = await blocker.begin(async (tx) => {
      await tx`select id from applications where id = ${person!.applicationId} for update`
      const waiting = hold().catch((error: unknown) => error)
      await sleep(500)
      await admin`select pg_terminate_backend(pid) from pg_stat_activity
                   where application_name = 'ikamet-portal' and wait_event_type = 'Lock'`
      return waiting
    })
    await blocker.end()
    expect(cut).toBeInstanceOf(DatabaseUnavailable)
    const repeat = async () => {
      for (;;) {
        const answer = await hold().catch((error: unknown) => error)
        if (!(answer instanceof DatabaseUnavailable || isConnectionLost(answer))) return answer
      }
    }
    // The cut transaction left nothing behind: the repeat books for the first time.
    const first = (await repeat()) as Awaited<ReturnType<typeof hold>>
    expect(first.ok).toBe(true)
    // Its answer is lost on the way back and the connections are cut again: the repeat gets
    // the stored answer, not a second try.
    await admin`select pg_terminate_backend(pid) from pg_stat_activity
                 where application_name = 'ikamet-portal'`
    const again = await repeat()
    expect(again).toEqual(first)
    const rows = await queryRows<{ n: number }>(
      await getDb(),
      sql`select count(*)::int as n from appointments
           where application_id = ${person!.applicationId}`,
    )
    expect(rows[0]!.n).toBe(1)
  })

  it('cuts the connections again and again: one outcome each, nobody twice, no overbooking', async () => {
    let terminated = 0
    const { clients } = await burst(40, 8, async () => {
      for (let i = 0; i < 8; i++) {
        await sleep(120)
        const [row] = await admin<{ n: number }[]>`
          select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity
           where application_name = 'ikamet-portal') t`
        terminated += row!.n
      }
    })
    expect(terminated).toBeGreaterThan(0)
    // The faults reached the applicants, or this test proves nothing.
    expect(clients.reduce((n, c) => n + c.retries, 0)).toBeGreaterThan(0)
    await expectConsistent(clients, 16)
    expect(unhandled).toEqual([])
  }, 60_000)

  it('restarts PostgreSQL mid-burst; the health check reports it and recovers by itself', async () => {
    const health: string[] = []
    const { clients } = await burst(30, 6, async () => {
      await sleep(100)
      await admin.end({ timeout: 1 })
      const probe = (async () => {
        for (let i = 0; i < 30; i++) {
          health.push((await checkHealth(1_000)).status)
          await sleep(50)
        }
      })()
      await pg!.stopFor(800)
      await probe
    })
    admin = postgres(pg!.url(), { max: 1, onnotice: () => {} })
    expect(health).toContain('unavailable')
    // Back without any restart of ours: the pool reconnects on its own.
    const started = Date.now()
    while ((await checkHealth(1_000)).status !== 'ok') await sleep(100)
    expect(Date.now() - started).toBeLessThan(10_000)
    await expectConsistent(clients, 12)
    expect(unhandled).toEqual([])
  }, 60_000)
})
