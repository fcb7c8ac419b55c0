import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth'

// The staff second factor (SECURITY.md SF-01..06). The secret column is read and written only
// by lib/server/auth/totp-secret.ts.
export const staffTotpFactors = pgTable('staff_totp_factors', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  // Null while the person has seen the secret but not yet typed a code from it.
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  // The newest time step whose code was accepted; a code of that step or older is refused.
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // SHA-256 of the normalised code; the code itself is shown once and never stored.
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_recovery_codes_user_idx').on(t.userId, t.codeHash)],
)
