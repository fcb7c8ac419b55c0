import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

// Insert-only: a trigger in the migrations refuses UPDATE and DELETE.
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorUserId: text('actor_user_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    // Per-agent counts of call-centre lookups, and the check that an agent looked a case up.
    index('audit_action_actor_idx').on(t.action, t.actorUserId, t.createdAt),
  ],
)
