import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

// Tables the Auth.js Drizzle adapter reads and writes, with the extra columns we need.
export const users = pgTable('users', {
  id: text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text('name'),
  email: text('email').unique(),
  emailVerified: timestamp('email_verified', { mode: 'date', withTimezone: true }),
  image: text('image'),
  preferredLocale: text('preferred_locale'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const accounts = pgTable(
  'accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
)

export const sessions = pgTable(
  'sessions',
  {
    sessionToken: text('session_token').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expires: timestamp('expires', { mode: 'date', withTimezone: true }).notNull(),
    // Auth.js only slides `expires`; the absolute lifetime is measured from here.
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Sessions issue 15 (SECURITY.md SN-01..04). The idle limit counts from the last request.
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    // Names a session in the person's list and forms; the token itself never leaves the server.
    publicId: uuid('public_id').notNull().unique().defaultRandom(),
    // The browser's and system's names from the User-Agent at sign-in, for the list; no
    // version, no address, no raw header.
    browser: text('browser'),
    os: text('os'),
    // Staff only (SECURITY.md SF-01): when this session passed the second factor, and the
    // wrong tries at it so far.
    secondFactorAt: timestamp('second_factor_at', { withTimezone: true }),
    secondFactorFailures: integer('second_factor_failures').notNull().default(0),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { mode: 'date', withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
)
