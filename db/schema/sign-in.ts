import { check, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { SIGN_IN_AUDIENCES } from '../../lib/domain/sign-in-code'

export const signInAudience = pgEnum('sign_in_audience', SIGN_IN_AUDIENCES)

// One open sign-in per e-mail address: ties the code to the browser that asked for it
// (binding hash of a cookie) and counts wrong guesses and codes sent.
export const signInChallenges = pgTable(
  'sign_in_challenges',
  {
    identifier: text('identifier').primaryKey(),
    audience: signInAudience('audience').notNull(),
    bindingHash: text('binding_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    sendCount: integer('send_count').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('sign_in_attempts_non_negative', sql`${t.attempts} >= 0`)],
)
