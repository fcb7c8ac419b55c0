import { date, jsonb, pgTable, text, timestamp, uuid, integer } from 'drizzle-orm/pg-core'

export type FeeGroupRow = {
  exempt: boolean
  firstMonthKurus: number
  perAdditionalMonthKurus: number
}

// Tariffs change every year and by reciprocity; they are data the national admin maintains.
export const feeTariffs = pgTable('fee_tariffs', {
  id: uuid('id').primaryKey(),
  validFrom: date('valid_from').notNull().unique(),
  cardFeeKurus: integer('card_fee_kurus').notNull(),
  groups: jsonb('groups').$type<Record<string, FeeGroupRow>>().notNull(),
  defaultGroup: text('default_group').notNull(),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const nationalityFeeGroups = pgTable('nationality_fee_groups', {
  countryCode: text('country_code').primaryKey(),
  groupCode: text('group_code').notNull(),
})
