import { boolean, check, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { STAFF_ROLES } from '../../lib/domain/staff-roles'
import { users } from './auth'
import { directorates } from './directorates'

export const staffRole = pgEnum('staff_role', STAFF_ROLES)

export const staffMembers = pgTable(
  'staff_members',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: staffRole('role').notNull(),
    directorateId: uuid('directorate_id').references(() => directorates.id),
    displayName: text('display_name').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Directorate roles must belong to one; national roles must not.
    check(
      'staff_directorate_matches_role',
      sql`(${t.role} in ('national_admin', 'call_centre_agent')) = (${t.directorateId} is null)`,
    ),
  ],
)
