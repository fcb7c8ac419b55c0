import { sql } from 'drizzle-orm'
import { check, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { applications } from './applications'
import { users } from './auth'

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

export const FEE_PAYMENT_METHODS = ['online', 'counter'] as const

// The payment that settled an application's fees: online through the provider (its payment id
// is unique, so a repeated notification finds the row already there) or from a receipt seen
// at the counter. One per application: a second payment is refused, never added up.
export const feePayments = pgTable(
  'fee_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .unique()
      .references(() => applications.id),
    method: text('method', { enum: FEE_PAYMENT_METHODS }).notNull(),
    amountKurus: integer('amount_kurus').notNull(),
    currency: text('currency').notNull(),
    providerPaymentId: text('provider_payment_id').unique(),
    receiptNumber: text('receipt_number'),
    recordedByUserId: text('recorded_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('fee_payments_amount_positive', sql`${t.amountKurus} > 0`),
    check('fee_payments_method', sql`${t.method} in ('online', 'counter')`),
    check(
      'fee_payments_method_proof',
      sql`(${t.method} = 'online' and ${t.providerPaymentId} is not null) or (${t.method} = 'counter' and ${t.receiptNumber} is not null and ${t.recordedByUserId} is not null)`,
    ),
  ],
)
