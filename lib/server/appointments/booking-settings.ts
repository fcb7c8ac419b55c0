import 'server-only'
import { eq } from 'drizzle-orm'
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
 * How often one application and one address may try to hold, move or cancel. Per address
 * is generous because a household, an office or a mobile carrier shares one; a deployment
 * tunes it in rule_settings 'booking_rate_limits' ({ perAddressPerMinute }).
 */
export async function loadBookingRateLimits(rules: BookingRules): Promise<BookingRateLimits> {
  const db = await getDb()
  const [row] = await db
    .select()
    .from(ruleSettings)
    .where(eq(ruleSettings.key, 'booking_rate_limits'))
  const stored = (row?.value ?? {}) as { perAddressPerMinute?: unknown }
  const perMinute =
    typeof stored.perAddressPerMinute === 'number' && stored.perAddressPerMinute >= 1
      ? Math.floor(stored.perAddressPerMinute)
      : 30
  return {
    perApplication: {
      bucket: 'booking.application',
      limit: rules.holdsPerDay,
      windowSeconds: 86_400,
    },
    perAddress: { bucket: 'booking.address', limit: perMinute, windowSeconds: 60 },
  }
}
