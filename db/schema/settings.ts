import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

// Rules the brief marks uncertain are switches here, not constants in code.
export const ruleSettings = pgTable('rule_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
