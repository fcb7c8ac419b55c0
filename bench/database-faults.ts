// npm run bench:database-faults [-- --clients 240 --slots 8 --capacity 10 --port 3210]
//
// Issue 15, database faults (SECURITY.md DF-01..DF-05): a private PostgreSQL 15 cluster of its
// own (never the shared server), the production build on it, and a burst of bookings over
// the HTTP API from many clients, each with its own session and idempotency keys. During the
// burst the app's connections are terminated twice, PostgreSQL is restarted (`pg_ctl restart
// -m fast`) and later stopped for a few seconds. Clients retry with the same key until they
// get a definite answer. Then: the same server process still answers, no slot holds more than
// its capacity, nobody is booked twice, every client's outcome is what the database holds, no
// answer is a 500 and no 5xx body shows internals, and /api/health reported the outage and
// recovered by itself. Prints one JSON line last; exits 1 when an assertion fails.
import { appendFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { assertPortFree, ensureProductionBuild, startAppServer } from './support/app-server'
import { createApplicants, createSlots, freshBenchDatabase } from './support/bench-database'
import { checkDatabase } from './support/fault-checks'
import {
  bookUntilDecided,
  emptyAnswers,
  pollHealth,
  recoveryAfter,
  type ClientResult,
} from './support/fault-clients'
import { startPrivatePostgres, type PrivatePostgres } from '../db/testing/private-postgres'
import { runWithConcurrency } from './support/stats'

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '240' },
    slots: { type: 'string', default: '8' },
    capacity: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '48' },
    // Clients arrive over this many seconds, so the faults fall in the middle of the burst.
    'arrival-seconds': { type: 'string', default: '16' },
    'outage-seconds': { type: 'string', default: '3' },
    'recovery-limit-seconds': { type: 'string', default: '10' },
    port: { type: 'string', default: '3210' },
  },
})
const layout = {
  clients: Number(args.clients),
  slots: Number(args.slots),
  capacity: Number(args.capacity),
  concurrency: Number(args.concurrency),
  arrivalMs: Number(args['arrival-seconds']) * 1000,
  outageMs: Number(args['outage-seconds']) * 1000,
  recoveryLimit: Number(args['recovery-limit-seconds']),
}
// A client that has no definite answer this long after the burst began has failed.
const CLIENT_DEADLINE_MS = 120_000
const GAP_MS = 2_000
// İzmir: applicants there choose their own time (İstanbul and Ankara assign dates).
const PROVINCE = 35
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Ends every connection the app holds, as an operator or a failover would. */
async function terminateAppConnections(adminUrl: string): Promise<number> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    const [row] = await admin<{ n: number }[]>`
      select count(*)::int as n from (
        select pg_terminate_backend(pid) from pg_stat_activity
         where application_name = 'ikamet-portal') t`
    return row!.n
  } finally {
    await admin.end()
  }
}

type FaultLog = {
  terminated: number[]
  restarts: { downAt: number; backAt: number; kind: 'restart' | 'outage' }[]
}

/**
 * The faults, at fixed points of the arrival window, each at least `GAP_MS` after the previous
 * one ended (a slow restart must not leave the next fault nothing to hit).
 */
async function injectFaults(pg: PrivatePostgres, started: number): Promise<FaultLog> {
  const log: FaultLog = { terminated: [], restarts: [] }
  let lastEnded = started
  const at = async (fraction: number) => {
    const when = Math.max(started + layout.arrivalMs * fraction, lastEnded + GAP_MS)
    const wait = when - performance.now()
    if (wait > 0) await sleep(wait)
  }
  const restart = async (kind: 'restart' | 'outage') => {
    const downAt = performance.now()
    await (kind === 'restart' ? pg.restart() : pg.stopFor(layout.outageMs))
    lastEnded = performance.now()
    log.restarts.push({ downAt, backAt: lastEnded, kind })
  }
  const terminate = async () => {
    log.terminated.push(await terminateAppConnections(pg.url()))
    lastEnded = performance.now()
  }
  await at(0.15)
  await terminate()
  await at(0.3)
  await restart('restart')
  await at(0.45)
  await terminate()
  await at(0.6)
  await restart('outage')
  return log
}

