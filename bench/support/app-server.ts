import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import net from 'node:net'

/** Something else listens on the benchmark's port: its answers would be measured instead. */
export class PortTaken extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use by another program. The benchmark would measure that ` +
        `program instead of a fresh server. Stop it, or choose another port with --port.`,
    )
  }
}

/** Can this process bind `port` on every address (as `next start` does)? */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(false) : reject(error),
    )
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve(true)))
  })
}

/** Does anything accept connections on `port` of this machine? */
function answers(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    const done = (open: boolean) => {
      socket.destroy()
      resolve(open)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/** Throws PortTaken when `port` is bound or answers on 127.0.0.1 or ::1. */
export async function assertPortFree(port: number): Promise<void> {
  const taken =
    !(await canListen(port)) || (await answers(port, '127.0.0.1')) || (await answers(port, '::1'))
  if (taken) throw new PortTaken(port)
}

/** Builds the app when there is no production build yet (next start needs one). */
export function ensureProductionBuild(): void {
  if (existsSync('.next/BUILD_ID')) return
  const built = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' })
  if (built.status !== 0) throw new Error('next build failed')
}

export type AppServer = {
  url: string
  stop: () => void
  peakRssMb: () => number
  /** The ids of the server's processes (npx and the Next.js server it runs) now. */
  processIds: () => number[]
  /** Whether the process `next start` was spawned as is still running. */
  running: () => boolean
}

/** Where the server's standard error goes: this terminal, or a function that reads it. */
export type ServerOutput = { onStderr?: (text: string) => void }

/**
 * `next start` on `port` against `databaseUrl`; resolves once /api/health answers 200, and
 * throws when the server ends first or never answers.
 */
export function startAppServer(
  databaseUrl: string,
  port: number,
  output: ServerOutput = {},
): Promise<AppServer> {
  return startNextIn(
    '.',
    port,
    '/api/health',
    {
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? '20',
      AUTH_SECRET: 'bench-secret-0123456789-0123456789',
    },
    output,
  )
}

/** `next start` of the build in `dir`; resolves once `readyPath` answers 200. */
export async function startNextIn(
  dir: string,
  port: number,
  readyPath = '/',
  env: Record<string, string> = {},
  { onStderr }: ServerOutput = {},
): Promise<AppServer> {
  await assertPortFree(port)
  const child: ChildProcess = spawn('npx', ['next', 'start', '-p', String(port)], {
    cwd: dir,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', onStderr ? 'pipe' : 'inherit'],
    detached: true,
  })
  child.stderr?.on('data', (chunk: Buffer) => onStderr?.(chunk.toString()))
  const url = `http://127.0.0.1:${port}`
  let peak = 0
  let exited = false
  child.once('exit', () => (exited = true))
  const sampler = setInterval(() => (peak = Math.max(peak, sumRss(processTree(child.pid)))), 200)
  const stop = () => {
    clearInterval(sampler)
    if (child.pid && !exited) process.kill(-child.pid, 'SIGTERM')
    exited = true
  }
  for (let i = 0; i < 120 && !exited; i++) {
    try {
      if ((await fetch(`${url}${readyPath}`)).ok)
        return {
          url,
          stop,
          peakRssMb: () => Math.round(peak / 1024),
          processIds: () => processTree(child.pid),
          running: () => !exited,
        }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  stop()
  throw new Error(
    `next start on port ${port} ${exited ? 'ended' : 'did not answer'} before ${readyPath}`,
  )
}

/** A process and its children, read from /proc (Linux). */
function processTree(pid: number | undefined): number[] {
  if (!pid) return []
  const found: number[] = []
  const queue = [pid]
  while (queue.length > 0) {
    const current = queue.shift()!
    try {
      const children = readFileSync(`/proc/${current}/task/${current}/children`, 'utf8')
      found.push(current)
      queue.push(...children.split(' ').filter(Boolean).map(Number))
    } catch {
      // the process ended
    }
  }
  return found
}

/** Resident memory (KiB) of the processes. */
function sumRss(pids: readonly number[]): number {
  let total = 0
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    } catch {
      // the process ended
    }
  }
  return total
}
