import { spawn, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

// A PostgreSQL 15 cluster of our own, for tests that stop and restart the server: the shared
// server on 5432 is never touched. Debian's binaries; initdb refuses to run as root, so as root
// the cluster belongs to the postgres user (runuser), otherwise to whoever runs the test.
const BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin'

export type PrivatePostgres = {
  port: number
  /** postgres://postgres@127.0.0.1:port/<database> */
  url: (database?: string) => string
  /** `pg_ctl restart -m fast`; resolves once the server accepts connections again. */
  restart: () => Promise<void>
  /** `pg_ctl stop -m fast` … `pg_ctl start`: down for `downMs`, back when this returns. */
  stopFor: (downMs: number) => Promise<void>
  /** Stops the server and removes its folder; safe to call twice. */
  remove: () => void
}

/** Why a private cluster cannot start here, or null when it can. */
export function privatePostgresUnavailable(): string | null {
  for (const tool of ['initdb', 'pg_ctl'])
    if (!existsSync(path.join(BIN, tool))) return `${path.join(BIN, tool)} is missing`
  if (process.getuid?.() === 0) {
    if (spawnSync('runuser', ['--help']).error) return 'runuser is missing (needed as root)'
    if (spawnSync('id', ['-u', 'postgres']).status !== 0) return 'there is no postgres user'
  }
  return null
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

function idOf(flag: '-u' | '-g'): number {
  return Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim())
}

/** Starts a fresh cluster on a free loopback port with trust authentication. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const reason = privatePostgresUnavailable()
  if (reason) throw new Error(`cannot start a private PostgreSQL: ${reason}`)
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ikamet-pg-'))
  if (asRoot) chownSync(dir, idOf('-u'), idOf('-g'))
  const data = path.join(dir, 'data')
  const log = path.join(dir, 'server.log')
  const port = await freePort()
  const argvOf = (tool: string, args: string[]): [string, string[]] =>
    asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, tool), ...args]]
      : [path.join(BIN, tool), args]
  const failure = (tool: string, args: string[], stderr: string) => {
    const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : ''
    return new Error(`${tool} ${args[0]} failed: ${stderr}\n${tail}`)
  }
  // Asynchronous: a benchmark keeps sending requests while the server restarts.
  const run = (tool: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const [command, argv] = argvOf(tool, args)
      const child = spawn(command, argv, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.once('error', reject)
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(failure(tool, args, stderr || `exit ${code}`)),
      )
    })
  const runSync = (tool: string, args: string[]) => {
    const [command, argv] = argvOf(tool, args)
    spawnSync(command, argv, { cwd: dir, stdio: 'ignore', timeout: 30_000 })
  }
  // The socket lives in our folder, so nothing collides with the system's /var/run/postgresql.
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c max_connections=200',
  ].join(' ')
  const pgCtl = (...args: string[]) => run('pg_ctl', [...args, '-D', data, '-l', log, '-w'])
  let removed = false
  // Synchronous, so it also runs in an 'exit' handler.
  const remove = () => {
    if (removed) return
    removed = true
    runSync('pg_ctl', ['stop', '-m', 'immediate', '-D', data, '-w'])
    rmSync(dir, { recursive: true, force: true })
  }
  // A test that fails or is interrupted still leaves no server behind.
  process.once('exit', remove)
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      remove()
      process.exit(130)
    })
  try {
    await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'])
    await pgCtl('start', '-o', options)
  } catch (error) {
    remove()
    throw error
  }
  return {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    restart: () => pgCtl('restart', '-m', 'fast', '-o', options),
    stopFor: async (downMs) => {
      await pgCtl('stop', '-m', 'fast')
      await new Promise((resolve) => setTimeout(resolve, downMs))
      await pgCtl('start', '-o', options)
    },
    remove,
  }
}
