import 'server-only'
import { getDb } from '@/db'
import type { Tx } from '@/db/client'

export type { Tx }

const RETRYABLE = new Set(['40001', '40P01']) // serialization failure, deadlock

/** How often a transaction runs at most when PostgreSQL keeps failing it (RS-05, DF-03). */
export const MAX_TRANSACTION_ATTEMPTS = 4

/** Worth running again: PostgreSQL gave up on a serialization failure or a deadlock. */
export function isRetryable(error: unknown): boolean {
  const code = pgCode(error)
  return code !== undefined && RETRYABLE.has(code)
}

/** The SQLSTATE or socket error code of an error or of what it wraps (drizzle wraps twice). */
export function pgCode(error: unknown): string | undefined {
  let e = error as { code?: unknown; cause?: unknown } | undefined
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    if (typeof e.code === 'string') return e.code
    e = e.cause as typeof e
  }
  return undefined
}

// The server went away or refused us (SQLSTATE class 08, shutdown and start-up, too many
// connections), and what postgres.js and Node.js report for a lost or refused socket.
const CONNECTION_LOST = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
])

/** The database could not be reached, or dropped the connection mid-request (DF-02). */
export function isConnectionLost(error: unknown): boolean {
  const code = pgCode(error)
  return code !== undefined && (CONNECTION_LOST.has(code) || code.startsWith('08'))
}

/** Thrown when a lock wait ran past `lock_timeout`: the caller should try again shortly. */
export class Busy extends Error {
  constructor() {
    super('busy')
  }
}

/**
 * The database is out of reach for now (restarting, connections cut): 503, try again. Whether
 * a change that was under way committed is unknown, so only an idempotent repeat (the same
 * idempotency key) is safe; the entry points say "try again", never "nothing changed".
 */
export class DatabaseUnavailable extends Error {
  constructor() {
    super('database_unavailable')
  }
}

/** A lock wait past its limit is Busy, a lost connection DatabaseUnavailable, else as is. */
export function domainErrorOf(error: unknown): unknown {
  if (pgCode(error) === '55P03') return new Busy()
  if (isConnectionLost(error)) return new DatabaseUnavailable()
  return error
}

const pause = (attempt: number) =>
  // Jittered, growing pauses, so transactions that collided do not collide again in step.
  new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt))

/**
 * Runs `transaction` again after a serialization failure or a deadlock, at most
 * MAX_TRANSACTION_ATTEMPTS times in all; when it still fails the caller gets Busy (409, try
 * again), not the database error (RS-05, DF-03).
 */
export async function withRetries<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction()
    } catch (error) {
      if (!isRetryable(error)) throw domainErrorOf(error)
      if (attempt >= MAX_TRANSACTION_ATTEMPTS) throw new Busy()
      await pause(attempt)
    }
  }
}

/**
 * Runs `work` in one transaction (withRetries); a lock wait past `lock_timeout` becomes Busy
 * and a lost connection DatabaseUnavailable, never a 500.
 */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb().catch((error: unknown) => {
    throw domainErrorOf(error)
  })
  return withRetries(() => db.transaction(work))
}
