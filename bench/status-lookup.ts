// npm run bench:status-lookup [-- --applications 1000000 --requests 20000 --concurrency 64 --port 3300]
// (STATUS_LOOKUP_APPLICATIONS sets the count too, for a smaller run on a busy machine.)
//
// Seeds the applications into PostgreSQL (DATABASE_URL; a fresh `<name>_lookup_bench` database
// is made next to it), then measures the public status lookup at `concurrency` clients, each
// request from another client address through X-Forwarded-For (TRUSTED_PROXY_HOPS=1), so the
// limiter's write is part of the cost: through `next start` (POST /api/v1/status-lookups) and
// through a bare Node `http` server running the same statement with postgres.js (the
// ceiling). Prints one JSON line last.
import { spawn } from 'node:child_process'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import {
  assertPortFree,
  ensureProductionBuild,
  PortTaken,
  startAppServer,
} from './support/app-server'
import { freshBenchDatabase } from './support/bench-database'
import { percentile, runWithConcurrency } from './support/stats'
import { benchApplication, seedApplications } from './support/status-lookup-data'

const { values: args } = parseArgs({
  options: {
    applications: { type: 'string' },
    requests: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '64' },
    port: { type: 'string', default: '3300' },
  },
})
const count = Number(args.applications ?? process.env.STATUS_LOOKUP_APPLICATIONS ?? 1_000_000)
const requests = Number(args.requests)
const concurrency = Number(args.concurrency)
const appPort = Number(args.port)
const ceilingPort = appPort + 1
const SECRET = 'bench-secret-0123456789-0123456789'
const log = (line: string) => console.error(`bench:status-lookup: ${line}`)

type Lookup = { body: string; address: string }
type Side = {
  perSecond: number
  p50Ms: number
  p99Ms: number
  statusCounts: Record<string, number>
}

// 7 in 10 right, 2 in 10 a wrong date of birth, 1 in 10 an unknown reference.
function lookups(n: number, addressBase: number): Lookup[] {
  return Array.from({ length: n }, (_, j) => {
    const i = 1 + Math.floor(Math.random() * count)
    const app = benchApplication(i)
    const kind = j % 10
    const body =
      kind < 7
        ? app
        : kind < 9
          ? { ...app, dateOfBirth: '1959-12-31' }
          : { ...app, reference: benchApplication(count + 1 + j).reference }
    const a = addressBase + j
    return {
      body: JSON.stringify(body),
      address: `10.${(a >> 16) & 255}.${(a >> 8) & 255}.${a & 255}`,
    }
  })
}

function post(agent: http.Agent, port: number, lookup: Lookup): Promise<[number, number]> {
  const started = performance.now()
  return new Promise((resolve) => {
    const request = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/status-lookups',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(lookup.body),
          'accept-language': 'en',
          'x-forwarded-for': lookup.address,
        },
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve([response.statusCode ?? 0, performance.now() - started]))
      },
    )
    request.on('error', () => resolve([599, performance.now() - started]))
    request.end(lookup.body)
  })
}

async function measure(port: number, addressBase: number): Promise<Side> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
  await runWithConcurrency(lookups(500, addressBase), concurrency, (l) => post(agent, port, l))
  const work = lookups(requests, addressBase + 1000)
  const started = performance.now()
  const results = await runWithConcurrency(work, concurrency, (l) => post(agent, port, l))
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  const statusCounts: Record<string, number> = {}
  for (const [status] of results) statusCounts[status] = (statusCounts[status] ?? 0) + 1
  const latencies = results.map(([, ms]) => ms)
  return {
    perSecond: Math.round(requests / seconds),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    statusCounts,
  }
}

async function startCeiling(url: string): Promise<() => void> {
  await assertPortFree(ceilingPort)
  const child = spawn(
    'npx',
    ['tsx', '--tsconfig', 'tsconfig.scripts.json', 'bench/support/status-lookup-ceiling.ts'],
    {
      env: { ...process.env, DATABASE_URL: url, PORT: String(ceilingPort), AUTH_SECRET: SECRET },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  )
  let exited = false
  child.once('exit', () => (exited = true))
  const stop = () => {
    if (child.pid && !exited) process.kill(-child.pid, 'SIGTERM')
  }
  for (let i = 0; i < 60 && !exited; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ port: ceilingPort, host: '127.0.0.1' })
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) return stop
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  stop()
  throw new Error(`the ceiling server on port ${ceilingPort} did not start`)
}

async function main(): Promise<void> {
  const baseUrl = process.env.DATABASE_URL?.trim()
  if (!baseUrl) throw new Error('DATABASE_URL must point at PostgreSQL')
  // Before any work: another server on either port would be benchmarked in place of ours.
  await assertPortFree(appPort)
  await assertPortFree(ceilingPort)
  ensureProductionBuild()
  const url = await freshBenchDatabase(baseUrl, 'lookup_bench')
  const sql = postgres(url, { max: 2, onnotice: () => {} })
  const seedSeconds = await seedApplications(sql, count, log)
  process.env.TRUSTED_PROXY_HOPS = '1'
  const server = await startAppServer(url, appPort)
  let app: Side
  let ceiling: Side
  try {
    log('measuring the HTTP endpoint')
    app = await measure(appPort, 0)
  } finally {
    server.stop()
  }
  const stopCeiling = await startCeiling(url)
  try {
    log('measuring the ceiling')
    ceiling = await measure(ceilingPort, 1 << 22)
  } finally {
    stopCeiling()
  }
  const [applications] = await sql<{ n: number }[]>`select count(*)::int as n from applications`
  await sql.end()
  const ratio = Math.round((app.perSecond / ceiling.perSecond) * 1000) / 1000
  const only = (side: Side) =>
    Object.keys(side.statusCounts).every((s) => ['200', '404'].includes(s))
  const summary = {
    bench: 'status-lookup',
    machine: `${os.cpus().length} cpu ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    applications: applications!.n,
    seedSeconds,
    requests,
    concurrency,
    http: app,
    ceiling,
    ratio,
    goal: { ratio: 0.6, p99Ms: 50 },
    serverPeakRssMb: server.peakRssMb(),
    pass: ratio >= 0.6 && app.p99Ms < 50 && only(app) && only(ceiling),
  }
  console.log(JSON.stringify(summary))
  if (!summary.pass) process.exitCode = 1
}

main().catch((error: unknown) => {
  console.error(error instanceof PortTaken ? `bench:status-lookup: ${error.message}` : error)
  process.exit(1)
})
