// npm run bench:booking-race [-- --attempts 1000 --capacity 5 --slots 1 --concurrency 1000]
// npm run bench:booking-race -- --mode wide   (10,000 attempts over 200 slots of 5 places)
//
// N applicants, each with an eligible application, try at once to book through the HTTP API
// (hold, then confirm) against PostgreSQL (DATABASE_URL; a fresh `<name>_bench` database is
// made next to it). Prints one JSON line last.
import { randomUUID } from 'node:crypto'
import os from 'node:os'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import {
  assertPortFree,
  ensureProductionBuild,
  PortTaken,
  startAppServer,
} from './support/app-server'
import {
  countOutcome,
  createApplicants,
  createSlots,
  freshBenchDatabase,
  type Applicant,
} from './support/bench-database'
import { guardedCounterCeiling, seatClaimCeiling } from './support/sql-ceiling'
import { percentile, runWithConcurrency } from './support/stats'

const { values: args } = parseArgs({
  options: {
    mode: { type: 'string', default: 'race' },
    attempts: { type: 'string' },
    capacity: { type: 'string' },
    slots: { type: 'string' },
    concurrency: { type: 'string' },
    port: { type: 'string', default: '3200' },
  },
})
const wide = args.mode === 'wide'
const layout = {
  attempts: Number(args.attempts ?? (wide ? 10_000 : 1_000)),
  capacity: Number(args.capacity ?? 5),
  slots: Number(args.slots ?? (wide ? 200 : 1)),
  concurrency: Number(args.concurrency ?? (wide ? 500 : 1_000)),
}

// İzmir: a directorate where applicants choose their time (İstanbul and Ankara assign dates).
const BENCH_PROVINCE = 35

type Attempt = { holdMs: number; totalMs: number; statuses: number[]; confirmed: boolean }

async function post(url: string, token: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify(body),
  })
  await response.arrayBuffer()
  return response.status
}

async function attempt(base: string, person: Applicant, slotId: string): Promise<Attempt> {
  const prefix = `${base}/api/v1/applications/${person.applicationId}/appointment`
  const started = performance.now()
  const held = await post(`${prefix}/hold`, person.token, { slotId }).catch(() => 599)
  const holdMs = performance.now() - started
  const statuses = [held]
  if (held === 200)
    statuses.push(await post(`${prefix}/confirm`, person.token, {}).catch(() => 599))
  return {
    holdMs,
    totalMs: performance.now() - started,
    statuses,
    confirmed: statuses[1] === 200,
  }
}

async function main(): Promise<void> {
  const baseUrl = process.env.DATABASE_URL?.trim()
  if (!baseUrl) throw new Error('DATABASE_URL must point at PostgreSQL')
  // Before any work: another server on the port would be benchmarked in place of ours.
  await assertPortFree(Number(args.port))
  ensureProductionBuild()
  const url = await freshBenchDatabase(baseUrl)
  const sql = postgres(url, { max: 4, onnotice: () => {} })
  // Every request comes from this one machine: lift the per-address limit for the run.
  await sql`insert into rule_settings (key, value) values
              ('booking_rate_limits', ${sql.json({ perAddressPerMinute: 1_000_000 })})
            on conflict (key) do update set value = excluded.value`
  const people = await createApplicants(sql, layout.attempts, BENCH_PROVINCE)
  const slotIds = await createSlots(sql, BENCH_PROVINCE, layout.slots, layout.capacity)
  const warmup = await createApplicants(sql, 2, BENCH_PROVINCE)
  const [warmupSlot] = await createSlots(sql, BENCH_PROVINCE, 1, 2)
  const server = await startAppServer(url, Number(args.port))
  try {
    for (const person of warmup) await attempt(server.url, person, warmupSlot!)
    const started = performance.now()
    const results = await runWithConcurrency(people, layout.concurrency, (person, i) =>
      attempt(server.url, person, slotIds[i % slotIds.length]!),
    )
    const seconds = (performance.now() - started) / 1000
    const outcome = await countOutcome(sql, slotIds)
    const statuses = results.flatMap((r) => r.statuses)
    const byStatus: Record<string, number> = {}
    for (const s of statuses) byStatus[s] = (byStatus[s] ?? 0) + 1
    const httpPerSecond = Math.round(layout.attempts / seconds)
    const sqlPerSecond = await seatClaimCeiling(url, layout)
    const counterPerSecond = await guardedCounterCeiling(url, layout)
    const summary = {
      bench: 'booking-race',
      mode: wide ? 'wide' : 'race',
      machine: `${os.cpus().length} cpu ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
      attempts: layout.attempts,
      slots: layout.slots,
      capacity: layout.capacity * layout.slots,
      concurrency: layout.concurrency,
      confirmed: outcome.confirmed,
      invariantViolations: outcome.invariantViolations,
      http5xx: statuses.filter((s) => s >= 500).length,
      statusCounts: byStatus,
      holdP50Ms: percentile(
        results.map((r) => r.holdMs),
        50,
      ),
      holdP99Ms: percentile(
        results.map((r) => r.holdMs),
        99,
      ),
      attemptP50Ms: percentile(
        results.map((r) => r.totalMs),
        50,
      ),
      attemptP99Ms: percentile(
        results.map((r) => r.totalMs),
        99,
      ),
      httpAttemptsPerSecond: httpPerSecond,
      sqlSeatClaimPerSecond: sqlPerSecond,
      sqlGuardedCounterPerSecond: counterPerSecond,
      httpToSqlRatio: Math.round((httpPerSecond / sqlPerSecond) * 1000) / 1000,
      serverPeakRssMb: server.peakRssMb(),
      pass:
        outcome.confirmed === layout.capacity * layout.slots &&
        outcome.invariantViolations === 0 &&
        statuses.every((s) => s < 500),
    }
    console.log(JSON.stringify(summary))
    if (!summary.pass) process.exitCode = 1
  } finally {
    server.stop()
    await sql.end()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof PortTaken ? `bench:booking-race: ${error.message}` : error)
  process.exit(1)
})