async function main(): Promise<void> {
  const port = Number(args.port)
  await assertPortFree(port)
  ensureProductionBuild()
  const pg = await startPrivatePostgres()
  let stopServer = () => {}
  try {
    const url = await freshBenchDatabase(pg.url('ikamet'), 'faults')
    const sql = postgres(url, { max: 2, onnotice: () => {} })
    // Every request comes from this machine, and retries count against the limits on purpose.
    await sql`insert into rule_settings (key, value) values
                ('booking_rate_limits', ${sql.json({ perAddressPerMinute: 1_000_000 })}),
                ('booking', ${sql.json({ holdsPerDay: 1000 })})
              on conflict (key) do update set value = rule_settings.value || excluded.value`
    const people = await createApplicants(sql, layout.clients, PROVINCE)
    const slotIds = await createSlots(sql, PROVINCE, layout.slots, layout.capacity)
    const [warmSlot] = await createSlots(sql, PROVINCE, 1, 2)
    const warmPeople = await createApplicants(sql, 2, PROVINCE)
    await sql.end()

    let stderr = ''
    const serverLog = path.join(os.tmpdir(), `database-faults-${port}.log`)
    writeFileSync(serverLog, '')
    const server = await startAppServer(url, port, {
      onStderr: (text) => {
        stderr += text
        appendFileSync(serverLog, text)
      },
    })
    stopServer = server.stop
    const processIds = server.processIds()
    const answers = emptyAnswers()
    // The first requests load the routes; they are not part of the burst.
    for (const person of warmPeople)
      await bookUntilDecided({
        baseUrl: server.url,
        person,
        slotId: warmSlot!,
        answers: emptyAnswers(),
        deadline: performance.now() + 60_000,
        requestTimeoutMs: 30_000,
      })

    const health = pollHealth(server.url, 200)
    const started = performance.now()
    const faults = injectFaults(pg, started)
    const results: ClientResult[] = await runWithConcurrency(
      people,
      layout.concurrency,
      async (person, i) => {
        const arrival = started + (layout.arrivalMs * i) / people.length - performance.now()
        if (arrival > 0) await sleep(arrival)
        return bookUntilDecided({
          baseUrl: server.url,
          person,
          slotId: slotIds[i % slotIds.length]!,
          answers,
          deadline: started + CLIENT_DEADLINE_MS,
          requestTimeoutMs: 20_000,
        })
      },
    )
    const burstSeconds = (performance.now() - started) / 1000
    const faultLog = await faults
    // Give the health check its full limit after the last time PostgreSQL came back.
    const lastBack = faultLog.restarts.at(-1)!.backAt
    const waitForRecovery = lastBack + layout.recoveryLimit * 1000 - performance.now()
    if (waitForRecovery > 0) await sleep(waitForRecovery)
    await health.stop()

    const stillRunning = server.running()
    const sameProcesses = processIds.every((pid) => server.processIds().includes(pid))
    const finalHealth = await fetch(`${server.url}/api/health`)
      .then((r) => r.status)
      .catch(() => 0)
    const check = postgres(url, { max: 1, onnotice: () => {} })
    const verdict = await checkDatabase(check, slotIds, results).finally(() => check.end())
    const recoveries = faultLog.restarts.map((r) => ({
      kind: r.kind,
      downSeconds: Math.round(r.backAt - r.downAt) / 1000,
      ...recoveryAfter(health.samples, r.downAt, r.backAt),
    }))
    const outcomes = { booked: 0, full: 0, refused: 0, none: 0 }
    for (const r of results) outcomes[r.outcome] += 1
    const unhandledLines = stderr
      .split('\n')
      .filter((line) => /unhandled ?rejection|uncaught ?exception/i.test(line))
    const unhandled = unhandledLines.length
    const maxRecovery = Math.max(...recoveries.map((r) => r.recoverySeconds ?? Infinity))
    const failures = [
      !stillRunning || !sameProcesses ? 'the app process ended or was replaced' : '',
      finalHealth !== 200 ? `health answers ${finalHealth} at the end` : '',
      verdict.overbookedSlots > 0 ? 'a slot holds more than its capacity' : '',
      verdict.applicationsBookedTwice > 0 ? 'an applicant was booked twice' : '',
      verdict.halfWrittenKeys > 0 ? 'an idempotency key was stored without its answer' : '',
      verdict.inconsistentClients > 0 ? 'a client outcome disagrees with the database' : '',
      outcomes.booked > layout.slots * layout.capacity ? 'more bookings than places' : '',
      answers.leakyBodies.length > 0 ? 'a 5xx body shows internals' : '',
      // An outage is 503 or 409 "try again" (DF-02); a 500 is an error nobody handled.
      (answers.byStatus[500] ?? 0) > 0 ? 'the app answered 500' : '',
      // statement_timeout (15 s) and connect_timeout (5 s) bound every request's database work.
      Object.keys(answers.networkErrors).length > 0 ? 'a request got no answer in 20 s' : '',
      answers.wrongAnswers.length > 0 ? 'a signed-in client was told it is signed out' : '',
      unhandled > 0 ? 'the server logged an unhandled rejection or exception' : '',
      recoveries.find((r) => r.kind === 'outage' && !r.reportedOutage)
        ? 'the health check did not report the outage'
        : '',
      !(maxRecovery <= layout.recoveryLimit)
        ? `the health check did not recover within ${layout.recoveryLimit} s`
        : '',
    ].filter(Boolean)
    const summary = {
      bench: 'database-faults',
      machine: `${os.cpus().length} cpu, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}`,
      clients: layout.clients,
      places: layout.slots * layout.capacity,
      outcomes,
      confirmedInDatabase: verdict.confirmedInDatabase,
      heldInDatabase: verdict.heldInDatabase,
      requests: results.reduce((n, r) => n + r.requests, 0),
      retries: results.reduce((n, r) => n + r.retries, 0),
      statusCounts: answers.byStatus,
      networkErrors: answers.networkErrors,
      connectionsTerminated: faultLog.terminated,
      recoveries,
      maxRecoverySeconds: Number.isFinite(maxRecovery) ? maxRecovery : null,
      burstSeconds: Math.round(burstSeconds * 10) / 10,
      overbookedSlots: verdict.overbookedSlots,
      applicationsBookedTwice: verdict.applicationsBookedTwice,
      halfWrittenKeys: verdict.halfWrittenKeys,
      inconsistentClients: verdict.inconsistentClients,
      inconsistentExamples: verdict.examples,
      leakyBodies: answers.leakyBodies.slice(0, 3),
      wrongAnswers: answers.wrongAnswers.slice(0, 3),
      unhandledInServerLog: unhandled,
      unhandledExamples: unhandledLines.slice(0, 3),
      serverLog,
      serverPeakRssMb: server.peakRssMb(),
      failures,
      pass: failures.length === 0,
    }
    console.log(JSON.stringify(summary))
    if (!summary.pass) process.exitCode = 1
  } finally {
    stopServer()
    pg.remove()
  }
}

main().catch((error: unknown) => {
  console.error('bench:database-faults:', error)
  process.exit(1)
})
