import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

// Fixed-window counters shared by every server process: a limit kept in memory would reset
// on each deploy and be multiplied by the number of instances.
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    // What is limited ('booking.hold', 'api.write' …) and for whom (an application, a user,
    // an address); the subject is a hash when it is personal data such as an IP address.
    bucket: text('bucket').notNull(),
    subject: text('subject').notNull(),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    windowSeconds: integer('window_seconds').notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.subject] })],
)
