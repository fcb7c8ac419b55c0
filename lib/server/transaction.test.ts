import { describe, expect, it } from 'vitest'
import { handleApi } from './api/respond'
import {
  Busy,
  DatabaseUnavailable,
  domainErrorOf,
  MAX_TRANSACTION_ATTEMPTS,
  withRetries,
} from './transaction'

// Retries of serialization failures and deadlocks are bounded (SECURITY.md DF-03), and what
// remains after them, or after a lost connection, is a "try again" answer, never a 500.

/** The errors as drizzle reports them: the driver's error, with its SQLSTATE, as the cause. */
function databaseError(code: string, message = 'database error'): Error {
  const cause = Object.assign(new Error(message), { code })
  return Object.assign(new Error('Failed query: insert into appointments …'), { cause })
}

describe('withRetries', () => {
  it('runs a transaction again after a serialization failure and returns its result', async () => {
    let runs = 0
    const result = await withRetries(async () => {
      runs += 1
      if (runs < 3) throw databaseError(runs === 1 ? '40001' : '40P01')
      return 'done'
    })
    expect(result).toBe('done')
    expect(runs).toBe(3)
  })

  it(`gives up after ${MAX_TRANSACTION_ATTEMPTS} attempts with Busy, not the database error`, async () => {
    let runs = 0
    const failure = await withRetries(async () => {
      runs += 1
      throw databaseError('40001', 'could not serialize access')
    }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(Busy)
    expect(runs).toBe(MAX_TRANSACTION_ATTEMPTS)
  })

  it('does not run again after any other error', async () => {
    let runs = 0
    const failure = await withRetries(async () => {
      runs += 1
      throw databaseError('23503', 'violates foreign key constraint')
    }).catch((error: unknown) => error)
    expect(runs).toBe(1)
    expect((failure as Error).message).toMatch(/Failed query/)
  })

  it('turns a lock wait past lock_timeout into Busy and a lost connection into unavailable', async () => {
    await expect(withRetries(() => Promise.reject(databaseError('55P03')))).rejects.toBeInstanceOf(
      Busy,
    )
    for (const code of ['57P01', '57P03', '08006', 'CONNECTION_CLOSED', 'ECONNREFUSED'])
      expect(domainErrorOf(databaseError(code))).toBeInstanceOf(DatabaseUnavailable)
  })
})

describe('the API answer after the retries', () => {
  const request = () => new Request('http://localhost/api/v1/x', { method: 'POST' })

  it('is 409 busy with Retry-After when the retries ran out', async () => {
    const response = await handleApi(request(), () =>
      withRetries(() => Promise.reject(databaseError('40P01', 'deadlock detected'))),
    )
    expect(response.status).toBe(409)
    expect(response.headers.get('retry-after')).toBe('2')
    expect((await response.json()).error.code).toBe('busy')
  })

  it('is 503 unavailable with Retry-After and no internals when the connection was cut', async () => {
    const response = await handleApi(request(), () =>
      Promise.reject(databaseError('57P01', 'terminating connection due to administrator command')),
    )
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('5')
    const body = await response.text()
    expect(JSON.parse(body).error.code).toBe('unavailable')
    expect(body).not.toMatch(/terminating|insert|57P01|\bat\s/)
  })
})
