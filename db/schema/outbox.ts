import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

// Small text files sent with a message, such as the calendar file of an appointment.
export type OutboxAttachment = { filename: string; contentType: string; content: string }

export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed'])

// Messages are written in the same transaction as the event that causes them and delivered
// later by the worker, so a crash never sends mail for something that did not happen.
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    // 'email' or 'sms'; an SMS has the E.164 number as recipient, no subject and no HTML.
    channel: text('channel').notNull().default('email'),
    template: text('template').notNull(),
    recipient: text('recipient').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    // The HTML part, rendered from the same definition as the text part. Rows queued before it
    // existed have none; the worker renders one from the text then.
    html: text('html'),
    attachments: jsonb('attachments').$type<OutboxAttachment[]>().notNull().default([]),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    // Set when a worker claims the message; until then no other worker takes it. A worker that
    // dies mid-send leaves the lease to run out, and the message is sent again (ARCHITECTURE.md
    // OB-02).
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    // The SMS gateway's id for a sent text message, to trace it in the provider's records.
    providerId: text('provider_id'),
    // The application the message is about (none for sign-in codes), so the call centre can
    // send the latest one again.
    applicationId: uuid('application_id'),
  },
  (t) => [
    // The worker's claim: the oldest pending message of a channel that is due and not leased.
    index('outbox_pending_idx')
      .on(t.channel, t.createdAt)
      .where(sql`${t.status} = 'pending'`),
    index('outbox_recipient_idx').on(t.recipient, t.createdAt),
    index('outbox_application_idx').on(t.applicationId, t.createdAt),
  ],
)
