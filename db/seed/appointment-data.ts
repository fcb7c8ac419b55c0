import { publicHolidays, ruleSettings } from '../schema'
import { DEFAULT_BOOKING_RULES } from '../../lib/domain/appointments/booking-rules'
import type { Tx } from '../client'

// Public holidays under Law 2429. The religious holidays follow the lunar calendar and move
// every year: the directorate admin confirms them against the Diyanet calendar, which is why
// they live in a table. Eves (arife) are half days.
const HOLIDAYS: ReadonlyArray<readonly [string, string, boolean?]> = [
  ['2026-01-01', 'Yılbaşı'],
  ['2026-03-19', 'Ramazan Bayramı arifesi', true],
  ['2026-03-20', 'Ramazan Bayramı'],
  ['2026-03-21', 'Ramazan Bayramı'],
  ['2026-03-22', 'Ramazan Bayramı'],
  ['2026-04-23', 'Ulusal Egemenlik ve Çocuk Bayramı'],
  ['2026-05-01', 'Emek ve Dayanışma Günü'],
  ['2026-05-19', 'Atatürk’ü Anma, Gençlik ve Spor Bayramı'],
  ['2026-05-26', 'Kurban Bayramı arifesi', true],
  ['2026-05-27', 'Kurban Bayramı'],
  ['2026-05-28', 'Kurban Bayramı'],
  ['2026-05-29', 'Kurban Bayramı'],
  ['2026-05-30', 'Kurban Bayramı'],
  ['2026-07-15', 'Demokrasi ve Millî Birlik Günü'],
  ['2026-08-30', 'Zafer Bayramı'],
  ['2026-10-28', 'Cumhuriyet Bayramı arifesi', true],
  ['2026-10-29', 'Cumhuriyet Bayramı'],
  ['2027-01-01', 'Yılbaşı'],
  ['2027-03-08', 'Ramazan Bayramı arifesi', true],
  ['2027-03-09', 'Ramazan Bayramı'],
  ['2027-03-10', 'Ramazan Bayramı'],
  ['2027-03-11', 'Ramazan Bayramı'],
  ['2027-04-23', 'Ulusal Egemenlik ve Çocuk Bayramı'],
  ['2027-05-01', 'Emek ve Dayanışma Günü'],
  ['2027-05-15', 'Kurban Bayramı arifesi', true],
  ['2027-05-16', 'Kurban Bayramı'],
  ['2027-05-17', 'Kurban Bayramı'],
  ['2027-05-18', 'Kurban Bayramı'],
  ['2027-05-19', 'Kurban Bayramı; Atatürk’ü Anma, Gençlik ve Spor Bayramı'],
  ['2027-07-15', 'Demokrasi ve Millî Birlik Günü'],
  ['2027-08-30', 'Zafer Bayramı'],
  ['2027-10-28', 'Cumhuriyet Bayramı arifesi', true],
  ['2027-10-29', 'Cumhuriyet Bayramı'],
]

export async function seedAppointmentCalendar(tx: Tx): Promise<void> {
  await tx
    .insert(publicHolidays)
    .values(HOLIDAYS.map(([date, name, halfDay]) => ({ date, name, halfDay: halfDay ?? false })))
    .onConflictDoNothing()
  // Written out so admins see every booking limit in one place and can change it.
  await tx
    .insert(ruleSettings)
    .values({ key: 'booking', value: DEFAULT_BOOKING_RULES })
    .onConflictDoNothing()
}
