import { describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { openPostgres } from '@/db/client'
import { checkHealth } from './health'

describe('health check', () => {
  it('reports a reachable database', async () => {
    await getDb() // the embedded database migrates and seeds on first open, which takes a few seconds
    expect(await checkHealth()).toMatchObject({ status: 'ok', database: 'reachable' })
  })

  it('reports an unreachable database without throwing', async () => {
    const down = await checkHealth(3_000, async () =>
      openPostgres('postgres://nobody@127.0.0.1:1/none', 1),
    )
    expect(down).toEqual({ status: 'unavailable', database: 'unreachable' })
  })
})
