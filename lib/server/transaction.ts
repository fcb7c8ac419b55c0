import 'server-only'
import { getDb } from '@/db'
import type { Tx } from '@/db/client'

export type { Tx }

const RETRYABLE = new Set(['40001', '40P01']) // serialization failure, deadlock

/** Worth running again: PostgreSQL gave up on a serialization failure or a deadlock. */
export function isRetryable(error: unknown): boolean {
  const code = pgCode(error)
  return code !== undefined && RETRYABLE.has(code)
}

export function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } }
  const code = e?.code ?? e?.cause?.code
  return typeof code === 'string' ? code : undefined
}

/** Thrown when a lock wait ran past `lock_timeout`: the caller should try again shortly. */
export class Busy extends Error {
  constructor() {
    super('busy')
  }
}

/**
 * Runs `work` in one transaction, again (up to 3 more times) after a serialization failure or
 * a deadlock; a lock wait past `lock_timeout` becomes Busy (409, try again), never a 500.
 */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb()
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work)
    } catch (error) {
      if (isRetryable(error) && attempt < 4) continue
      if (pgCode(error) === '55P03') throw new Busy()
      throw error
    }
  }
}
