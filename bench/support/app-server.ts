import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

/** Builds the app when there is no production build yet (next start needs one). */
export function ensureProductionBuild(): void {
  if (existsSync('.next/BUILD_ID')) return
  const built = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' })
  if (built.status !== 0) throw new Error('next build failed')
}

export type AppServer = { url: string; stop: () => void; peakRssMb: () => number }

/** `next start` on `port` against `databaseUrl`; resolves once /api/health answers 200. */
export async function startAppServer(databaseUrl: string, port: number): Promise<AppServer> {
  const child: ChildProcess = spawn('npx', ['next', 'start', '-p', String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? '20',
      AUTH_SECRET: 'bench-secret-0123456789-0123456789',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  const url = `http://127.0.0.1:${port}`
  let peak = 0
  const sampler = setInterval(() => (peak = Math.max(peak, rssOfTree(child.pid))), 200)
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return {
    url,
    peakRssMb: () => Math.round(peak / 1024),
    stop: () => {
      clearInterval(sampler)
      if (child.pid) process.kill(-child.pid, 'SIGTERM')
    },
  }
}

/** Resident memory (KiB) of a process and its children, read from /proc (Linux). */
function rssOfTree(pid: number | undefined): number {
  if (!pid) return 0
  let total = 0
  const queue = [pid]
  while (queue.length > 0) {
    const current = queue.shift()!
    try {
      const status = readFileSync(`/proc/${current}/status`, 'utf8')
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      const children = readFileSync(`/proc/${current}/task/${current}/children`, 'utf8')
      queue.push(...children.split(' ').filter(Boolean).map(Number))
    } catch {
      // the process ended
    }
  }
  return total
}
