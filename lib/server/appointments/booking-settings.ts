import 'server-only'
import { eq, inArray } from 'drizzle-orm'
import { getDb } from '@/db'
import { ruleSettings } from '@/db/schema'
import { readBookingRules, type BookingRules } from '@/lib/domain/appointments/booking-rules'
import type { RateLimitRule } from '../rate-limit'

/** The booking limits in force (rule_settings 'booking' over the defaults). */
export async function loadBookingRules(): Promise<BookingRules> {
  const db = await getDb()
  const [row] = await db.select().from(ruleSettings).where(eq(ruleSettings.key, 'booking'))
  return readBookingRules(row?.value)
}

export type BookingRateLimits = { perApplication: RateLimitRule; perAddress: RateLimitRule }

/**
 * The booking rules and how often one application and one address may try. Per address is
 * generous because a household, an office or a mobile carrier shares one; a deployment tunes
 * it in rule_settings 'booking_rate_limits' ({ perAddressPerMinute }). One query for both.
 */
export async function loadBookingSettings(): Promise<{
  rules: BookingRules
  limits: BookingRateLimits
}> {
  const db = await getDb()
  const rows = await db
    .select()
    .from(ruleSettings)
    .where(inArray(ruleSettings.key, ['booking', 'booking_rate_limits']))
  const valueOf = (key: string) => rows.find((r) => r.key === key)?.value
  const rules = readBookingRules(valueOf('booking'))
  const stored = (valueOf('booking_rate_limits') ?? {}) as { perAddressPerMinute?: unknown }
  const perMinute =
    typeof stored.perAddressPerMinute === 'number' && stored.perAddressPerMinute >= 1
      ? Math.floor(stored.perAddressPerMinute)
      : 30
  return {
    rules,
    limits: {
      perApplication: {
        bucket: 'booking.application',
        limit: rules.holdsPerDay,
        windowSeconds: 86_400,
      },
      perAddress: { bucket: 'booking.address', limit: perMinute, windowSeconds: 60 },
    },
  }
}
