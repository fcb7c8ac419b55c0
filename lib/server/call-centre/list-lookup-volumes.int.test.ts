import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { auditEvents, staffMembers } from '@/db/schema'
import { actAs } from '../testing/as-user'
import { listLookupVolumes, VOLUME_DAYS } from './list-lookup-volumes'

// The supervisor's view on PGlite and PostgreSQL: lookups per agent per day for the last 30
// days, read from the audit trail, each agent's unusual days marked; supervisors and admins
// only.

const DAY = 86_400_000
// Noon in Türkiye, `daysAgo` days back: far from midnight, so the day never shifts.
const noonIstanbul = (daysAgo: number) => {
  const d = new Date(Date.now() - daysAgo * DAY)
  const day = d.toLocaleDateString('en-CA', { timeZone: 'Europe/Istanbul' })
  return new Date(`${day}T09:00:00Z`)
}
const dayOf = (at: Date) => at.toLocaleDateString('en-CA', { timeZone: 'Europe/Istanbul' })

async function newAgent(name: string): Promise<string> {
  const id = (await actAs(`agent.${randomUUID()}@example.org`))!
  const db = await getDb()
  await db.insert(staffMembers).values({ userId: id, role: 'call_centre_agent', displayName: name })
  return id
}

async function lookups(
  agentId: string,
  daysAgo: number,
  count: number,
  action = 'call_centre.lookup',
) {
  const db = await getDb()
  const at = noonIstanbul(daysAgo)
  await db.insert(auditEvents).values(
    Array.from({ length: count }, () => ({
      actorUserId: agentId,
      action,
      entityType: 'application',
      entityId: randomUUID(),
      details: { reason: 'status_question', found: true, reference: 'X' },
      createdAt: at,
    })),
  )
}

let steady = ''
let spiky = ''
let newcomer = ''

beforeAll(async () => {
  steady = await newAgent('Steady agent')
  spiky = await newAgent('Spiky agent')
  newcomer = await newAgent('New agent')
  for (const [daysAgo, n] of [
    [1, 10],
    [2, 12],
    [3, 11],
    [4, 9],
  ] as const)
    await lookups(steady, daysAgo, n)
  for (const [daysAgo, n] of [
    [2, 4],
    [3, 5],
    [5, 4],
    [6, 17],
  ] as const)
    await lookups(spiky, daysAgo, n)
  // Outside the window, and other audit actions: not counted.
  await lookups(spiky, VOLUME_DAYS + 2, 50)
  await lookups(spiky, 2, 30, 'call_centre.resent')
  await lookups(newcomer, 1, 40)
})

describe('listLookupVolumes', () => {
  it('counts lookups per agent per day and marks the days above three times the median', async () => {
    await actAs('supervisor.istanbul@example.org')
    const volumes = await listLookupVolumes()
    const of = (id: string) => volumes.find((v) => v.agentId === id)
    expect(of(steady)).toMatchObject({ agentName: 'Steady agent', total: 42, median: 10.5 })
    expect(of(steady)!.days.some((d) => d.unusual)).toBe(false)
    expect(of(spiky)).toMatchObject({ total: 30, median: 4.5 })
    expect(of(spiky)!.days).toEqual([
      { day: dayOf(noonIstanbul(2)), lookups: 4, unusual: false },
      { day: dayOf(noonIstanbul(3)), lookups: 5, unusual: false },
      { day: dayOf(noonIstanbul(5)), lookups: 4, unusual: false },
      { day: dayOf(noonIstanbul(6)), lookups: 17, unusual: true },
    ])
  })

  it('compares nobody with too few days', async () => {
    await actAs('admin.ankara@example.org')
    const volumes = await listLookupVolumes()
    expect(volumes.find((v) => v.agentId === newcomer)).toMatchObject({
      median: null,
      total: 40,
      days: [{ lookups: 40, unusual: false }],
    })
  })

  it('shows counts only, never a reference or a case', async () => {
    await actAs('admin.national@example.org')
    const json = JSON.stringify(await listLookupVolumes())
    expect(json).not.toContain('reference')
    expect(json).not.toContain('entity')
  })

  it('is for supervisors and admins: agents and caseworkers 403, applicants 404', async () => {
    await actAs('agent.callcentre@example.org')
    await expect(listLookupVolumes()).rejects.toMatchObject({ reason: 'forbidden' })
    await actAs('caseworker.istanbul@example.org')
    await expect(listLookupVolumes()).rejects.toMatchObject({ reason: 'forbidden' })
    await actAs(`applicant.${randomUUID()}@example.org`)
    await expect(listLookupVolumes()).rejects.toMatchObject({ reason: 'not_found' })
    await actAs(null)
    await expect(listLookupVolumes()).rejects.toMatchObject({ reason: 'unauthenticated' })
  })
})
