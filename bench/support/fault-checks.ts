import type postgres from 'postgres'
import type { ClientResult } from './fault-clients'

/** What the database holds after the faults, compared with what each client was told. */
export type DatabaseVerdict = {
  /** Slots with more held or confirmed places than their capacity (appointments or seats). */
  overbookedSlots: number
  /** Applications with more than one appointment row: a retry booked twice. */
  applicationsBookedTwice: number
  /** Idempotency keys stored without their answer (written half). */
  halfWrittenKeys: number
  /** Clients whose outcome the database contradicts, with the first few described. */
  inconsistentClients: number
  examples: string[]
  confirmedInDatabase: number
  heldInDatabase: number
}

type Row = {
  application_id: string
  slot_id: string
  status: string
  hold_key_answer: { ok?: boolean } | null
}

export async function checkDatabase(
  sql: postgres.Sql,
  slotIds: readonly string[],
  clients: readonly ClientResult[],
): Promise<DatabaseVerdict> {
  const slots = slotIds as string[]
  const overbooked = await sql<{ id: string }[]>`
    select s.id from appointment_slots s join appointments a on a.slot_id = s.id
     where a.status in ('held', 'confirmed') and s.id = any(${slots}::uuid[])
     group by s.id, s.capacity having count(*) > s.capacity
    union
    select s.id from appointment_slots s join slot_seats x on x.slot_id = s.id
     where x.state <> 'free' and s.id = any(${slots}::uuid[])
     group by s.id, s.capacity having count(*) > s.capacity`
  const applicationIds = clients.map((c) => c.applicationId)
  const [twice] = await sql<{ n: number }[]>`
    select count(*)::int as n from (
      select application_id from appointments where application_id = any(${applicationIds}::uuid[])
       group by application_id having count(*) > 1) d`
  const [half] = await sql<{ n: number }[]>`
    select count(*)::int as n from idempotency_keys where response = '{}'::jsonb`
  const [totals] = await sql<{ confirmed: number; held: number }[]>`
    select count(*) filter (where status = 'confirmed')::int as confirmed,
           count(*) filter (where status = 'held')::int as held
      from appointments where slot_id = any(${slots}::uuid[])`
  // One row per client: its appointment (if any) and the answer stored under its hold key.
  const rows = await sql<Row[]>`
    select c.application_id, a.slot_id, a.status, k.response as hold_key_answer
      from unnest(${applicationIds}::uuid[], ${clients.map((c) => c.holdKey)}::text[])
           as c(application_id, hold_key)
      left join appointments a on a.application_id = c.application_id
      left join applications p on p.id = c.application_id
      left join idempotency_keys k on k.user_id = p.applicant_id and k.key = c.hold_key`
  const byApplication = new Map(rows.map((r) => [r.application_id, r]))
  const examples: string[] = []
  let inconsistent = 0
  for (const client of clients) {
    const row = byApplication.get(client.applicationId)
    const problem = contradiction(client, row)
    if (!problem) continue
    inconsistent += 1
    if (examples.length < 5) examples.push(`${client.applicationId}: ${problem}`)
  }
  return {
    overbookedSlots: overbooked.length,
    applicationsBookedTwice: twice!.n,
    halfWrittenKeys: half!.n,
    inconsistentClients: inconsistent,
    examples,
    confirmedInDatabase: totals!.confirmed,
    heldInDatabase: totals!.held,
  }
}

/** Why the database disagrees with what the client was told, or null when it agrees. */
function contradiction(client: ClientResult, row: Row | undefined): string | null {
  if (client.outcome === 'none') return 'the client never got a definite answer'
  if (client.outcome === 'refused') return `an unexpected refusal: ${client.refusal}`
  if (client.outcome === 'booked') {
    if (row?.status !== 'confirmed') return `told booked, database has ${row?.status ?? 'nothing'}`
    if (row.slot_id !== client.slotId) return 'booked on another slot than asked'
    if (row.hold_key_answer?.ok !== true) return 'the hold key has no stored answer'
    return null
  }
  // Told the slot was full: nothing may have been booked or stored under its key.
  if (row?.status) return `told full, database has ${row.status}`
  if (row?.hold_key_answer) return 'told full, but its hold key is stored'
  return null
}
