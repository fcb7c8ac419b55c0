import 'server-only'
import { sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import { markUnusualDays, type AgentVolume } from '@/lib/domain/call-centre/lookup-volumes'
import { requireStaff } from '../actor'

/** The supervisor's window: the last 30 days in Türkiye, today included. */
export const VOLUME_DAYS = 30

export type AgentLookupVolume = AgentVolume & {
  agentId: string
  agentName: string
  total: number
}

type Row = { agent_id: string; agent_name: string | null; day: string; lookups: number }

/**
 * Lookups per agent per day from the audit trail, each agent's unusual days marked
 * (lib/domain/call-centre/lookup-volumes). Counts only: no reference, no case, no caller.
 * Agents work nationally, so the view is national too.
 */
export async function listLookupVolumes(): Promise<AgentLookupVolume[]> {
  await requireStaff('call_centre.supervise')
  const db = await getDb()
  const rows = await queryRows<Row>(
    db,
    sql`select e.actor_user_id as agent_id, s.display_name as agent_name,
               to_char(e.created_at at time zone 'Europe/Istanbul', 'YYYY-MM-DD') as day,
               count(*)::int as lookups
          from audit_events e
          left join staff_members s on s.user_id = e.actor_user_id
         where e.action = 'call_centre.lookup' and e.actor_user_id is not null
           and e.created_at >= ((now() at time zone 'Europe/Istanbul')::date - ${VOLUME_DAYS - 1}::int)
                               at time zone 'Europe/Istanbul'
         group by 1, 2, 3`,
  )
  const byAgent = new Map<string, { name: string; days: { day: string; lookups: number }[] }>()
  for (const row of rows) {
    const agent = byAgent.get(row.agent_id) ?? { name: row.agent_name ?? '—', days: [] }
    agent.days.push({ day: row.day, lookups: Number(row.lookups) })
    byAgent.set(row.agent_id, agent)
  }
  return [...byAgent.entries()]
    .map(([agentId, agent]) => ({
      agentId,
      agentName: agent.name,
      total: agent.days.reduce((sum, d) => sum + d.lookups, 0),
      ...markUnusualDays(agent.days),
    }))
    .sort(
      (a, b) => a.agentName.localeCompare(b.agentName, 'tr') || a.agentId.localeCompare(b.agentId),
    )
}
