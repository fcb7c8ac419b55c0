import 'server-only'
import { sql } from 'drizzle-orm'
import { getDbHandle } from '@/db'

export type Health = {
  status: 'ok' | 'unavailable'
  database: 'reachable' | 'unreachable'
  engine?: string
}

export async function checkHealth(timeoutMs = 3_000, open = getDbHandle): Promise<Health> {
  const probe = (async () => {
    const handle = await open()
    await handle.db.execute(sql`select 1`)
    return handle.kind
  })()
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('timeout')), timeoutMs).unref(),
  )
  try {
    const engine = await Promise.race([probe, timeout])
    return { status: 'ok', database: 'reachable', engine }
  } catch {
    probe.catch(() => {})
    return { status: 'unavailable', database: 'unreachable' }
  }
}

export async function warmUpDatabase(): Promise<void> {
  try {
    await getDbHandle()
  } catch (error) {
    console.error('database not ready at start-up:', error instanceof Error ? error.message : error)
  }
}
