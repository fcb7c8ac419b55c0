import { sql } from 'drizzle-orm'
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth'
import { applications } from './applications'

// A caseworker asks for missing documents: which checklist items, in plain words, by when.
export const documentRequests = pgTable(
  'document_requests',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    items: jsonb('items').$type<string[]>().notNull(),
    message: text('message').notNull().default(''),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    requestedBy: text('requested_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    lapsedAt: timestamp('lapsed_at', { withTimezone: true }),
    // Set when the deadline reminder (SMS) was taken, so each request is reminded once.
    deadlineRemindedAt: timestamp('deadline_reminded_at', { withTimezone: true }),
  },
  (t) => [
    // At most one open request per application.
    uniqueIndex('document_requests_open_idx')
      .on(t.applicationId)
      .where(sql`${t.answeredAt} is null and ${t.lapsedAt} is null`),
    index('document_requests_due_idx')
      .on(t.dueAt)
      .where(sql`${t.answeredAt} is null and ${t.lapsedAt} is null`),
  ],
)

// Internal notes: staff only, never shown to the applicant or the call centre.
export const caseNotes = pgTable(
  'case_notes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    authorUserId: text('author_user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_notes_application_idx').on(t.applicationId, t.createdAt)],
)

export const proposalKind = pgEnum('decision_proposal_kind', ['refuse', 'approve'])
export const proposalOutcome = pgEnum('decision_proposal_outcome', ['confirmed', 'rejected'])

// Four-eyes: a decision one person proposes and a supervisor confirms or sends back.
export const decisionProposals = pgTable(
  'decision_proposals',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: proposalKind('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, string>>().notNull(),
    proposedBy: text('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    // The application version the proposal was made on.
    applicationVersion: integer('application_version').notNull(),
    resolvedBy: text('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    outcome: proposalOutcome('outcome'),
  },
  (t) => [
    uniqueIndex('decision_proposals_open_idx')
      .on(t.applicationId)
      .where(sql`${t.resolvedAt} is null`),
  ],
)
